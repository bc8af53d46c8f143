using System;
using System.IO;
using System.Linq;
using ProtocolGen.Cli.Decode;
using ProtocolGen.Portmaster;
using Xunit;

namespace ProtocolGen.Cli.Tests;

public sealed class FrameStreamReaderTests
{
    [Fact]
    public void AStreamOfAnySize_DecodesWithoutTheBufferGrowing()
    {
        var frames = TestData.RustInfoCapture[TestData.RustInfoFirstFrameLength..];
        const int copies = 200;
        var reader = new FrameStreamReader<Info>(new RepeatingStream(frames, copies), default);

        var count = 0;
        while (reader.TryRead(out var frame))
        {
            Assert.True(frame.IsPacket);
            count++;
        }

        Assert.Equal(1000 * copies, count);
        Assert.Equal((long)frames.Length * copies, reader.BytesRead);
        Assert.Equal(64 * 1024, reader.BufferCapacity);
    }

    [Fact]
    public void AFrameOverTheCap_IsReportedFromItsHeader_AndSkippedWithoutBuffering_ThenDecodingGoesOn()
    {
        var declared = FrameDecoderOptions.DefaultMaxBodyLength * 4;
        var huge = new byte[5 + declared];
        huge[0] = 0;
        BitConverter.TryWriteBytes(huge.AsSpan(1, 4), declared);
        var log = Info.EncodeFrame(new LogLine(Severity.Info, "after"));
        var reader = new FrameStreamReader<Info>(new MemoryStream([.. huge, .. log]), default);

        Assert.True(reader.TryRead(out var first));
        Assert.Equal(ProtocolErrorKind.FrameTooLarge, first.Error?.Kind);
        Assert.True(reader.TryRead(out var second));
        Assert.Equal(new LogLine(Severity.Info, "after"), second.Packet);
        Assert.Equal(huge.Length, second.Offset);
        Assert.False(reader.TryRead(out _));
        Assert.Equal(64 * 1024, reader.BufferCapacity);
    }

    [Fact]
    public void AFrameLargerThanTheBuffer_GrowsItOnlyToThatFrame()
    {
        var payload = new byte[200 * 1024];
        var connection = new ConnectionV4(1, 2, Direction.Inbound, IpProtocol.Tcp, Ipv4Address.Any, Ipv4Address.Any, 3, 4, 5, payload);
        var stream = new MemoryStream(Info.EncodeFrame(connection));
        var reader = new FrameStreamReader<Info>(stream, default);

        Assert.True(reader.TryRead(out var frame));
        Assert.Equal(connection, frame.Packet);
        Assert.InRange(reader.BufferCapacity, payload.Length, 4 * payload.Length);
    }

    /// <summary>Serves the same bytes again and again without holding more than one copy.</summary>
    private sealed class RepeatingStream(byte[] data, int copies) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var total = (long)data.Length * copies;
            var start = (int)(_position % data.Length);
            var length = (int)Math.Min(Math.Min(count, data.Length - start), total - _position);
            Array.Copy(data, start, buffer, offset, length);
            _position += length;
            return length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
