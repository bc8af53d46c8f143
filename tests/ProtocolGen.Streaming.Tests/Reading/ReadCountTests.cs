using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;
using ProtocolGen.Streaming.Tests.Support;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Reading;

/// <summary>
/// A stream (a device, a user's wrapper) that reports more bytes than the read asked for is refused with an
/// <see cref="IOException"/> naming both numbers: a stale byte left in the pooled buffer is never fed.
/// </summary>
public sealed class ReadCountTests
{
    // Below the pooled array's length (ArrayPool rounds 100 up to 128), so a count of 101 would fit the array.
    private const int ReadSize = 100;

    [Theory]
    [InlineData(1)]
    [InlineData(29)]
    [InlineData(1 << 20)]
    public async Task PacketReader_RefusesACountPastTheReadSize_NamingTheCountAndTheBuffer(int excess)
    {
        var stream = new OverReportingStream(TenFrames(), excess);

        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var frame in PacketReader.ReadAllAsync<Info>(stream, new PacketReaderOptions { ReadSize = ReadSize }))
            {
            }
        });

        Assert.Contains($"reported {ReadSize + excess} bytes for a buffer of {ReadSize} bytes", error.Message);
    }

    [Fact]
    public async Task PacketStreamReader_RefusesACountOneTooHigh_InsteadOfFeedingAStaleByte()
    {
        var stream = new OverReportingStream(TenFrames(), 1);
        using var reader = new PacketStreamReader<Info>(stream, new PacketReaderOptions { ReadSize = ReadSize });

        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var frame in reader.ReadAllAsync())
            {
            }
        });

        Assert.Contains($"reported {ReadSize + 1} bytes for a buffer of {ReadSize} bytes", error.Message);
    }

    [Fact]
    public async Task PacketStreamReader_RefusesACountBeyondThePooledArray_AsAnIOException()
    {
        var stream = new OverReportingStream(TenFrames(), 1 << 20);
        using var reader = new PacketStreamReader<Info>(stream, new PacketReaderOptions { ReadSize = ReadSize });

        await Assert.ThrowsAsync<IOException>(async () => await reader.ReadAsync(new CountingSink()));
    }

    [Fact]
    public async Task PacketReader_RefusesANegativeCount()
    {
        var stream = new OverReportingStream(new byte[10], -11);

        await Assert.ThrowsAsync<IOException>(async () => await PacketReader.ReadAsync<Info, CountingSink>(stream, new CountingSink(), new PacketReaderOptions { ReadSize = ReadSize }));
    }

    // More than one read's worth, so the first read fills its buffer and then over-reports.
    private static byte[] TenFrames() => Frames.Concat(Enumerable.Range(1, 10).Select(i => FrameEncoder.ToArray<Info>(Frames.Connection((ulong)i))));

    private struct CountingSink : IFrameSink<Info>
    {
        public int Frames;

        public void OnFrame(in FrameResult<Info> frame, ReadOnlySpan<byte> bytes) => Frames++;
    }

    /// <summary>Copies what it has (at most what was asked), then reports <c>excess</c> bytes more than it copied.</summary>
    private sealed class OverReportingStream(byte[] data, int excess) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var length = Math.Min(buffer.Length, data.Length - _position);
            data.AsSpan(_position, length).CopyTo(buffer);
            _position += length;
            return length == 0 ? 0 : length + excess;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
