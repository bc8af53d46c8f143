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
/// A handler that throws out of a stream reader's loop loses only the frame it threw on, wherever that frame lies:
/// cut across reads, over the cap with its bytes still to be dropped, or at the end of the stream. The next loop
/// delivers every frame after it, exactly once, from the right offset.
/// </summary>
public sealed class ThrowingHandlerStreamTests
{
    private static readonly LogLine[] Lines = Enumerable.Range(0, 40).Select(i => new LogLine(Severity.Info, "line " + i)).ToArray();

    [Theory]
    [InlineData(1, 0, false)]
    [InlineData(7, 5, false)]
    [InlineData(7, 5, true)]
    [InlineData(64, 17, true)]
    [InlineData(4096, 0, true)]
    [InlineData(4096, 39, true)]
    public async Task AHandlerThatThrowsOnALine_LosesOnlyThatLine_AtEveryReadSize(int readSize, int throwOn, bool unionLoop)
    {
        var stream = new MemoryStream(Lines.SelectMany(Info.EncodeFrame).ToArray());
        using var reader = new PacketStreamReader<Info>(stream, new PacketReaderOptions { ReadSize = readSize });
        var throwing = new Info.HandlerSink<ThrowingOn>(new ThrowingOn("line " + throwOn));

        var failure = await Assert.ThrowsAsync<InvalidDataException>(async () =>
            _ = unionLoop ? await reader.ReadAsync<Info.WholeFrames, Info.HandlerSink<ThrowingOn>>(throwing) : await reader.ReadAsync(throwing));
        Assert.Equal("line " + throwOn, failure.Message);
        var rest = new List<FrameResult<Info>>();
        await foreach (var frame in reader.ReadAllAsync())
        {
            rest.Add(frame);
        }

        // Each later frame, at its own offset in the stream.
        var offsets = Lines.Select(line => (long)Info.EncodeFrame(line).Length).Prepend(0L).ToArray();
        for (var i = 1; i < offsets.Length; i++)
        {
            offsets[i] += offsets[i - 1];
        }

        Assert.Equal(Lines.Skip(throwOn + 1), rest.Select(f => f.Packet));
        Assert.Equal(offsets.Skip(throwOn + 1).Take(rest.Count), rest.Select(f => f.Offset));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(512)]
    public async Task AHandlerThatThrowsOnAFrameOverTheCap_TheNextLoopStillDropsItsBytes_AndGoesOnAfterIt(int readSize)
    {
        var after = new LogLine(Severity.Info, "after the oversized frame");
        var stream = new MemoryStream(Frames.Concat(new[] { Info.EncodeFrame(Lines[0]), Frames.Raw(1, 5000, new byte[5000]), Info.EncodeFrame(after) }));
        var options = new PacketReaderOptions { ReadSize = readSize, Decoder = new FrameDecoderOptions { MaxBodyLength = 1000 } };
        using var reader = new PacketStreamReader<Info>(stream, options);

        await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadAsync(new Info.HandlerSink<ThrowingOn>(new ThrowingOn(ProtocolErrorKind.FrameTooLarge))));
        var rest = await reader.ReadAsync(new Info.HandlerSink<RecordingHandler>(new RecordingHandler()));

        Assert.Equal(new object[] { after }, rest.Handler.Events);
    }

    [Fact]
    public async Task AHandlerThatThrowsOnTheTruncatedEnd_IsTheLastFrame_AndTheNextLoopEndsAtOnce()
    {
        var bytes = Lines.Take(3).SelectMany(Info.EncodeFrame).ToArray();
        var stream = new MemoryStream(bytes.AsSpan(0, bytes.Length - 2).ToArray());
        using var reader = new PacketStreamReader<Info>(stream, new PacketReaderOptions { ReadSize = 8 });

        await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadAsync(new Info.HandlerSink<ThrowingOn>(new ThrowingOn(ProtocolErrorKind.Truncated))));
        var rest = await reader.ReadAsync(new Info.HandlerSink<RecordingHandler>(new RecordingHandler()));

        Assert.Empty(rest.Handler.Events);
    }

    /// <summary>Throws on the log line with the given text, or on the error of the given kind.</summary>
    private readonly struct ThrowingOn : Info.IHandler
    {
        private readonly string? _line;
        private readonly ProtocolErrorKind? _error;

        public ThrowingOn(string line) => _line = line;

        public ThrowingOn(ProtocolErrorKind error) => _error = error;

        public void Handle(LogLine packet)
        {
            if (packet.Line == _line)
            {
                throw new InvalidDataException(packet.Line);
            }
        }

        public void Handle(ConnectionV4 packet) { }

        public void Handle(ConnectionV6 packet) { }

        public void Handle(ConnectionEndV4 packet) { }

        public void Handle(ConnectionEndV6 packet) { }

        public void Handle(BandwidthStatsV4 packet) { }

        public void Handle(BandwidthStatsV6 packet) { }

        public void HandleUnknown(byte packetType, ReadOnlySpan<byte> body) { }

        public void HandleError(ProtocolError error)
        {
            if (error.Kind == _error)
            {
                throw new InvalidDataException(error.Kind.ToString());
            }
        }
    }
}
