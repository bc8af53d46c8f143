using System;
using System.Linq;
using ProtocolGen.Framing;
using Xunit;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary>Unions framed by <c>[FrameHeader]</c> records, generated, compiled and run (see <c>FrameHeadersSchema.cs</c>).</summary>
public sealed class FrameHeadersTests
{
    private static readonly byte[] Ping = { 0x7E, 0x00, 0x0A, 0x01, 0x02, 0x00, 0x01, 0x02, 0x03, 0x04 };

    [Fact]
    public void ABusHeader_IsBigEndian_WithItsMagic_AWholeFrameLength_AndAWideTypeAtOffset3()
    {
        var bytes = BusMessage.EncodeFrame(new BusPing(0x01020304));

        Assert.Equal(Ping, bytes);
        Assert.Equal(new BusPing(0x01020304), BusMessage.DecodeFrame(bytes));
    }

    [Fact]
    public void ALittleEndianHeader_CarriesAU16TypeAndAU32BodyLength_AndItsFixedValue()
    {
        var bytes = ISensorRecord.EncodeFrame(new SensorReading(5, -2));

        Assert.Equal(new byte[] { 0x34, 0x12, 0x06, 0x00, 0x00, 0x00, 0x01, 0x05, 0x00, 0xFE, 0xFF, 0xFF, 0xFF }, bytes);
        Assert.Equal(new SensorReading(5, -2), ISensorRecord.DecodeFrame(bytes));
    }

    [Fact]
    public void AStructPacketOfAnInterfaceUnion_RoundTrips()
    {
        var bytes = ISensorRecord.EncodeFrame(new Blob(new byte[] { 9, 8 }));

        Assert.Equal(new byte[] { 0x07, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x09, 0x08 }, bytes);
        Assert.Equal(new byte[] { 9, 8 }, Assert.IsType<Blob>(ISensorRecord.DecodeFrame(bytes)).Data);
    }

    [Fact]
    public void BitFieldTypeAndLength_ShareAByte_AndTheLengthCountsWords()
    {
        var bytes = Tiny.EncodeFrame(new TinyPair(1, 2));

        // Little-endian records fill bit groups from the low bit: the type is the low nibble.
        Assert.Equal(new byte[] { 0x1F, 0x01, 0x00, 0x02, 0x00 }, bytes);
        Assert.Equal(new TinyPair(1, 2), Tiny.DecodeFrame(bytes));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(64)]
    public void ABodyTheLengthCannotSay_IsRefusedBeforeAnyByteIsWritten(int size)
    {
        var destination = new byte[100];

        Assert.Throws<WireEncodeException>(() => Tiny.EncodeFrame(new TinyBytes(new byte[size]), destination));
        Assert.Throws<WireEncodeException>(() => FrameEncoder.GetFrameSize<Tiny>(new TinyBytes(new byte[size])));
        Assert.All(destination, b => Assert.Equal(0, b));
    }

    [Fact]
    public void AHeaderWithoutAType_FramesItsOnePacket_AndItsOffsetCountsBeyondTheBody()
    {
        var bytes = Chunks.EncodeFrame(new Chunk(new byte[] { 0xAA, 0xBB }));

        Assert.Equal(new byte[] { 0xC0, 0xDE, 0x00, 0x00, 0x00, 0x04, 0xAA, 0xBB }, bytes);
        Assert.Equal(new byte[] { 0xAA, 0xBB }, Assert.IsType<Chunk>(Chunks.DecodeFrame(bytes)).Data.ToArray());
    }

    [Fact]
    public void TheGenericFraming_AgreesWithTheUnionsOwn()
    {
        var packet = new BusPing(0x01020304);

        Assert.Equal(Ping, FrameEncoder.ToArray<BusMessage>(packet));
        Assert.Equal(Ping.Length, FrameEncoder.GetFrameSize<BusMessage>(packet));
        Assert.Equal(packet, FrameDecoder.DecodeSingle<BusMessage>(Ping));
        Assert.True(FrameDecoder.TryDecode<BusMessage>(Ping, 0, true, default, out var frame));
        Assert.Equal(packet, frame.Packet);
        Assert.Equal(Ping.Length, frame.Length);
        var writer = new System.Buffers.ArrayBufferWriter<byte>();
        FrameEncoder.Write<BusMessage>(packet, writer);
        Assert.Equal(Ping, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void TrailingBytes_AreCountedInTheLength_SkippedOnDecode_AndRefusedWhenAsked()
    {
        var destination = new byte[12];
        var written = FrameEncoder.Write<BusMessage>(new BusPing(7), new byte[] { 0xEE, 0xFF }, destination);

        Assert.Equal(12, written);
        Assert.Equal(new byte[] { 0x7E, 0x00, 0x0C, 0x01, 0x02, 0x00, 0, 0, 0, 7, 0xEE, 0xFF }, destination);
        Assert.True(BusMessage.FrameCodec.TryDecode(destination, 0, true, default, out var lenient));
        Assert.Equal(new BusPing(7), lenient.Packet);
        Assert.Equal(2, lenient.TrailingLength);

        Assert.True(BusMessage.FrameCodec.TryDecode(destination, 0, true, new FrameDecoderOptions { RejectTrailingBytes = true }, out var strict));
        Assert.Equal(ProtocolErrorKind.TrailingBytes, strict.Error!.Kind);
        Assert.Equal(12, strict.Length);
    }

    [Fact]
    public void AnUnknownWideType_IsSkippedByItsLength_AndNamedWhole()
    {
        var unknown = new byte[] { 0x7E, 0x00, 0x09, 0x09, 0x99, 0x00, 0xAA, 0xBB, 0xCC };
        var frames = Frames(unknown.Concat(Ping).ToArray());

        Assert.Equal(2, frames.Length);
        var error = frames[0].Error!;
        Assert.Equal(ProtocolErrorKind.UnknownType, error.Kind);
        Assert.Equal(0x0999UL, error.FrameType);
        Assert.Null(error.PacketType);
        Assert.Contains("type 2457", error.Message, StringComparison.Ordinal);
        Assert.Equal(9, frames[0].Length);
        Assert.Equal(new BusPing(0x01020304), frames[1].Packet);
        Assert.Equal(9, frames[1].Offset);
    }

    [Fact]
    public void AWholeFrameLengthSmallerThanTheHeader_IsALengthMismatch_ThatSkipsTheHeader()
    {
        var frames = Frames(new byte[] { 0x7E, 0x00, 0x03, 0x01, 0x02, 0x00 }.Concat(Ping).ToArray());

        Assert.Equal(ProtocolErrorKind.LengthMismatch, frames[0].Error!.Kind);
        Assert.Equal(6, frames[0].Length);
        Assert.Equal(0x0102UL, frames[0].Error!.FrameType);
        Assert.Equal(new BusPing(0x01020304), frames[1].Packet);
    }

    [Fact]
    public void AWrongMagic_IsAFixedValueMismatch_ThatSkipsTheHeader()
    {
        var bad = (byte[])Ping.Clone();
        bad[0] = 0x7F;

        var frames = Frames(bad);

        Assert.Equal(ProtocolErrorKind.FixedValueMismatch, frames[0].Error!.Kind);
        Assert.Equal(6, frames[0].Length);
    }

    [Fact]
    public void ADeclaredLengthOverTheCap_IsFrameTooLarge_AndItsWholeFrameIsSkipped()
    {
        var header = new byte[] { 0x34, 0x12, 100, 0, 0, 0, 0x01 };
        var options = new FrameDecoderOptions { MaxBodyLength = 8 };

        Assert.True(ISensorRecord.FrameCodec.TryDecode(header, 0, false, options, out var frame));
        Assert.Equal(ProtocolErrorKind.FrameTooLarge, frame.Error!.Kind);
        Assert.Equal(100u, frame.Error.DeclaredLength);
        Assert.Equal(107, frame.Length);
        Assert.Equal("SensorReading", frame.Error.PacketName);
    }

    [Fact]
    public void AFrameCutByTheEnd_NeedsMore_ThenIsTruncatedAtTheEnd()
    {
        for (var cut = 1; cut < Ping.Length; cut++)
        {
            var part = Ping.AsSpan(0, cut);
            Assert.False(BusMessage.FrameCodec.TryDecode(part, 0, false, default, out _));
            Assert.True(BusMessage.FrameCodec.TryDecode(part, 0, true, default, out var frame));
            Assert.Equal(ProtocolErrorKind.Truncated, frame.Error!.Kind);
            Assert.Equal(cut, frame.Length);
        }
    }

    [Fact]
    public void DecodeFrame_RefusesBytesAfterTheFrame()
    {
        var error = Assert.Throws<ProtocolException>(() => BusMessage.DecodeFrame(Ping.Concat(new byte[] { 0x7E }).ToArray())).Error;

        Assert.Equal(ProtocolErrorKind.TrailingBytes, error.Kind);
        Assert.Equal(0x0102UL, error.FrameType);
        Assert.Equal("BusPing", error.PacketName);
    }

    [Fact]
    public void TheBodysOwnError_IsReportedAtItsBodyOffset_AndTheFrameIsSkippedByItsLength()
    {
        // A text whose prefix says 5 bytes in a body of 3.
        var frames = Frames(new byte[] { 0x7E, 0x00, 0x09, 0x00, 0x01, 0x00, 0x05, 0x41, 0x42 }.Concat(Ping).ToArray());

        Assert.Equal(ProtocolErrorKind.LengthBeyondFrame, frames[0].Error!.Kind);
        Assert.Equal(9, frames[0].Length);
        Assert.Equal(new BusPing(0x01020304), frames[1].Packet);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(4096)]
    public async System.Threading.Tasks.Task AStreamReadInPiecesOfAnySize_DeliversWhatTheWholeBufferDecodesTo(int readSize)
    {
        // Good frames around a wrong magic, an unknown wide type, a length over the cap and a frame cut by the end.
        var hostile = Ping
            .Concat(new byte[] { 0x7F, 0x00, 0x06, 0x01, 0x02, 0x00 })
            .Concat(BusMessage.EncodeFrame(new BusText("hi")))
            .Concat(new byte[] { 0x7E, 0x00, 0x09, 0x09, 0x99, 0x00, 0xAA, 0xBB, 0xCC })
            .Concat(new byte[] { 0x7E, 0xFF, 0xFF, 0x01, 0x02, 0x00 }).Concat(new byte[0xFFFF - 6])
            .Concat(Ping)
            .Concat(Ping.Take(7))
            .ToArray();
        var options = new FrameDecoderOptions { MaxBodyLength = 1024 };
        var expected = Frames(hostile, options).Select(Describe).ToList();

        var streamed = new System.Collections.Generic.List<string>();
        var reading = new ProtocolGen.Streaming.PacketReaderOptions { ReadSize = readSize, Decoder = options };
        await foreach (var frame in ProtocolGen.Streaming.PacketReader.ReadAllAsync<BusMessage>(new System.IO.MemoryStream(hostile), reading))
        {
            streamed.Add(Describe(frame));
        }

        Assert.Equal(7, expected.Count);
        Assert.Equal(expected, streamed);
    }

    [Theory]
    [InlineData("01 F7 FF FF FF FF FF FF 7F 01 05")]
    [InlineData("01 FF FF FF FF FF FF FF FF 01 05")]
    [InlineData("01 FF FF FF FF FF FF FF 7F 01 05")]
    public async System.Threading.Tasks.Task An8ByteLengthOverAnyCap_IsOneFrameTooLarge_ThatSkipsTheRest_OnEveryPath(string hex)
    {
        var bytes = Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

        var frames = new System.Collections.Generic.List<FrameResult<WideLength>>();
        foreach (var frame in WideLength.DecodeFrames(bytes))
        {
            frames.Add(frame);
            Assert.True(frames.Count < 3, "the enumerator does not advance");
        }

        var single = Assert.Single(frames);
        Assert.Equal(ProtocolErrorKind.FrameTooLarge, single.Error!.Kind);
        Assert.True(single.Length > bytes.Length, $"length {single.Length}");
        Assert.True(FrameDecoder.TryDecode<WideLength>(bytes, 0, true, default, out var generic));
        Assert.Equal(single.Length, generic.Length);

        var streamed = new System.Collections.Generic.List<FrameResult<WideLength>>();
        var reading = new ProtocolGen.Streaming.PacketReaderOptions { ReadSize = 3 };
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var frame in ProtocolGen.Streaming.PacketReader.ReadAllAsync<WideLength>(new System.IO.MemoryStream(bytes), reading, timeout.Token))
        {
            streamed.Add(frame);
        }

        Assert.Equal(ProtocolErrorKind.FrameTooLarge, Assert.Single(streamed).Error!.Kind);
    }

    [Fact]
    public void AnOffsetBelowZero_CountsTheBodyLessTheOffset()
    {
        var bytes = WideLength.EncodeFrame(new WideByte(7, 9));

        Assert.Equal(new byte[] { 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 7, 9 }, bytes);
        Assert.Equal(new WideByte(7, 9), WideLength.DecodeFrame(bytes));
    }

    [Fact]
    public void A24BitTypeInA64BitContainer_RoundTripsBesideA40BitLength()
    {
        var bytes = Packed.EncodeFrame(new PackedValue(0x0102));

        // The header is big-endian; the packet keeps its own (little-endian) byte order.
        Assert.Equal(new byte[] { 0xAB, 0xCD, 0xEF, 0, 0, 0, 0, 2, 0x02, 0x01 }, bytes);
        Assert.Equal(new PackedValue(0x0102), Packed.DecodeFrame(bytes));
    }

    [Fact]
    public void APacketNumberOf2To31AndAbove_IsDeclaredWithALong_AndRoundTripsThroughA32BitType()
    {
        var bytes = WideType.EncodeFrame(new HighNumbered(5));

        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF, 0xF0, 0x01, 0x05 }, bytes);
        Assert.Equal(new HighNumbered(5), WideType.DecodeFrame(bytes));
        Assert.Equal(new LowNumbered(9), WideType.DecodeFrame(new byte[] { 0, 0, 0, 7, 1, 9 }));

        // A number no packet has, above 2^31, is that number in the error.
        var frame = Assert.Single(Decode(new byte[] { 0x80, 0, 0, 0, 1, 5 }));
        Assert.Equal(ProtocolErrorKind.UnknownType, frame.Error!.Kind);
        Assert.Equal(0x8000_0000UL, frame.Error.FrameType);

        static System.Collections.Generic.List<FrameResult<WideType>> Decode(byte[] buffer)
        {
            var frames = new System.Collections.Generic.List<FrameResult<WideType>>();
            foreach (var frame in WideType.DecodeFrames(buffer))
            {
                frames.Add(frame);
            }

            return frames;
        }
    }

    [Fact]
    public void AFixedHeaderMemberNamedTypeOrBodyLength_FramesItsPackets()
    {
        Assert.Equal(new TypedBody(9), TypedUnion.DecodeFrame(TypedUnion.EncodeFrame(new TypedBody(9))));
        Assert.Equal(new byte[] { 0x42, 0, 1, 9 }, TypedUnion.EncodeFrame(new TypedBody(9)));
        Assert.Equal(new NamedLengthBody(3), NamedLength.DecodeFrame(new byte[] { 1, 7, 0, 1, 3 }));
        Assert.Equal(new StrictBody(5), StrictFrames.DecodeFrame(StrictFrames.EncodeFrame(new StrictBody(5))));
    }

    [Fact]
    public void TheDecodersFastHeaderRead_AgreesWithTheFullRead_OnAnyBytes_ForEveryHeader()
    {
        // Frames take TryReadFraming; only a refused header takes TryRead, for why. Both must judge every header alike.
        var random = new Random(2026);
        for (var i = 0; i < 20_000; i++)
        {
            AssertFramingAgrees<BusHeader>(random, i);
            AssertFramingAgrees<SensorHeader>(random, i);
            AssertFramingAgrees<TinyHeader>(random, i);
            AssertFramingAgrees<ChunkHeader>(random, i);
            AssertFramingAgrees<WideLengthHeader>(random, i);
            AssertFramingAgrees<PackedHeader>(random, i);
            AssertFramingAgrees<WideTypeHeader>(random, i);
            AssertFramingAgrees<TypedHeader>(random, i);
            AssertFramingAgrees<NamedLengthHeader>(random, i);
            AssertFramingAgrees<StrictHeader>(random, i);
        }
    }

    // Random bytes, and (every other time) the magic or marker a header needs, so both answers are exercised.
    private static void AssertFramingAgrees<THeader>(Random random, int i)
        where THeader : ProtocolGen.Internal.IFrameHeader<THeader>
    {
        var bytes = new byte[THeader.Size];
        random.NextBytes(bytes);
        if (i % 2 == 0)
        {
            bytes[0] = 0x7E;
            if (typeof(THeader) == typeof(ChunkHeader))
            {
                bytes[1] = 0xDE;
                bytes[0] = 0xC0;
            }

            if (typeof(THeader) == typeof(SensorHeader))
            {
                bytes[6] = 1;
            }

            if (typeof(THeader) == typeof(TypedHeader))
            {
                bytes[0] = 0x42;
            }

            if (typeof(THeader) == typeof(NamedLengthHeader))
            {
                bytes[1] = 7;
            }

            if (typeof(THeader) == typeof(StrictHeader))
            {
                // Flag, type, pad, version, bits, pad, length: every check passes but a random one in four bytes.
                bytes[0] = 1;
                bytes[3] = 2;
                bytes[4] = (byte)(i % 4 == 0 ? 0x30 : bytes[4]);
                bytes[2] = (byte)(i % 8 == 0 ? 0 : bytes[2]);
                bytes[5] = (byte)(i % 8 == 0 ? 0 : bytes[5]);
            }
        }

        var reader = new ProtocolGen.Wire.WireReader(bytes);
        var read = THeader.TryRead(ref reader, out var type, out var bodyLength, out _);
        var framed = THeader.TryReadFraming(bytes, out var fastType, out var fastBodyLength);

        Assert.True(read == framed, $"{typeof(THeader).Name} {Convert.ToHexString(bytes)}: TryRead {read}, TryReadFraming {framed}");
        if (read)
        {
            Assert.Equal((type, bodyLength), (fastType, fastBodyLength));
        }
    }

    private static string Describe(FrameResult<BusMessage> frame) =>
        $"{frame.Offset}+{frame.Length}: {(frame.IsPacket ? frame.Packet!.ToString() : frame.Error!.Kind + " " + frame.Error.FrameType)}";

    private static FrameResult<BusMessage>[] Frames(byte[] buffer, FrameDecoderOptions options = default)
    {
        var frames = new System.Collections.Generic.List<FrameResult<BusMessage>>();
        foreach (var frame in BusMessage.DecodeFrames(buffer, options))
        {
            frames.Add(frame);
        }

        return frames.ToArray();
    }
}
