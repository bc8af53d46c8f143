using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;
using ProtocolGen.Streaming.Tests.Support;
using ProtocolGen.Tests.Captures;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Reading;

/// <summary>However the bytes are cut into reads, a reader makes the same frames of them.</summary>
public sealed class ReadSizeTests
{
    /// <summary>
    /// Every size from 1 to 64 (each cuts frames at every byte position of the small frames), every power of
    /// two and its neighbours up to 4,096, 1,024 (the upstream client's), and 24 sizes drawn at random between.
    /// </summary>
    public static TheoryData<int> ReadSizes()
    {
        var sizes = new SortedSet<int>(Enumerable.Range(1, 64));
        for (var power = 128; power <= 4096; power *= 2)
        {
            sizes.UnionWith(new[] { power - 1, power, power + 1 });
        }

        sizes.Remove(4097);
        var random = new Random(20261126);
        for (var i = 0; i < 24; i++)
        {
            sizes.Add(random.Next(65, 4096));
        }

        var data = new TheoryData<int>();
        foreach (var size in sizes)
        {
            data.Add(size);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task TheUpstreamCapture_ReadInAnySize_GivesTheFramesOfTheWholeBuffer(int readSize)
    {
        var capture = TestData.RustInfoCapture;

        var frames = await ReadAll(capture, readSize);

        Assert.Equal(FrameView.Reference(capture), frames);
        AssertIsTheUpstreamCapture(capture, frames);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task AHostileStream_ReadInAnySize_GivesTheFramesOfTheWholeBuffer(int readSize)
    {
        var hostile = Frames.Hostile();

        var frames = await ReadAll(hostile.Bytes, readSize);

        Assert.Equal(FrameView.Reference(hostile.Bytes), frames);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task AHostileStream_WithACapThatRejectsItsLargerFrames_ReadInAnySize_GivesTheFramesOfTheWholeBuffer(int readSize)
    {
        var hostile = Frames.Hostile();
        var options = new FrameDecoderOptions { MaxBodyLength = 40 };

        var frames = await ReadAll(hostile.Bytes, readSize, options);

        var reference = FrameView.Reference(hostile.Bytes, options);
        Assert.Equal(reference, frames);
        Assert.Contains(reference, f => f.Error?.Kind == ProtocolErrorKind.FrameTooLarge);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1024)]
    [InlineData(4096)]
    public async Task APipe_CutIntoChunksOfAnySize_GivesTheFramesOfTheWholeBuffer(int chunkSize)
    {
        var hostile = Frames.Hostile();

        var frames = new List<FrameView>();
        await foreach (var frame in PacketReader.ReadAllAsync<Info>(ChunkedPipe.Of(hostile.Bytes, _ => chunkSize)))
        {
            frames.Add(FrameView.Of(frame));
        }

        Assert.Equal(FrameView.Reference(hostile.Bytes), frames);
    }

    [Fact]
    public async Task APipe_CutIntoRandomChunks_GivesTheFramesOfTheWholeBuffer()
    {
        var capture = TestData.RustInfoCapture;
        var random = new Random(7);

        var frames = new List<FrameView>();
        await foreach (var frame in PacketReader.ReadAllAsync<Info>(ChunkedPipe.Of(capture, _ => random.Next(1, 300))))
        {
            frames.Add(FrameView.Of(frame));
        }

        Assert.Equal(FrameView.Reference(capture), frames);
        AssertIsTheUpstreamCapture(capture, frames);
    }

    // Checked against protocol.md, not against the decoder: one LengthBeyondFrame error at offset 0, then 1,000
    // packets, each the value its header's type byte stands for.
    private static void AssertIsTheUpstreamCapture(byte[] capture, List<FrameView> frames)
    {
        Assert.Equal(1001, frames.Count);
        Assert.Equal((0L, ProtocolErrorKind.LengthBeyondFrame), (frames[0].Offset, frames[0].Error!.Kind));
        Assert.Single(frames, f => f.Error is not null);
        Assert.All(frames.Skip(1), f => Assert.Equal(CaptureValues.ExpectedInfo(capture[f.Offset]), f.Packet));
        Assert.Equal(capture.Length, frames[^1].Offset + frames[^1].Length);
    }

    private static async Task<List<FrameView>> ReadAll(byte[] data, int readSize, FrameDecoderOptions options = default)
    {
        var frames = new List<FrameView>();
        await foreach (var frame in PacketReader.ReadAllAsync<Info>(new MemoryStream(data), new PacketReaderOptions { ReadSize = readSize, Decoder = options }))
        {
            frames.Add(FrameView.Of(frame));
        }

        return frames;
    }
}
