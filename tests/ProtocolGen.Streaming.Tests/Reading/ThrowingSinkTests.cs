using System;
using System.Linq;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Reading;

/// <summary>
/// A sink that throws out of <see cref="FrameStreamDecoder{TUnion}.Feed{TSink}"/> ends the decoder: its exception comes
/// out, and every later call says the decoder lost its place instead of decoding the rest from a wrong offset.
/// </summary>
public sealed class ThrowingSinkTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void ASinkThatThrowsOutOfFeed_EndsTheDecoder_AndLaterCallsSaySo(int throwAt)
    {
        var frames = Enumerable.Range(0, 5).Select(i => Info.EncodeFrame(new LogLine(Severity.Info, "line " + i))).ToArray();
        var data = frames.SelectMany(f => f).ToArray();
        using var decoder = new FrameStreamDecoder<Info>();
        var sink = new Throwing(throwAt);

        var thrown = Assert.Throws<InvalidTimeZoneException>(() => decoder.Feed(data.AsSpan(0, data.Length - 2), ref sink));
        Assert.Equal("frame " + throwAt, thrown.Message);

        var again = Assert.Throws<InvalidOperationException>(() => decoder.Feed(data.AsSpan(data.Length - 2), ref sink));
        Assert.Contains("new decoder", again.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => decoder.Complete(ref sink));
        Assert.Equal(throwAt + 1, sink.Calls);
    }

    [Fact]
    public void ADecoderWhoseSinksNeverThrow_GoesOnAcrossFeeds()
    {
        var data = Info.EncodeFrame(new LogLine(Severity.Info, "whole"));
        using var decoder = new FrameStreamDecoder<Info>();
        var sink = new Throwing(int.MaxValue);

        decoder.Feed(data.AsSpan(0, 3), ref sink);
        decoder.Feed(data.AsSpan(3), ref sink);
        decoder.Complete(ref sink);

        Assert.Equal(1, sink.Calls);
        Assert.Equal(data.Length, decoder.Position);
    }

    private struct Throwing(int throwAt) : IFrameSink<Info>
    {
        public int Calls;

        public void OnFrame(in FrameResult<Info> frame, ReadOnlySpan<byte> bytes)
        {
            if (Calls++ == throwAt)
            {
                throw new InvalidTimeZoneException("frame " + throwAt);
            }
        }
    }
}
