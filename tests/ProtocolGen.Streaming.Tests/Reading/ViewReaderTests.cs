using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;
using ProtocolGen.Streaming.Tests.Support;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Reading;

/// <summary>
/// The view path frames through the same decoder as records: every good frame reaches its view, every bad one
/// the error method with the record path's error, and reading goes on after it.
/// </summary>
public sealed class ViewReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(77)]
    [InlineData(4096)]
    public async Task OnAHostileStream_TheViewHandler_SeesWhatTheRecordHandlerSees(int readSize)
    {
        var hostile = Frames.Hostile();
        var options = new PacketReaderOptions { ReadSize = readSize };

        var records = await Info.ReadAsync(new MemoryStream(hostile.Bytes), new RecordingHandler(), options);
        var views = await Info.ReadViewsAsync(new MemoryStream(hostile.Bytes), new RecordingViewHandler(), options);

        Assert.Equal(records.Events, views.Events);
        Assert.Equal(records.Calls, views.Calls);
        Assert.Contains(views.Events, e => e is ProtocolError { Kind: ProtocolErrorKind.InvalidText });
        Assert.Contains(views.Events, e => e is ProtocolError { Kind: ProtocolErrorKind.LengthBeyondFrame });
        Assert.IsType<ProtocolError>(views.Events[^1]);
    }

    [Fact]
    public async Task OverAPipe_TheViewHandler_SeesWhatItSeesOverAStream()
    {
        var hostile = Frames.Hostile();

        var overStream = await Info.ReadViewsAsync(new MemoryStream(hostile.Bytes), new RecordingViewHandler());
        var overPipe = await Info.ReadViewsAsync(ChunkedPipe.Of(hostile.Bytes, i => 1 + (i % 50)), new RecordingViewHandler());
        var overBuffer = new RecordingViewHandler();
        Info.ReadViews(hostile.Bytes, ref overBuffer);

        Assert.Equal(overStream.Events, overPipe.Events);
        Assert.Equal(overStream.Events, overBuffer.Events);
    }

    [Fact]
    public void ABadFrame_ReachesTheErrorMethod_AndTheNextFrameStillArrives()
    {
        var bool2 = Frames.Raw(0, 5, new byte[] { 3, 0, 0xC3, 0x28, 0x41 });
        var stream = Frames.Concat(new[] { bool2, Info.EncodeFrame(new LogLine(Severity.Info, "next")) });
        var handler = new RecordingViewHandler();

        Info.ReadViews(stream, ref handler);

        var error = Assert.IsType<ProtocolError>(handler.Events[0]);
        Assert.Equal(ProtocolErrorKind.InvalidText, error.Kind);
        Assert.Equal(1, error.BodyOffset);
        Assert.Equal(new LogLine(Severity.Info, "next"), handler.Events[1]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task WithoutFrameLengths_TheViewReader_FramesAndCapsAsTheRecordReaderDoes(int readSize)
    {
        // Blobs frames carry no length: the check of each body is what finds where the next frame starts.
        var stream = Frames.Concat(new[]
        {
            Blobs.EncodeFrame(new Blob(new byte[] { 1, 2, 3 })),
            Blobs.EncodeFrame(new Blob(new byte[40])),          // over the cap below
            new byte[] { 9 },                                    // unknown type: resumes at the next byte
            Blobs.EncodeFrame(new Blob(new byte[] { 4 })),
            new byte[] { 1, 5, 0, 0, 0, 1 },                     // cut by the end
        });
        var options = new PacketReaderOptions { ReadSize = readSize, Decoder = new FrameDecoderOptions { MaxBodyLength = 16 } };

        var records = new List<object>();
        await foreach (var frame in PacketReader.ReadAllAsync<Blobs>(new MemoryStream(stream), options))
        {
            records.Add(frame.IsPacket ? frame.Packet : frame.Error is { Kind: ProtocolErrorKind.UnknownType, PacketType: { } type } ? new UnknownFrame(type, string.Empty) : frame.Error);
        }

        var views = await Blobs.ReadViewsAsync(new MemoryStream(stream), new BlobViews(), options);

        Assert.Equal(records, views.Events);
        Assert.Equal(new object[] { "blob 010203", ProtocolErrorKind.FrameTooLarge }, new[] { Describe(views.Events[0]), ((ProtocolError)views.Events[1]).Kind });
        Assert.Equal(ProtocolErrorKind.Truncated, ((ProtocolError)views.Events[^1]).Kind);
    }

    private static object Describe(object e) => e is Blob blob ? "blob " + Convert.ToHexString(blob.Data.Span) : e;

    private struct BlobViews : Blobs.IViewHandler
    {
        public BlobViews() => Events = new List<object>();

        public List<object> Events { get; }

        public void Handle(Blob.View packet) => Events.Add(new Blob(packet.Data.ToArray()));

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) => Events.Add(new UnknownFrame(packetType, Convert.ToHexString(body)));

        public void HandleError(ProtocolError error) => Events.Add(error);
    }
}
