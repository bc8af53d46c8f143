using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ProtocolGen.Framing;
using ProtocolGen.Portmaster;
using ProtocolGen.Tests.Shared;
using Xunit;

namespace ProtocolGen.Tests.Framing;

/// <summary>protocol.md's bad-frame rules for length-framed infos: a typed error, then the next frame.</summary>
public sealed class MalformedInfoFrameTests
{
    private static readonly byte[] GoodLogLine = Info.EncodeFrame(new LogLine(Severity.Info, "after"));

    [Fact]
    public void ADeclaredLengthShorterThanTheFields_IsASizeMismatch_AndTheNextFrameSurvives()
    {
        // A ConnectionEndV4 needs 22 bytes; this one declares 10 and the reader must not look past them.
        var stream = Concat(Frame(3, new byte[10]), GoodLogLine);

        var frames = DecodeAll(stream);

        Assert.Equal(ProtocolErrorKind.SizeMismatch, frames[0].Error!.Kind);
        Assert.Equal(10u, frames[0].Error!.DeclaredLength);
        Assert.Equal(10, frames[0].Error!.BodyOffset);
        Assert.Equal(15, frames[0].Length);
        Assert.Equal(new LogLine(Severity.Info, "after"), frames[1].Packet);
    }

    [Fact]
    public void AnUnknownTypeByte_IsReported_AndSkippedByItsDeclaredLength()
    {
        var stream = Concat(Frame(99, new byte[] { 1, 2, 3 }), GoodLogLine);

        var frames = DecodeAll(stream);

        Assert.Equal(ProtocolErrorKind.UnknownType, frames[0].Error!.Kind);
        Assert.Equal((byte)99, frames[0].Error!.PacketType);
        Assert.Null(frames[0].Error!.PacketName);
        Assert.Equal(8, frames[0].Length);
        Assert.True(frames[1].IsPacket);
    }

    [Fact]
    public void BytesBeyondTheFields_AreSkipped_OrReportedInStrictMode()
    {
        var body = new byte[22 + 4];
        var stream = Concat(Frame(3, body), GoodLogLine);

        var lenient = DecodeAll(stream);
        var strict = DecodeAll(stream, new FrameDecoderOptions { RejectTrailingBytes = true });

        Assert.IsType<ConnectionEndV4>(lenient[0].Packet);
        Assert.Equal(4, lenient[0].TrailingLength);
        Assert.Equal(0, lenient[1].TrailingLength);
        Assert.True(lenient[1].IsPacket);
        Assert.Equal(ProtocolErrorKind.TrailingBytes, strict[0].Error!.Kind);
        Assert.Equal(22, strict[0].Error!.BodyOffset);
        Assert.True(strict[1].IsPacket);
    }

    [Fact]
    public void BytesAppendedByANewerPeer_CanBeWrittenBackInsideTheFrame()
    {
        var end = new ConnectionEndV4(1, Direction.Inbound, IpProtocol.Tcp, default, default, 2, 3);
        var output = new System.Buffers.ArrayBufferWriter<byte>();

        FrameEncoder.Write<Info>(end, new byte[] { 0xAA, 0xBB }, output);

        var frame = output.WrittenSpan.ToArray();
        Assert.Equal(5 + 22 + 2, frame.Length);
        Assert.Equal(24u, BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(1)));
        Assert.Equal(new byte[] { 0xAA, 0xBB }, frame[^2..]);
        Assert.Equal(end, Info.DecodeFrames(frame).GetEnumerator() is var e && e.MoveNext() ? e.Current.Packet : null);
        Assert.Throws<ArgumentException>(() => FrameEncoder.Write<Command>(new GetLogs(), new byte[] { 1 }, output));
    }

    [Fact]
    public void AHostileBandwidthCount_IsAnError_NotAHugeAllocation()
    {
        var body = new byte[1 + 4 + 28];
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(1), uint.MaxValue);
        var stream = Concat(Frame(5, body), GoodLogLine);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var frames = DecodeAll(stream);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(ProtocolErrorKind.LengthBeyondFrame, frames[0].Error!.Kind);
        Assert.Equal(1, frames[0].Error!.BodyOffset);
        Assert.True(allocated < 64 * 1024, $"decoding allocated {allocated} bytes");
        Assert.True(frames[1].IsPacket);
    }

    [Fact]
    public void APayloadLengthBeyondTheFrame_IsAnError()
    {
        var body = new byte[35 + 3];
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(31), 4);

        var frames = DecodeAll(Concat(Frame(1, body), GoodLogLine));

        Assert.Equal(ProtocolErrorKind.LengthBeyondFrame, frames[0].Error!.Kind);
        Assert.Equal(31, frames[0].Error!.BodyOffset);
        Assert.True(frames[1].IsPacket);
    }

    [Fact]
    public void ADeclaredLengthAboveTheCap_IsRefusedBeforeAnyBodyIsRead()
    {
        var header = new byte[] { 2, 0, 0, 0, 0x80 };

        var frames = DecodeAll(header);

        var error = Assert.Single(frames).Error!;
        Assert.Equal(ProtocolErrorKind.FrameTooLarge, error.Kind);
        Assert.Equal(0x8000_0000u, error.DeclaredLength);
    }

    [Fact]
    public void TheCap_IsConfigurable()
    {
        var frames = DecodeAll(GoodLogLine, new FrameDecoderOptions { MaxBodyLength = 4 });

        Assert.Equal(ProtocolErrorKind.FrameTooLarge, frames[0].Error!.Kind);
    }

    [Fact]
    public void ABodyExactlyAtTheCap_Decodes_AndOneByteOverIt_IsFrameTooLarge_SkippedWhole()
    {
        var bodyLength = GoodLogLine.Length - 5;
        var stream = Concat(GoodLogLine, GoodLogLine);

        var atCap = DecodeAll(stream, new FrameDecoderOptions { MaxBodyLength = bodyLength });
        var overCap = DecodeAll(stream, new FrameDecoderOptions { MaxBodyLength = bodyLength - 1 });

        Assert.All(atCap, f => Assert.True(f.IsPacket));
        Assert.Equal(2, overCap.Count);
        Assert.All(overCap, f =>
        {
            Assert.Equal(ProtocolErrorKind.FrameTooLarge, f.Error!.Kind);
            Assert.Equal((uint)bodyLength, f.Error.DeclaredLength);
            Assert.Equal(GoodLogLine.Length, f.Length);
        });
        Assert.Equal(GoodLogLine.Length, overCap[1].Offset);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void ACapThatCouldOverflowAFrameLength_IsRefused(int cap)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrameDecoderOptions { MaxBodyLength = cap });
    }

    [Fact]
    public void TheLargestCap_StillDecodesAHostileHeaderAsAnError()
    {
        var options = new FrameDecoderOptions { MaxBodyLength = FrameDecoderOptions.LargestMaxBodyLength };

        var frames = DecodeAll(new byte[] { 1, 0xC2, 0xFF, 0xFF, 0x7F, 0 }, options);

        Assert.Equal(ProtocolErrorKind.Truncated, Assert.Single(frames).Error!.Kind);
    }

    [Fact]
    public void LogTextThatIsNotUtf8_IsInvalidText()
    {
        var frames = DecodeAll(Concat(Frame(0, new byte[] { 3, 0xC3, 0x28 }), GoodLogLine));

        Assert.Equal(ProtocolErrorKind.InvalidText, frames[0].Error!.Kind);
        Assert.Equal(1, frames[0].Error!.BodyOffset);
        Assert.True(frames[1].IsPacket);
    }

    [Fact]
    public void AStreamThatEndsInsideAFrame_DeliversEveryFrameBefore_ThenReportsTruncated()
    {
        var stream = Concat(GoodLogLine, GoodLogLine.AsSpan(0, GoodLogLine.Length - 2).ToArray());

        var frames = DecodeAll(stream);

        Assert.True(frames[0].IsPacket);
        Assert.Equal(ProtocolErrorKind.Truncated, frames[1].Error!.Kind);
        Assert.Equal(GoodLogLine.Length, frames[1].Offset);
    }

    [Fact]
    public void EveryCutOfAValidFrame_IsATypedError_NeverAnIndexException()
    {
        var frame = Info.EncodeFrame(new BandwidthStatsV6(IpProtocol.Tcp, Enumerable.Repeat(new BandwidthValueV6(default, 1, default, 2, 3, 4), 3).ToImmutableArray()));

        for (var cut = 0; cut < frame.Length; cut++)
        {
            var error = Assert.Throws<ProtocolException>(() => Info.DecodeFrame(frame.AsSpan(0, cut))).Error;
            Assert.Equal(ProtocolErrorKind.Truncated, error.Kind);
        }
    }

    [Fact]
    public void EveryShortDeclaredLength_IsATypedError_AndNeverReadsThePadding()
    {
        var frame = Info.EncodeFrame(new ConnectionV6(1, 2, Direction.Inbound, IpProtocol.Tcp, default, default, 3, 4, 5, new byte[] { 1, 2 }));

        for (var declared = 0; declared < frame.Length - 5; declared++)
        {
            // Keep the real bytes after the shortened frame, as a corrupt stream would.
            var shortened = (byte[])frame.Clone();
            BinaryPrimitives.WriteUInt32LittleEndian(shortened.AsSpan(1), (uint)declared);
            var first = DecodeAll(shortened)[0];
            Assert.False(first.IsPacket);
            Assert.Equal(5 + declared, first.Length);
        }
    }

    [Fact]
    public void RandomlyCorruptedCaptures_NeverThrow_AndEveryByteIsAccountedFor()
    {
        var capture = TestData.RustInfoCapture;
        var random = new Random(20261126);
        for (var round = 0; round < 300; round++)
        {
            var corrupt = (byte[])capture.Clone();
            for (var flips = random.Next(1, 20); flips > 0; flips--)
            {
                corrupt[random.Next(corrupt.Length)] = (byte)random.Next(256);
            }

            long expectedOffset = 0;
            foreach (var frame in Info.DecodeFrames(corrupt))
            {
                Assert.Equal(expectedOffset, frame.Offset);
                Assert.True(frame.Length > 0);
                expectedOffset += frame.Length;
            }

            Assert.True(expectedOffset >= corrupt.Length);
        }
    }

    internal static byte[] Frame(byte type, byte[] body)
    {
        var frame = new byte[5 + body.Length];
        frame[0] = type;
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(1), (uint)body.Length);
        body.CopyTo(frame, 5);
        return frame;
    }

    internal static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static List<FrameResult<Info>> DecodeAll(byte[] stream, FrameDecoderOptions options = default)
    {
        var frames = new List<FrameResult<Info>>();
        foreach (var frame in Info.DecodeFrames(stream, options))
        {
            frames.Add(frame);
        }

        return frames;
    }
}
