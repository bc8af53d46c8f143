using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using ProtocolGen.Framing;
using ProtocolGen.Streaming.Tests.Support;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Reading;

/// <summary>Frames without a declared length (commands) are held only up to the cap, never without limit.</summary>
public sealed class TypeOnlyCapTests
{
    private const int Cap = 64;

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(4096)]
    public void AFrameWhoseBodyNeverEnds_IsFrameTooLargeOnceItHoldsTheCap_AndIsNeverHeldLonger(int pieceSize)
    {
        // A blob whose length prefix (a body field) asks for 4 GiB, then 20,000 bytes that never complete it.
        var stream = new byte[FrameHeader.TypeOnlySize + 4 + 20_000];
        FrameHeader.Write(FrameFormat.TypeOnly, 1, 0, stream);
        BinaryPrimitives.WriteUInt32LittleEndian(stream.AsSpan(FrameHeader.TypeOnlySize), uint.MaxValue);
        var options = new FrameDecoderOptions { MaxBodyLength = Cap };
        using var decoder = new FrameStreamDecoder<Blobs>(options);
        var sink = new Collector();
        var mostHeld = 0;

        for (var start = 0; start < stream.Length; start += pieceSize)
        {
            decoder.Feed(stream.AsSpan(start, Math.Min(pieceSize, stream.Length - start)), ref sink);
            mostHeld = Math.Max(mostHeld, decoder.PendingLength);
        }

        decoder.Complete(ref sink);
        Assert.InRange(mostHeld, 0, FrameHeader.TypeOnlySize + Cap);
        var first = sink.Frames[0];
        Assert.Equal((ProtocolErrorKind.FrameTooLarge, 0L, (long)FrameHeader.TypeOnlySize + Cap, (uint?)null), (first.Error!.Kind, first.Offset, first.Length, first.Error.DeclaredLength));
        Assert.Equal(Reference(stream, options), sink.Frames.Select(Describe));
    }

    [Fact]
    public void FramesWithinTheCap_DecodeAsBefore_WhicheverWayTheyAreCut()
    {
        var blobs = Enumerable.Range(0, 50).Select(i => new Blob(Enumerable.Repeat((byte)i, i).ToArray())).ToList();
        var stream = blobs.SelectMany(b => FrameEncoder.ToArray<Blobs>(b)).ToArray();
        using var decoder = new FrameStreamDecoder<Blobs>(new FrameDecoderOptions { MaxBodyLength = Cap });
        var sink = new Collector();

        for (var start = 0; start < stream.Length; start += 3)
        {
            decoder.Feed(stream.AsSpan(start, Math.Min(3, stream.Length - start)), ref sink);
        }

        decoder.Complete(ref sink);
        Assert.Equal(blobs.Select(b => b.Data.ToArray()), sink.Frames.Select(f => ((Blob)f.Packet!).Data.ToArray()));
    }

    private static List<string> Reference(byte[] stream, FrameDecoderOptions options)
    {
        var frames = new List<string>();
        foreach (var frame in FrameDecoder.Enumerate<Blobs>(stream, options))
        {
            frames.Add(Describe(frame));
        }

        return frames;
    }

    private static string Describe(FrameResult<Blobs> frame) => $"{frame.Offset}+{frame.Length}: {frame.Error?.Kind.ToString() ?? frame.Packet!.ToString()}";

    private struct Collector : IFrameSink<Blobs>
    {
        public Collector() => Frames = new List<FrameResult<Blobs>>();

        public List<FrameResult<Blobs>> Frames { get; }

        public void OnFrame(in FrameResult<Blobs> frame, ReadOnlySpan<byte> bytes) => Frames.Add(frame);
    }
}
