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

/// <summary>Wrong lengths, unknown types and a cut tail: every bad frame is reported where it is, and no good frame is lost.</summary>
public sealed class HostileStreamTests
{
    [Fact]
    public async Task EveryGoodFrame_Survives_InOrder()
    {
        var hostile = Frames.Hostile();

        var frames = await ReadAll(hostile.Bytes, readSize: 100);

        Assert.Equal(hostile.GoodPackets, frames.Where(f => f.IsPacket).Select(f => f.Packet));
    }

    [Fact]
    public async Task EachBadFrame_IsReportedWithItsKindAndStreamOffset()
    {
        var hostile = Frames.Hostile();

        var errors = (await ReadAll(hostile.Bytes, readSize: 33)).Where(f => !f.IsPacket).Select(f => f.Error!).ToList();

        Assert.Equal(
            new[] { ProtocolErrorKind.SizeMismatch, ProtocolErrorKind.UnknownType, ProtocolErrorKind.LengthBeyondFrame, ProtocolErrorKind.InvalidText, ProtocolErrorKind.UnknownType },
            errors.Take(5).Select(e => e.Kind));
        foreach (var error in errors)
        {
            // The offset points at the bad frame's header: its type byte is there.
            Assert.Equal(hostile.Bytes[error.Offset], error.PacketType);
        }
    }

    [Fact]
    public async Task ATruncatedTail_IsReportedLast_AfterEveryCompleteFrame()
    {
        var hostile = Frames.Hostile();

        var frames = await ReadAll(hostile.Bytes, readSize: 1024);

        var last = frames[^1];
        Assert.Equal(ProtocolErrorKind.Truncated, last.Error!.Kind);
        Assert.Equal(hostile.Bytes.Length - 22, last.Offset);
        Assert.Equal(200u, last.Error.DeclaredLength);
        Assert.Equal(17, last.Error.BodyOffset);
        Assert.Single(frames, f => f.Error?.Kind == ProtocolErrorKind.Truncated);
    }

    [Fact]
    public async Task AFrameOverTheCap_IsReportedAtItsHeader_ThenSkipped_AndTheNextFrameSurvives()
    {
        var after = new LogLine(Severity.Info, "after the oversized frame");
        var stream = Frames.Concat(new[] { Frames.Raw(1, 100_000, new byte[100_000]), Info.EncodeFrame(after) });
        var options = new PacketReaderOptions { ReadSize = 512, Decoder = new FrameDecoderOptions { MaxBodyLength = 1000 } };

        var frames = new List<FrameResult<Info>>();
        await foreach (var frame in PacketReader.ReadAllAsync<Info>(new MemoryStream(stream), options))
        {
            frames.Add(frame);
        }

        Assert.Equal(2, frames.Count);
        Assert.Equal(ProtocolErrorKind.FrameTooLarge, frames[0].Error!.Kind);
        Assert.Equal(100_005, frames[0].Length);
        Assert.Equal(after, frames[1].Packet);
        Assert.Equal(100_005, frames[1].Offset);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task AFrameOverTheCap_CutByTheEndOfTheStream_IsReportedOnce_AsFrameTooLarge_NotAlsoTruncated(int readSize)
    {
        // Its header already condemned it, and its bytes were being dropped, not held: the end of the data changes
        // nothing about it, so it is one error, as when the whole stream is decoded at once.
        var before = new LogLine(Severity.Info, "before");
        var stream = Frames.Concat(new[] { Info.EncodeFrame(before), Frames.Raw(1, 100_000, new byte[10]) });
        var options = new PacketReaderOptions { ReadSize = readSize, Decoder = new FrameDecoderOptions { MaxBodyLength = 1000 } };

        var frames = new List<FrameResult<Info>>();
        await foreach (var frame in PacketReader.ReadAllAsync<Info>(new MemoryStream(stream), options))
        {
            frames.Add(frame);
        }

        Assert.Equal(before, frames[0].Packet);
        var error = Assert.Single(frames, f => !f.IsPacket).Error!;
        Assert.Equal((ProtocolErrorKind.FrameTooLarge, (long)Info.EncodeFrame(before).Length, 100_000u), (error.Kind, error.Offset, error.DeclaredLength));
        Assert.Equal(FrameView.Reference(stream, options.Decoder), FrameView.Of(frames));
    }

    [Fact]
    public void AFrameOverTheCap_IsNeverBuffered_EvenWhenItArrivesByteByByte()
    {
        var stream = Frames.Concat(new[] { Frames.Raw(2, 50_000, new byte[50_000]), Info.EncodeFrame(Frames.Connection(9)) });
        using var decoder = new FrameStreamDecoder<Info>(new FrameDecoderOptions { MaxBodyLength = 64 });
        var sink = new RecordingHandler();
        var handler = new Info.HandlerSink<RecordingHandler>(sink);
        var mostPending = 0;

        for (var i = 0; i < stream.Length; i++)
        {
            decoder.Feed(stream.AsSpan(i, 1), ref handler);
            mostPending = Math.Max(mostPending, decoder.PendingLength);
        }

        decoder.Complete(ref handler);
        Assert.InRange(mostPending, 0, 5 + 64);
        Assert.Equal(ProtocolErrorKind.FrameTooLarge, Assert.IsType<ProtocolError>(handler.Handler.Events[0]).Kind);
        Assert.Equal(Frames.Connection(9), handler.Handler.Events[1]);
        Assert.Equal(stream.Length, decoder.Position);
    }

    [Fact]
    public async Task TheHandlerApi_SeesWhatTheEnumerableSees_WithUnknownKindsAsRawTypeAndBody()
    {
        var hostile = Frames.Hostile();
        var expected = FrameView.Reference(hostile.Bytes).Select(f => (object?)f.Packet ?? (object?)Unknown(f, hostile.Bytes) ?? f.Error!).ToList();

        var handler = await Info.ReadAsync(new MemoryStream(hostile.Bytes), new RecordingHandler(), new PacketReaderOptions { ReadSize = 77 });

        Assert.Equal(expected, handler.Events);
        Assert.Equal(expected.Count, handler.Calls);
        Assert.Contains(new UnknownFrame(99, string.Empty), handler.Events);
    }

    [Fact]
    public async Task TheHandlerApi_OverAPipe_SeesWhatItSeesOverAStream()
    {
        var hostile = Frames.Hostile();

        var overStream = await Info.ReadAsync(new MemoryStream(hostile.Bytes), new RecordingHandler());
        var overPipe = await Info.ReadAsync(ChunkedPipe.Of(hostile.Bytes, i => 1 + (i % 50)), new RecordingHandler());

        Assert.Equal(overStream.Events, overPipe.Events);
    }

    private static UnknownFrame? Unknown(FrameView frame, byte[] stream) =>
        frame.Error is { Kind: ProtocolErrorKind.UnknownType } error
            ? new UnknownFrame(error.PacketType!.Value, Convert.ToHexString(stream, (int)frame.Offset + FrameHeader.TypeAndLength32Size, (int)frame.Length - FrameHeader.TypeAndLength32Size))
            : null;

    private static async Task<List<FrameResult<Info>>> ReadAll(byte[] data, int readSize)
    {
        var frames = new List<FrameResult<Info>>();
        await foreach (var frame in PacketReader.ReadAllAsync<Info>(new MemoryStream(data), new PacketReaderOptions { ReadSize = readSize }))
        {
            frames.Add(frame);
        }

        return frames;
    }
}
