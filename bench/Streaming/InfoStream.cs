using System;
using System.IO.Pipelines;
using System.Threading.Tasks;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Streaming;

/// <summary>
/// A stream of connection infos fed into a pipe: one pre-encoded block of frames written over and over, so the
/// source takes the same memory whatever the count.
/// </summary>
internal static class InfoStream
{
    /// <summary>Infos per block written into the pipe.</summary>
    public const int BlockInfos = 1000;

    /// <summary>One ConnectionV4 frame with a 16-byte payload: 5 header bytes and a 51-byte body.</summary>
    public static readonly int FrameSize = Info.EncodeFrame(Connection(0)).Length;

    public static byte[] Block { get; } = BuildBlock();

    /// <summary>Writes <paramref name="infos"/> infos (a multiple of <see cref="BlockInfos"/>) into a new pipe.</summary>
    public static (PipeReader Reader, Task Writing) Start(int infos)
    {
        var pipe = new Pipe();
        return (pipe.Reader, WriteAsync(pipe.Writer, infos / BlockInfos));
    }

    private static async Task WriteAsync(PipeWriter writer, int blocks)
    {
        for (var i = 0; i < blocks; i++)
        {
            await writer.WriteAsync(Block).ConfigureAwait(false);
        }

        await writer.CompleteAsync().ConfigureAwait(false);
    }

    private static byte[] BuildBlock()
    {
        var block = new byte[BlockInfos * FrameSize];
        for (var i = 0; i < BlockInfos; i++)
        {
            Info.EncodeFrame(Connection((ulong)i), block.AsSpan(i * FrameSize));
        }

        return block;
    }

    private static ConnectionV4 Connection(ulong id) => new(
        id, 4242, Direction.Outbound, IpProtocol.Tcp, new Ipv4Address(10, 0, 0, 1), new Ipv4Address(1, 1, 1, 1), 50000, 443, 4, new byte[16]);
}
