using System;
using System.Linq;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Reading;

/// <summary>PooledBytes, the one home of buffer growth (a cut frame, held frames): what it holds survives growth, consuming and reuse.</summary>
public sealed class PooledBytesTests
{
    private static byte[] Bytes(int count, int seed) => Enumerable.Range(seed, count).Select(i => (byte)i).ToArray();

    [Fact]
    public void Appends_GrowPastTheFirstRent_AndKeepEveryByteInOrder()
    {
        var bytes = new PooledBytes();
        var expected = Bytes(1000, 3);

        // 7-byte pieces cross the first rent (256) and each doubling in the middle of a piece.
        for (var start = 0; start < expected.Length; start += 7)
        {
            bytes.Append(expected.AsSpan(start, Math.Min(7, expected.Length - start)));
        }

        Assert.Equal(expected.Length, bytes.Length);
        Assert.Equal(expected, bytes.Span.ToArray());
        bytes.Dispose();
    }

    [Fact]
    public void AnEmptyAppend_ChangesNothing()
    {
        var bytes = new PooledBytes();

        bytes.Append(ReadOnlySpan<byte>.Empty);

        Assert.Equal(0, bytes.Length);
        Assert.True(bytes.Span.IsEmpty);
        bytes.Dispose();
    }

    [Fact]
    public void Consume_DropsTheFront_AndLaterAppendsFollowTheRest()
    {
        var bytes = new PooledBytes();
        bytes.Append(Bytes(10, 0));

        bytes.Consume(4);
        bytes.Append(new byte[] { 100, 101 });

        Assert.Equal(new byte[] { 4, 5, 6, 7, 8, 9, 100, 101 }, bytes.Span.ToArray());
        bytes.Consume(bytes.Length);
        Assert.Equal(0, bytes.Length);
        bytes.Dispose();
    }

    [Fact]
    public void Clear_EmptiesIt_AndItFillsAgainFromTheStart()
    {
        var bytes = new PooledBytes();
        bytes.Append(Bytes(300, 1));

        bytes.Clear();
        bytes.Append(new byte[] { 9, 8 });

        Assert.Equal(new byte[] { 9, 8 }, bytes.Span.ToArray());
        bytes.Dispose();
    }

    [Fact]
    public void Dispose_ReturnsTheBuffer_AndLeavesItEmptyAndUsable()
    {
        var bytes = new PooledBytes();
        bytes.Append(Bytes(500, 2));

        bytes.Dispose();
        Assert.Equal(0, bytes.Length);
        Assert.True(bytes.Span.IsEmpty);

        // A second Dispose is harmless, and the buffer is usable again after it.
        bytes.Dispose();
        bytes.Append(new byte[] { 1, 2, 3 });
        Assert.Equal(new byte[] { 1, 2, 3 }, bytes.Span.ToArray());
        bytes.Dispose();
    }

    [Fact]
    public void ALargeFrame_InOneAppend_IsHeldWhole()
    {
        var bytes = new PooledBytes();
        var frame = Bytes(3 * 1024 * 1024 + 17, 5);
        bytes.Append(new byte[] { 0xAA });

        bytes.Append(frame);

        Assert.Equal(frame.Length + 1, bytes.Length);
        Assert.Equal(0xAA, bytes.Span[0]);
        Assert.True(bytes.Span.Slice(1).SequenceEqual(frame));
        bytes.Dispose();
    }
}
