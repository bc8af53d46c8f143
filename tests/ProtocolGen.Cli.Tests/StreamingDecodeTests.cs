using System;
using System.IO;
using System.Text.Json;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;
using Xunit;

namespace ProtocolGen.Cli.Tests;

public sealed class StreamingDecodeTests
{
    [Fact]
    public void Decode_OfALongStreamOnStandardInput_DecodesEveryFrame()
    {
        const int copies = 200;
        var frames = TestData.RustInfoCapture[TestData.RustInfoFirstFrameLength..];
        var stderr = new StringWriter();

        var exitCode = Cli.Run(["decode", "--json"], new RepeatingStream(frames, copies), Stream.Null, stderr);

        Assert.Equal(0, exitCode);
        Assert.Contains($"standard input: {1000 * copies} frames in {(long)frames.Length * copies} bytes, 0 bad", stderr.ToString());
    }

    [Fact]
    public void Decode_OfAFrameOverTheCap_ReportsFrameTooLarge_ThenDecodesTheFrameAfterIt()
    {
        var declared = FrameDecoderOptions.DefaultMaxBodyLength * 4;
        var huge = new byte[5 + declared];
        BitConverter.TryWriteBytes(huge.AsSpan(1, 4), declared);
        byte[] input = [.. huge, .. Info.EncodeFrame(new LogLine(Severity.Info, "after"))];

        var run = CliRun.WithInput(new TrickleStream(input, 4096), "decode", "--json");

        Assert.Equal(2, run.Lines.Length);
        using var error = JsonDocument.Parse(run.Lines[0]);
        Assert.Equal("frame-too-large", error.RootElement.GetProperty("error").GetString());
        Assert.Equal(declared, error.RootElement.GetProperty("length").GetInt32());
        Assert.Equal("""{"kind":"LogLine","severity":"Info","line":"after"}""", run.Lines[1]);
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
