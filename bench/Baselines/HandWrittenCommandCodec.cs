using System;
using System.Buffers.Binary;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Baselines;

/// <summary>
/// Baseline (a) for commands: the type byte and fixed fields written straight into the span with one length
/// check per command (commands are framed <c>[type u8][body]</c>, no length).
/// </summary>
public static class HandWrittenCommandCodec
{
    private const int VerdictSize = 1 + 9;
    private const int UpdateV6Size = 1 + 38;

    /// <summary>Encodes <paramref name="command"/> at the start of <paramref name="destination"/> and returns its size.</summary>
    public static int EncodeFrame(Command command, Span<byte> destination) => command switch
    {
        VerdictCommand p => Write(p, destination),
        UpdateV6 p => Write(p, destination),
        _ => throw new ArgumentException($"not hand-written here: {command}", nameof(command)),
    };

    /// <summary>Encodes <paramref name="command"/> into a new array of exactly its size.</summary>
    public static byte[] EncodeFrame(Command command)
    {
        var frame = new byte[command switch
        {
            VerdictCommand => VerdictSize,
            UpdateV6 => UpdateV6Size,
            _ => throw new ArgumentException($"not hand-written here: {command}", nameof(command)),
        }];
        EncodeFrame(command, frame);
        return frame;
    }

    private static int Write(VerdictCommand p, Span<byte> destination)
    {
        var f = destination.Slice(0, VerdictSize);
        f[0] = 1;
        BinaryPrimitives.WriteUInt64LittleEndian(f.Slice(1, 8), p.Id);
        f[9] = (byte)p.Verdict;
        return VerdictSize;
    }

    private static int Write(UpdateV6 p, Span<byte> destination)
    {
        var f = destination.Slice(0, UpdateV6Size);
        f[0] = 3;
        f[1] = (byte)p.Protocol;
        p.LocalAddress.CopyTo(f.Slice(2, 16));
        BinaryPrimitives.WriteUInt16LittleEndian(f.Slice(18, 2), p.LocalPort);
        p.RemoteAddress.CopyTo(f.Slice(20, 16));
        BinaryPrimitives.WriteUInt16LittleEndian(f.Slice(36, 2), p.RemotePort);
        f[38] = (byte)p.Verdict;
        return UpdateV6Size;
    }
}
