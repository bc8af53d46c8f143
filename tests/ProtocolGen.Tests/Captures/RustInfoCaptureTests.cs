using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;
using Xunit;

namespace ProtocolGen.Tests.Captures;

public sealed class RustInfoCaptureTests
{
    private const int FirstFrameLength = 5 + 69;

    [Fact]
    public void FirstFrame_IsAConnectionV6BodyTypedAsV4_AndReportsATypedError()
    {
        var frames = Decode(TestData.RustInfoCapture);

        var first = frames[0];
        Assert.False(first.IsPacket);
        Assert.Equal(0, first.Offset);
        Assert.Equal(FirstFrameLength, first.Length);
        Assert.Equal((byte)1, first.Error!.PacketType);
        Assert.Equal("ConnectionV4", first.Error.PacketName);
        Assert.Equal(69u, first.Error.DeclaredLength);

        // Read as V4, the V6 addresses shift the payload length onto address bytes: far more than the frame holds.
        Assert.Equal(ProtocolErrorKind.LengthBeyondFrame, first.Error.Kind);
        Assert.Equal(31, first.Error.BodyOffset);
    }

    [Fact]
    public void AfterTheBadFrame_AllThousandFramesDecode_WithTheValuesTheUpstreamTestWrote()
    {
        var capture = TestData.RustInfoCapture;
        var frames = Decode(capture);

        Assert.Equal(1001, frames.Count);
        Assert.Single(frames, f => !f.IsPacket);
        foreach (var frame in frames.Skip(1))
        {
            Assert.True(frame.IsPacket, frame.Error?.Message);
            Assert.Equal(CaptureValues.ExpectedInfo(frame.Packet!.PacketType), frame.Packet);
        }
    }

    [Fact]
    public void CountsPerKind_MatchTheTypeBytesInTheCaptureHeaders()
    {
        var capture = TestData.RustInfoCapture;
        var expected = CountTypeBytesByWalkingHeaders(capture.AsSpan(FirstFrameLength));

        var decoded = Decode(capture).Skip(1)
            .GroupBy(f => f.Packet!.PacketType)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(expected.OrderBy(p => p.Key), decoded.OrderBy(p => p.Key));
        Assert.Equal(1000, decoded.Values.Sum());
        Assert.Equal(7, decoded.Count);
    }

    [Fact]
    public void ReEncodingFramesTwoToTheEnd_ReproducesTheCaptureByteForByte()
    {
        var capture = TestData.RustInfoCapture;
        var output = new ArrayBufferWriter<byte>(capture.Length);
        foreach (var frame in Decode(capture).Skip(1))
        {
            Info.EncodeFrame(frame.Packet!, output);
        }

        Assert.Equal(capture.AsSpan(FirstFrameLength).ToArray(), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void StrictMode_AcceptsEveryGoodFrameOfTheCapture()
    {
        var strict = new FrameDecoderOptions { RejectTrailingBytes = true };
        var errors = 0;
        foreach (var frame in Info.DecodeFrames(TestData.RustInfoCapture, strict))
        {
            errors += frame.IsPacket ? 0 : 1;
        }

        Assert.Equal(1, errors);
    }

    private static List<FrameResult<Info>> Decode(byte[] capture)
    {
        var frames = new List<FrameResult<Info>>();
        foreach (var frame in Info.DecodeFrames(capture))
        {
            frames.Add(frame);
        }

        return frames;
    }

    private static Dictionary<byte, int> CountTypeBytesByWalkingHeaders(ReadOnlySpan<byte> stream)
    {
        var counts = new Dictionary<byte, int>();
        while (!stream.IsEmpty)
        {
            var type = stream[0];
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(stream.Slice(1));
            counts[type] = counts.GetValueOrDefault(type) + 1;
            stream = stream.Slice(5 + length);
        }

        return counts;
    }
}
