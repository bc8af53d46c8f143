using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;
using ProtocolGen.Streaming.Tests.Support;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Reading;

/// <summary>
/// The generated readers hand good whole frames to the union's own loop (<c>Info.WholeFrames</c>) and the rest to the
/// decoder's full steps: for every cut of the data they deliver exactly what the generic path delivers, frame for frame
/// (packet or typed error, offset, length, trailing bytes and the frame's bytes).
/// </summary>
public sealed class WholeFramesTests
{
    private static readonly FrameDecoderOptions[] Options =
    [
        default,
        new FrameDecoderOptions { MaxBodyLength = 64 },
        new FrameDecoderOptions { RejectTrailingBytes = true },
    ];

    [Fact]
    public async Task OverAPipe_EverySplitInTwo_DeliversWhatTheGenericPathDelivers()
    {
        var data = Hostile();
        var expected = Generic(data, default);
        for (var split = 0; split <= data.Length; split++)
        {
            var sink = await PacketReader.ReadAsync<Info, Info.WholeFrames, Recorder>(ChunkedPipe.Of(data, i => i == 0 ? Math.Max(split, 1) : data.Length), new Recorder());
            Assert.Equal(expected, sink.Frames);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(33)]
    [InlineData(100)]
    [InlineData(4096)]
    public async Task OverAStream_EachReadSize_DeliversWhatTheGenericPathDelivers(int readSize)
    {
        var data = Hostile();
        foreach (var options in Options)
        {
            var sink = await PacketReader.ReadAsync<Info, Info.WholeFrames, Recorder>(
                new MemoryStream(data), new Recorder(), new PacketReaderOptions { ReadSize = readSize, Decoder = options });
            Assert.Equal(Generic(data, options), sink.Frames);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(61)]
    public async Task OverAPipe_EachChunkSize_DeliversWhatTheGenericPathDelivers(int chunkSize)
    {
        var data = Hostile();
        foreach (var options in Options)
        {
            var sink = await PacketReader.ReadAsync<Info, Info.WholeFrames, Recorder>(ChunkedPipe.Of(data, _ => chunkSize), new Recorder(), options);
            Assert.Equal(Generic(data, options), sink.Frames);
        }
    }

    [Fact]
    public void TheUnionsLoop_StopsAtTheFirstFrameThatIsNotAGoodWholePacket()
    {
        var good = Info.EncodeFrame(Frames.Connection(1));
        var unknown = Frames.Raw(200, 1, new byte[] { 0 });
        var data = Frames.Concat([good, good, unknown, good]);
        var sink = new Recorder();

        var taken = default(Info.WholeFrames).DecodeWhole(data, 1000, default, ref sink);

        Assert.Equal(2 * good.Length, taken);
        Assert.Equal([1000L, 1000L + good.Length], sink.Frames.Select(f => f.Offset));
        Assert.Equal(0, default(Info.WholeFrames).DecodeWhole(data.AsSpan(0, good.Length - 1), 0, default, ref sink));
    }

    // The hostile stream (bad frames between good ones, a cut tail) after frames over the cap of 64 and with trailing bytes.
    private static byte[] Hostile()
    {
        var end = Info.EncodeFrame(new ConnectionEndV4(7, Direction.Inbound, IpProtocol.Tcp, new Ipv4Address(1, 2, 3, 4), new Ipv4Address(5, 6, 7, 8), 1, 2));
        var withTrailing = Frames.Raw(end[0], (uint)(end.Length - FrameHeader.TypeAndLength32Size + 3), [.. end.AsSpan(FrameHeader.TypeAndLength32Size), 9, 9, 9]);
        var large = Info.EncodeFrame(new LogLine(Severity.Warning, new string('x', 300)));
        return Frames.Concat([withTrailing, large, withTrailing, large, Frames.Hostile().Bytes]);
    }

    // What the decoder makes of the data through the union alone, fed in one piece.
    private static List<Recorded> Generic(byte[] data, FrameDecoderOptions options)
    {
        using var decoder = new FrameStreamDecoder<Info>(options);
        var sink = new Recorder();
        decoder.Feed(data, ref sink);
        decoder.Complete(ref sink);
        Assert.Contains(sink.Frames, f => f.Error is not null);
        return sink.Frames;
    }

    private sealed record Recorded(Info? Packet, ProtocolError? Error, long Offset, long Length, int TrailingLength, string Bytes);

    private struct Recorder() : IFrameSink<Info>
    {
        public List<Recorded> Frames { get; } = [];

        public readonly void OnFrame(in FrameResult<Info> frame, ReadOnlySpan<byte> bytes) =>
            Frames.Add(new Recorded(frame.Packet, frame.Error, frame.Offset, frame.Length, frame.TrailingLength,
                // Of a frame over the cap, the bytes are the part in hand, which depends on the cut.
                frame.Error?.Kind == ProtocolErrorKind.FrameTooLarge ? string.Empty : Convert.ToHexString(bytes)));
    }
}
