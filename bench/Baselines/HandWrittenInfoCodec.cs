using System;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Baselines;

/// <summary>
/// Baseline (a): the info stream decoded and encoded by hand with <see cref="BinaryPrimitives"/> over spans,
/// building the same ProtocolGen.Portmaster records. It is the limit for safe code, so it is written to be fast:
/// each run of fixed fields is one length check (a slice of constant length, so the JIT drops every later check)
/// followed by reads at constant offsets; each variable part is checked once; text takes the fastest strict UTF-8
/// (<see cref="StrictUtf8"/>). IPv4 addresses use the four-byte constructor, which always inlines (the span one
/// carries an exception message and is called). It keeps the generated decoder's rules: a bad frame (too short, a length past its end,
/// an unknown type, invalid text, over the 1 MiB cap, cut off) is skipped by its declared length as one error, and
/// bytes after the last field are ignored.
/// </summary>
public static class HandWrittenInfoCodec
{
    private const int HeaderSize = 5;

    /// <summary>Decodes every frame of <paramref name="buffer"/> into <paramref name="packets"/> (null for a bad frame) and returns the frame count.</summary>
    public static int DecodeFrames(ReadOnlySpan<byte> buffer, Span<Info?> packets)
    {
        var count = 0;
        while (!buffer.IsEmpty)
        {
            if (buffer.Length < HeaderSize)
            {
                packets[count++] = null; // cut inside the header
                break;
            }

            var type = buffer[0];
            var declared = BinaryPrimitives.ReadUInt32LittleEndian(buffer.Slice(1, 4));
            if (declared > FrameDecoderOptions.DefaultMaxBodyLength || declared > (uint)(buffer.Length - HeaderSize))
            {
                packets[count++] = null; // over the cap, or cut inside the body: either way it runs to the end
                break;
            }

            packets[count++] = DecodeBody(type, buffer.Slice(HeaderSize, (int)declared));
            buffer = buffer.Slice(HeaderSize + (int)declared);
        }

        return count;
    }

    /// <summary>Decodes one frame body of <paramref name="type"/>; null when it is bad.</summary>
    public static Info? DecodeBody(byte type, ReadOnlySpan<byte> body) => type switch
    {
        0 => ReadLogLine(body),
        1 => ReadConnectionV4(body),
        2 => ReadConnectionV6(body),
        3 => ReadConnectionEndV4(body),
        4 => ReadConnectionEndV6(body),
        5 => ReadBandwidthStatsV4(body),
        6 => ReadBandwidthStatsV6(body),
        _ => null,
    };

    private static LogLine? ReadLogLine(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        var line = StrictUtf8.Decode(body.Slice(1));
        return line is null ? null : new LogLine((Severity)body[0], line);
    }

    private static ConnectionV4? ReadConnectionV4(ReadOnlySpan<byte> body)
    {
        const int Fixed = 35;
        if (body.Length < Fixed)
        {
            return null;
        }

        var f = body.Slice(0, Fixed);
        var payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(f.Slice(31, 4));
        if (payloadLength > (uint)(body.Length - Fixed))
        {
            return null;
        }

        return new ConnectionV4(
            BinaryPrimitives.ReadUInt64LittleEndian(f.Slice(0, 8)),
            BinaryPrimitives.ReadUInt64LittleEndian(f.Slice(8, 8)),
            (Direction)f[16],
            (IpProtocol)f[17],
            new Ipv4Address(f[18], f[19], f[20], f[21]),
            new Ipv4Address(f[22], f[23], f[24], f[25]),
            BinaryPrimitives.ReadUInt16LittleEndian(f.Slice(26, 2)),
            BinaryPrimitives.ReadUInt16LittleEndian(f.Slice(28, 2)),
            f[30],
            body.Slice(Fixed, (int)payloadLength).ToArray());
    }

    private static ConnectionV6? ReadConnectionV6(ReadOnlySpan<byte> body)
    {
        const int Fixed = 59;
        if (body.Length < Fixed)
        {
            return null;
        }

        var f = body.Slice(0, Fixed);
        var payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(f.Slice(55, 4));
        if (payloadLength > (uint)(body.Length - Fixed))
        {
            return null;
        }

        return new ConnectionV6(
            BinaryPrimitives.ReadUInt64LittleEndian(f.Slice(0, 8)),
            BinaryPrimitives.ReadUInt64LittleEndian(f.Slice(8, 8)),
            (Direction)f[16],
            (IpProtocol)f[17],
            new Ipv6Address(f.Slice(18, 16)),
            new Ipv6Address(f.Slice(34, 16)),
            BinaryPrimitives.ReadUInt16LittleEndian(f.Slice(50, 2)),
            BinaryPrimitives.ReadUInt16LittleEndian(f.Slice(52, 2)),
            f[54],
            body.Slice(Fixed, (int)payloadLength).ToArray());
    }

    private static ConnectionEndV4? ReadConnectionEndV4(ReadOnlySpan<byte> body)
    {
        const int Fixed = 22;
        if (body.Length < Fixed)
        {
            return null;
        }

        var f = body.Slice(0, Fixed);
        return new ConnectionEndV4(
            BinaryPrimitives.ReadUInt64LittleEndian(f.Slice(0, 8)),
            (Direction)f[8],
            (IpProtocol)f[9],
            new Ipv4Address(f[10], f[11], f[12], f[13]),
            new Ipv4Address(f[14], f[15], f[16], f[17]),
            BinaryPrimitives.ReadUInt16LittleEndian(f.Slice(18, 2)),
            BinaryPrimitives.ReadUInt16LittleEndian(f.Slice(20, 2)));
    }

    private static ConnectionEndV6? ReadConnectionEndV6(ReadOnlySpan<byte> body)
    {
        const int Fixed = 46;
        if (body.Length < Fixed)
        {
            return null;
        }

        var f = body.Slice(0, Fixed);
        return new ConnectionEndV6(
            BinaryPrimitives.ReadUInt64LittleEndian(f.Slice(0, 8)),
            (Direction)f[8],
            (IpProtocol)f[9],
            new Ipv6Address(f.Slice(10, 16)),
            new Ipv6Address(f.Slice(26, 16)),
            BinaryPrimitives.ReadUInt16LittleEndian(f.Slice(42, 2)),
            BinaryPrimitives.ReadUInt16LittleEndian(f.Slice(44, 2)));
    }

    private static BandwidthStatsV4? ReadBandwidthStatsV4(ReadOnlySpan<byte> body)
    {
        const int Fixed = 5;
        const int Entry = 28;
        if (body.Length < Fixed)
        {
            return null;
        }

        var count = BinaryPrimitives.ReadUInt32LittleEndian(body.Slice(1, 4));
        if (count > (uint)((body.Length - Fixed) / Entry))
        {
            return null;
        }

        var values = count == 0 ? [] : new BandwidthValueV4[count];
        var entries = body.Slice(Fixed, values.Length * Entry);
        for (var i = 0; i < values.Length; i++)
        {
            var e = entries.Slice(i * Entry, Entry);
            values[i] = new BandwidthValueV4(
                new Ipv4Address(e[0], e[1], e[2], e[3]),
                BinaryPrimitives.ReadUInt16LittleEndian(e.Slice(4, 2)),
                new Ipv4Address(e[6], e[7], e[8], e[9]),
                BinaryPrimitives.ReadUInt16LittleEndian(e.Slice(10, 2)),
                BinaryPrimitives.ReadUInt64LittleEndian(e.Slice(12, 8)),
                BinaryPrimitives.ReadUInt64LittleEndian(e.Slice(20, 8)));
        }

        return new BandwidthStatsV4((IpProtocol)body[0], ImmutableCollectionsMarshal.AsImmutableArray(values));
    }

    private static BandwidthStatsV6? ReadBandwidthStatsV6(ReadOnlySpan<byte> body)
    {
        const int Fixed = 5;
        const int Entry = 52;
        if (body.Length < Fixed)
        {
            return null;
        }

        var count = BinaryPrimitives.ReadUInt32LittleEndian(body.Slice(1, 4));
        if (count > (uint)((body.Length - Fixed) / Entry))
        {
            return null;
        }

        var values = count == 0 ? [] : new BandwidthValueV6[count];
        var entries = body.Slice(Fixed, values.Length * Entry);
        for (var i = 0; i < values.Length; i++)
        {
            var e = entries.Slice(i * Entry, Entry);
            values[i] = new BandwidthValueV6(
                new Ipv6Address(e.Slice(0, 16)),
                BinaryPrimitives.ReadUInt16LittleEndian(e.Slice(16, 2)),
                new Ipv6Address(e.Slice(18, 16)),
                BinaryPrimitives.ReadUInt16LittleEndian(e.Slice(34, 2)),
                BinaryPrimitives.ReadUInt64LittleEndian(e.Slice(36, 8)),
                BinaryPrimitives.ReadUInt64LittleEndian(e.Slice(44, 8)));
        }

        return new BandwidthStatsV6((IpProtocol)body[0], ImmutableCollectionsMarshal.AsImmutableArray(values));
    }

    /// <summary>The frame's size: header and body (text counted exactly, as a byte[] needs).</summary>
    public static int GetFrameSize(Info packet) => HeaderSize + packet switch
    {
        LogLine p => 1 + Encoding.UTF8.GetByteCount(p.Line),
        ConnectionV4 p => 35 + p.Payload.Length,
        ConnectionV6 p => 59 + p.Payload.Length,
        ConnectionEndV4 => 22,
        ConnectionEndV6 => 46,
        BandwidthStatsV4 p => 5 + (p.Values.IsDefault ? 0 : p.Values.Length * 28),
        BandwidthStatsV6 p => 5 + (p.Values.IsDefault ? 0 : p.Values.Length * 52),
        _ => throw new ArgumentException($"not an info packet: {packet}", nameof(packet)),
    };

    /// <summary>Encodes <paramref name="packet"/> as a frame into a new array of exactly its size.</summary>
    public static byte[] EncodeFrame(Info packet)
    {
        var frame = new byte[GetFrameSize(packet)];
        EncodeFrame(packet, frame);
        return frame;
    }

    /// <summary>Encodes <paramref name="packet"/> as a frame at the start of <paramref name="destination"/> and returns its size.</summary>
    public static int EncodeFrame(Info packet, Span<byte> destination) => packet switch
    {
        ConnectionV4 p => Write(p, destination),
        ConnectionEndV4 p => Write(p, destination),
        BandwidthStatsV4 p => Write(p, destination),
        LogLine p => Write(p, destination),
        ConnectionV6 p => Write(p, destination),
        ConnectionEndV6 p => Write(p, destination),
        BandwidthStatsV6 p => Write(p, destination),
        _ => throw new ArgumentException($"not an info packet: {packet}", nameof(packet)),
    };

    private static void WriteHeader(Span<byte> frame, byte type, int bodyLength)
    {
        frame[0] = type;
        BinaryPrimitives.WriteUInt32LittleEndian(frame.Slice(1, 4), (uint)bodyLength);
    }

    private static int Write(LogLine p, Span<byte> destination)
    {
        // The text goes straight after the severity in one pass; the header, which needs its length, is written last.
        var written = StrictUtf8.Encode(p.Line, destination.Slice(HeaderSize + 1));
        var frame = destination.Slice(0, HeaderSize + 1);
        WriteHeader(frame, 0, 1 + written);
        frame[5] = (byte)p.Severity;
        return HeaderSize + 1 + written;
    }

    private static int Write(ConnectionV4 p, Span<byte> destination)
    {
        var payload = p.Payload.Span;
        var size = HeaderSize + 35 + payload.Length;
        var f = destination.Slice(0, size);
        WriteHeader(f, 1, size - HeaderSize);
        BinaryPrimitives.WriteUInt64LittleEndian(f.Slice(5, 8), p.Id);
        BinaryPrimitives.WriteUInt64LittleEndian(f.Slice(13, 8), p.ProcessId);
        f[21] = (byte)p.Direction;
        f[22] = (byte)p.Protocol;
        p.LocalIp.CopyTo(f.Slice(23, 4));
        p.RemoteIp.CopyTo(f.Slice(27, 4));
        BinaryPrimitives.WriteUInt16LittleEndian(f.Slice(31, 2), p.LocalPort);
        BinaryPrimitives.WriteUInt16LittleEndian(f.Slice(33, 2), p.RemotePort);
        f[35] = p.PayloadLayer;
        BinaryPrimitives.WriteUInt32LittleEndian(f.Slice(36, 4), (uint)payload.Length);
        payload.CopyTo(f.Slice(40));
        return size;
    }

    private static int Write(ConnectionV6 p, Span<byte> destination)
    {
        var payload = p.Payload.Span;
        var size = HeaderSize + 59 + payload.Length;
        var f = destination.Slice(0, size);
        WriteHeader(f, 2, size - HeaderSize);
        BinaryPrimitives.WriteUInt64LittleEndian(f.Slice(5, 8), p.Id);
        BinaryPrimitives.WriteUInt64LittleEndian(f.Slice(13, 8), p.ProcessId);
        f[21] = (byte)p.Direction;
        f[22] = (byte)p.Protocol;
        p.LocalIp.CopyTo(f.Slice(23, 16));
        p.RemoteIp.CopyTo(f.Slice(39, 16));
        BinaryPrimitives.WriteUInt16LittleEndian(f.Slice(55, 2), p.LocalPort);
        BinaryPrimitives.WriteUInt16LittleEndian(f.Slice(57, 2), p.RemotePort);
        f[59] = p.PayloadLayer;
        BinaryPrimitives.WriteUInt32LittleEndian(f.Slice(60, 4), (uint)payload.Length);
        payload.CopyTo(f.Slice(64));
        return size;
    }

    private static int Write(ConnectionEndV4 p, Span<byte> destination)
    {
        const int Size = HeaderSize + 22;
        var f = destination.Slice(0, Size);
        WriteHeader(f, 3, Size - HeaderSize);
        BinaryPrimitives.WriteUInt64LittleEndian(f.Slice(5, 8), p.ProcessId);
        f[13] = (byte)p.Direction;
        f[14] = (byte)p.Protocol;
        p.LocalIp.CopyTo(f.Slice(15, 4));
        p.RemoteIp.CopyTo(f.Slice(19, 4));
        BinaryPrimitives.WriteUInt16LittleEndian(f.Slice(23, 2), p.LocalPort);
        BinaryPrimitives.WriteUInt16LittleEndian(f.Slice(25, 2), p.RemotePort);
        return Size;
    }

    private static int Write(ConnectionEndV6 p, Span<byte> destination)
    {
        const int Size = HeaderSize + 46;
        var f = destination.Slice(0, Size);
        WriteHeader(f, 4, Size - HeaderSize);
        BinaryPrimitives.WriteUInt64LittleEndian(f.Slice(5, 8), p.ProcessId);
        f[13] = (byte)p.Direction;
        f[14] = (byte)p.Protocol;
        p.LocalIp.CopyTo(f.Slice(15, 16));
        p.RemoteIp.CopyTo(f.Slice(31, 16));
        BinaryPrimitives.WriteUInt16LittleEndian(f.Slice(47, 2), p.LocalPort);
        BinaryPrimitives.WriteUInt16LittleEndian(f.Slice(49, 2), p.RemotePort);
        return Size;
    }

    private static int Write(BandwidthStatsV4 p, Span<byte> destination)
    {
        const int Entry = 28;
        var values = p.Values.IsDefault ? [] : p.Values.AsSpan();
        var size = HeaderSize + 5 + values.Length * Entry;
        var f = destination.Slice(0, size);
        WriteHeader(f, 5, size - HeaderSize);
        f[5] = (byte)p.Protocol;
        BinaryPrimitives.WriteUInt32LittleEndian(f.Slice(6, 4), (uint)values.Length);
        var entries = f.Slice(10);
        for (var i = 0; i < values.Length; i++)
        {
            var e = entries.Slice(i * Entry, Entry);
            ref readonly var v = ref values[i];
            v.LocalIp.CopyTo(e.Slice(0, 4));
            BinaryPrimitives.WriteUInt16LittleEndian(e.Slice(4, 2), v.LocalPort);
            v.RemoteIp.CopyTo(e.Slice(6, 4));
            BinaryPrimitives.WriteUInt16LittleEndian(e.Slice(10, 2), v.RemotePort);
            BinaryPrimitives.WriteUInt64LittleEndian(e.Slice(12, 8), v.TransmittedBytes);
            BinaryPrimitives.WriteUInt64LittleEndian(e.Slice(20, 8), v.ReceivedBytes);
        }

        return size;
    }

    private static int Write(BandwidthStatsV6 p, Span<byte> destination)
    {
        const int Entry = 52;
        var values = p.Values.IsDefault ? [] : p.Values.AsSpan();
        var size = HeaderSize + 5 + values.Length * Entry;
        var f = destination.Slice(0, size);
        WriteHeader(f, 6, size - HeaderSize);
        f[5] = (byte)p.Protocol;
        BinaryPrimitives.WriteUInt32LittleEndian(f.Slice(6, 4), (uint)values.Length);
        var entries = f.Slice(10);
        for (var i = 0; i < values.Length; i++)
        {
            var e = entries.Slice(i * Entry, Entry);
            ref readonly var v = ref values[i];
            v.LocalIp.CopyTo(e.Slice(0, 16));
            BinaryPrimitives.WriteUInt16LittleEndian(e.Slice(16, 2), v.LocalPort);
            v.RemoteIp.CopyTo(e.Slice(18, 16));
            BinaryPrimitives.WriteUInt16LittleEndian(e.Slice(34, 2), v.RemotePort);
            BinaryPrimitives.WriteUInt64LittleEndian(e.Slice(36, 8), v.TransmittedBytes);
            BinaryPrimitives.WriteUInt64LittleEndian(e.Slice(44, 8), v.ReceivedBytes);
        }

        return size;
    }
}
