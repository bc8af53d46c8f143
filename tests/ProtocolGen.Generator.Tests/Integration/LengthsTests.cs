using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary>Lengths and counts held by earlier fields (<c>[LengthOf]</c>, <c>[CountOf]</c>), generated, compiled and run (see <c>LengthsSchema.cs</c>).</summary>
public sealed class LengthsTests
{
    private const int Header = 5;

    private static readonly MeasuredDatagram MeasuredSample = new(4, 0, 0, 0x01020304, new byte[] { 0xA1, 0xA2, 0xA3, 0xA4 }, new byte[] { 0xB1, 0xB2, 0xB3 });

    public static TheoryData<Measured> Packets() => new()
    {
        MeasuredSample,
        new MeasuredDatagram(6, 0, 0, 0, ReadOnlyMemory<byte>.Empty, Array.Empty<byte>()),
        new MeasuredBatch(0, 0, "first", 7, ImmutableArray.Create(new MeasuredSample(1, -2), new MeasuredSample(3, 4)), new[] { new Note(1, "a"), new Note(2, "bé") }),
        new MeasuredBatch(9, 9, string.Empty, 0, ImmutableArray<MeasuredSample>.Empty, Array.Empty<Note>()),
        new Greeting(0, 3, "hello, wörld", 0xDEADBEEF),
        new Greeting(0, 0, string.Empty, 0),
        new Bundle(0, ImmutableArray.Create(new Tlv(1, 0, new byte[] { 9 }), new Tlv(2, 0, new byte[] { 7 })), 0, new Corner(-1, 2), 0, new ushort[] { 0x0102 }),
        new Bundle(0, ImmutableArray<Tlv>.Empty, 0, new Corner(0, 0), 0, Array.Empty<ushort>()),
        new Wide(0, new byte[] { 1, 2, 3 }),
        new MeasuredIpv4Packet(4, 0, 0, 0, 0x1234, false, true, false, 0, 64, 6, 0, new Ipv4Address(10, 0, 0, 1), new Ipv4Address(10, 0, 0, 2), new byte[] { 1, 1, 1, 0 }, new byte[] { 0xC1, 0xC2 }),
        new MeasuredIpv4Packet(4, 0, 0, 0, 0, false, false, true, 0x1FFF, 1, 17, 0, new Ipv4Address(0, 0, 0, 0), new Ipv4Address(255, 255, 255, 255), Array.Empty<byte>(), Array.Empty<byte>()),
        new MeasuredTcpSegment(80, 443, 1, 2, 0, 0, false, false, false, false, false, false, false, true, false, 0xFFFF, 0, 0, new byte[] { 2, 4, 0x05, 0xB4 }, Array.Empty<byte>()),
        new MeasuredTags(0xFFF, 0, "tags", new ushort[] { 1, 0xFFFF }),
        new MeasuredTags(0, 0, string.Empty, Array.Empty<ushort>()),
        new MeasuredTcpSegment(1, 2, 3, 4, 0, 7, true, true, true, true, true, true, true, true, true, 5, 0, 6, Array.Empty<byte>(), new byte[] { 0x61 }),
    };

    [Theory]
    [MemberData(nameof(Packets))]
    public void Lengths_RoundTripThroughTheFrame_AndJson_AndTheView(Measured packet)
    {
        var frame = Measured.EncodeFrame(packet);
        var decoded = Measured.DecodeFrame(frame);

        Assert.Equal(packet, decoded);
        Assert.Equal(frame, Measured.EncodeFrame(decoded));
        Assert.Equal(frame.Length - Header, packet.WireSize);
        Assert.Equal(packet, FromJson(ToJson(packet)));
        Assert.Equal(frame, Measured.EncodeFrame(FromJson(ToJson(decoded))));
    }

    [Fact]
    public void AHeaderLengthInWords_AndATotalLength_CountFromTheRecordsStart()
    {
        var body = Body(MeasuredSample);

        Assert.Equal(new byte[] { 4, 3, 0, 15, 1, 2, 3, 4, 0xA1, 0xA2, 0xA3, 0xA4, 0xB1, 0xB2, 0xB3 }, body);
        var decoded = MeasuredDatagram.ReadFrom(body);
        Assert.Equal(3, decoded.HeaderLength);
        Assert.Equal(15, decoded.TotalLength);
    }

    [Fact]
    public void TheStoredLength_IsIgnored_AndEncodingWritesTheOneItsMemberGives()
    {
        var body = Body(MeasuredSample with { HeaderLength = 200, TotalLength = 9999 });

        Assert.Equal(Body(MeasuredSample), body);
    }

    [Fact]
    public void WithABiggerPayload_TheRecordReencodesWithTheRecomputedLength()
    {
        var decoded = MeasuredDatagram.ReadFrom(Body(MeasuredSample));

        var bigger = decoded with { Payload = new byte[100] };
        var reread = MeasuredDatagram.ReadFrom(Body(bigger));

        Assert.Equal(15, decoded.TotalLength);
        Assert.Equal(15, bigger.TotalLength);
        Assert.Equal(112, reread.TotalLength);
        Assert.Equal(100, reread.Payload.Length);
        Assert.Equal(bigger, reread);
    }

    [Fact]
    public void Equality_SkipsTheDerivedLengths_AndComparesTheRest()
    {
        var one = MeasuredSample with { HeaderLength = 1, TotalLength = 2 };
        var other = MeasuredSample with { HeaderLength = 3, TotalLength = 15 };

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.NotEqual(one, other with { Identification = 5 });
        Assert.Equal(new MeasuredBatch(1, 2, "x", 0, ImmutableArray<MeasuredSample>.Empty, Array.Empty<Note>()), new MeasuredBatch(3, 4, "x", 0, ImmutableArray<MeasuredSample>.Empty, Array.Empty<Note>()));
    }

    [Fact]
    public void Counts_AreTheElementCounts_WhereverTheArraysLie()
    {
        var body = Body(new MeasuredBatch(0, 0, "ab", 0x0A0B0C0D, ImmutableArray.Create(new MeasuredSample(0x0102, 0x03040506)), new[] { new Note(7, "z"), new Note(8, string.Empty) }));

        Assert.Equal(new byte[] { 1, 0, 2, 2, 0x61, 0x62, 0x0A, 0x0B, 0x0C, 0x0D, 1, 2, 3, 4, 5, 6, 7, 1, 0x7A, 8, 0 }, body);
    }

    [Fact]
    public void ATextsLengthTwoFieldsEarlier_IsItsUtf8Length()
    {
        var body = Body(new Greeting(0, 9, "hé", 0x01020304));

        Assert.Equal(new byte[] { 3, 0, 9, 0x68, 0xC3, 0xA9, 4, 3, 2, 1 }, body);
    }

    [Fact]
    public void AScaleAndOffset_SayTheLengthInTheirUnits()
    {
        // items: 6 bytes, (6 + 2) / 2 = 4; origin: 4 bytes; words: 2 bytes, 2 + 1 = 3.
        var body = Body(new Bundle(0, ImmutableArray.Create(new Tlv(1, 0, new byte[] { 9, 9, 9, 9 })), 0, new Corner(1, 2), 0, new ushort[] { 5 }));

        Assert.Equal(new byte[] { 4, 1, 4, 9, 9, 9, 9, 4, 1, 0, 2, 0, 3, 5, 0 }, body);
    }

    [Theory]
    [InlineData(0, 1)]     // 0 words: less than the 8 bytes before the options
    [InlineData(1, 1)]     // 4 bytes: still less
    public void AHeaderLengthShorterThanTheFixedPart_IsLengthMismatch_AtTheHeaderLength(byte headerLength, int offset)
    {
        var body = Body(MeasuredSample);
        body[1] = headerLength;

        var error = Assert.Throws<ProtocolException>(() => MeasuredDatagram.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.LengthMismatch, error.Kind);
        Assert.Equal(offset, error.BodyOffset);
    }

    [Fact]
    public void AHeaderLengthOfTheFixedPartAlone_GivesNoOptions()
    {
        var body = Body(MeasuredSample with { Options = ReadOnlyMemory<byte>.Empty });

        Assert.Equal(2, body[1]);
        Assert.True(MeasuredDatagram.ReadFrom(body).Options.IsEmpty);
    }

    [Theory]
    [InlineData(1, 255)]   // 1020 bytes of options: past the frame
    [InlineData(2, 255)]   // a total length past the frame
    [InlineData(2, 16)]    // one byte past the frame
    public void ALengthPastTheFrame_IsLengthBeyondFrame_AtTheLengthField(int offset, byte value)
    {
        var body = Body(MeasuredSample);
        if (offset == 2)
        {
            body[2] = value == 255 ? (byte)255 : (byte)0;
            body[3] = value;
        }
        else
        {
            body[offset] = value;
        }

        var error = Assert.Throws<ProtocolException>(() => MeasuredDatagram.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.LengthBeyondFrame, error.Kind);
        Assert.Equal(offset, error.BodyOffset);
    }

    [Fact]
    public void ATotalLengthShorterThanTheHeader_IsLengthMismatch_AtTheTotalLength()
    {
        var body = Body(MeasuredSample);
        body[3] = 11; // the header alone is 12 bytes

        var error = Assert.Throws<ProtocolException>(() => MeasuredDatagram.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.LengthMismatch, error.Kind);
        Assert.Equal(2, error.BodyOffset);
    }

    [Fact]
    public void ATotalLengthShorterThanTheBytes_LeavesTheRestUnread()
    {
        var body = Body(MeasuredSample);
        body[3] = 13;

        var reader = new WireReader(body);
        Assert.True(MeasuredDatagram.TryReadFrom(ref reader, out var datagram));

        Assert.Equal(new byte[] { 0xB1 }, datagram.Payload);
        Assert.Equal(13, reader.Position);
    }

    [Theory]
    [InlineData(5)]   // the structure ends a byte before its window does
    [InlineData(3)]   // it needs a byte more than its window holds
    public void AStructureThatDoesNotFillItsWindow_IsLengthMismatch_AtItsLength(byte originLength)
    {
        var body = Body(new Bundle(0, ImmutableArray<Tlv>.Empty, 0, new Corner(1, 2), 0, Array.Empty<ushort>()));
        Assert.Equal(4, body[1]);
        body[1] = originLength;
        var longer = body.Concat(new byte[] { 0 }).ToArray();

        var error = Assert.Throws<ProtocolException>(() => Bundle.ReadFrom(longer)).Error;

        Assert.Equal(ProtocolErrorKind.LengthMismatch, error.Kind);
        Assert.Equal(1, error.BodyOffset);
        Assert.Equal(ProtocolErrorKind.LengthMismatch, Assert.Throws<ProtocolException>(() => Bundle.View.Create(longer)).Error.Kind);
    }

    [Fact]
    public void ElementsThatDoNotEndAtTheirWindowsEnd_AreLengthMismatch_AtItsLength()
    {
        var body = Body(new Bundle(0, ImmutableArray.Create(new Tlv(1, 0, new byte[] { 9, 9, 9, 9 })), 0, new Corner(1, 2), 0, Array.Empty<ushort>()));
        body[2] = 3; // the element now ends a byte before the items' 6, where no next element fits

        var error = Assert.Throws<ProtocolException>(() => Bundle.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.LengthMismatch, error.Kind);
        Assert.Equal(0, error.BodyOffset);
    }

    [Fact]
    public void AnElementsOwnError_InsideAWindow_IsAtItsOffsetInTheRecord()
    {
        var body = Body(new Bundle(0, ImmutableArray.Create(new Tlv(1, 0, new byte[] { 9 }), new Tlv(2, 0, new byte[] { 9 })), 0, new Corner(1, 2), 0, Array.Empty<ushort>()));
        body[5] = 200; // the second element's length: past the frame

        var error = Assert.Throws<ProtocolException>(() => Bundle.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.LengthBeyondFrame, error.Kind);
        Assert.Equal(5, error.BodyOffset);
    }

    [Theory]
    [InlineData(0, 0, ProtocolErrorKind.LengthMismatch)]      // items_size 0: −2 bytes
    [InlineData(0, 255, ProtocolErrorKind.LengthBeyondFrame)] // 508 bytes
    public void AScaledLengthOutOfRange_IsRefused_AtTheLengthField(int offset, byte value, ProtocolErrorKind kind)
    {
        var body = Body(new Bundle(0, ImmutableArray<Tlv>.Empty, 0, new Corner(1, 2), 0, Array.Empty<ushort>()));
        body[offset] = value;

        var error = Assert.Throws<ProtocolException>(() => Bundle.ReadFrom(body)).Error;

        Assert.Equal(kind, error.Kind);
        Assert.Equal(offset, error.BodyOffset);
        Assert.Equal(kind, Assert.Throws<ProtocolException>(() => Bundle.View.Create(body)).Error.Kind);
    }

    [Fact]
    public void AByteLengthThatIsNoWholeNumberOfElements_IsLengthMismatch_AtTheLength()
    {
        var body = Body(new Bundle(0, ImmutableArray<Tlv>.Empty, 0, new Corner(1, 2), 0, new ushort[] { 1, 2 }));
        Assert.Equal(5, body[6]); // 4 bytes + 1
        body[6] = 4;              // 3 bytes: a word and a half

        var error = Assert.Throws<ProtocolException>(() => Bundle.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.LengthMismatch, error.Kind);
        Assert.Equal(6, error.BodyOffset);
    }

    [Fact]
    public void AByteLengthBelowItsOffset_IsLengthMismatch_AtTheLength()
    {
        var body = Body(new Bundle(0, ImmutableArray<Tlv>.Empty, 0, new Corner(1, 2), 0, Array.Empty<ushort>()));
        Assert.Equal(1, body[6]); // no words: 0 + 1
        body[6] = 0;              // −1 bytes

        var error = Assert.Throws<ProtocolException>(() => Bundle.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.LengthMismatch, error.Kind);
        Assert.Equal(6, error.BodyOffset);
    }

    [Fact]
    public void TheWidestLength_PastAnyFrame_IsLengthBeyondFrame()
    {
        var body = Body(new Wide(0, new byte[] { 1 }));
        body.AsSpan(0, 8).Fill(0xFF);

        var error = Assert.Throws<ProtocolException>(() => Wide.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.LengthBeyondFrame, error.Kind);
        Assert.Equal(0, error.BodyOffset);
    }

    [Fact]
    public void AHostileCount_IsLengthBeyondFrame_AndAllocatesNothingForTheElements()
    {
        var body = Body(new MeasuredBatch(0, 0, "x", 0, ImmutableArray<MeasuredSample>.Empty, Array.Empty<Note>()));
        body[1] = 0xFF;
        body[2] = 0xFF; // 65,535 notes of at least 2 bytes each, in 0 bytes

        // Warm up, then measure one decode: the text it reads first is all it may allocate.
        Read(body);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (ok, kind, offset) = Read(body);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(ok);
        Assert.Equal(ProtocolErrorKind.LengthBeyondFrame, kind);
        Assert.Equal(1, offset);
        Assert.True(allocated < 256, $"{allocated} bytes allocated");

        static (bool, ProtocolErrorKind?, int) Read(byte[] body)
        {
            var reader = new WireReader(body);
            var ok = MeasuredBatch.TryReadFrom(ref reader, out _);
            return (ok, reader.Fault, reader.FaultOffset);
        }
    }

    [Fact]
    public void AHostileCountOfPlainElements_IsLengthBeyondFrame_AtItsCount()
    {
        var body = Body(new MeasuredBatch(0, 0, "x", 0, ImmutableArray.Create(new MeasuredSample(1, 2)), Array.Empty<Note>()));
        body[0] = 0xFF;

        var error = Assert.Throws<ProtocolException>(() => MeasuredBatch.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.LengthBeyondFrame, error.Kind);
        Assert.Equal(0, error.BodyOffset);
    }

    [Theory]
    [InlineData(3, "header_length", "options", "is 3 bytes (it ends 11 bytes from the record's start), which header_length × 4 (from the record's start) cannot say: 11 is not a multiple of 4")]
    [InlineData(1016, "header_length", "options", "the field would be 256, more than its 255")]
    public void AnOptionsLengthTheHeaderLengthCannotSay_IsAnEncodeError_NamingBoth(int options, string field, string target, string message)
    {
        var destination = new byte[2048];

        var error = Assert.Throws<WireEncodeException>(() => Measured.EncodeFrame(MeasuredSample with { Options = new byte[options] }, destination));

        Assert.Equal(field, error.Field);
        Assert.Contains(target, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.All(destination, b => Assert.Equal(0, b));
    }

    [Fact]
    public void TheLargestLengthAFieldCanSay_Encodes()
    {
        // (8 + 1012) / 4 = 255, the largest header length.
        var datagram = MeasuredSample with { Options = new byte[1012], Payload = Array.Empty<byte>() };

        var body = Body(datagram);

        Assert.Equal(255, body[1]);
        Assert.Equal(datagram, MeasuredDatagram.ReadFrom(body));
    }

    [Fact]
    public void AnOddItemsLength_UnderScaleTwo_IsAnEncodeError()
    {
        var bundle = new Bundle(0, ImmutableArray.Create(new Tlv(1, 0, new byte[] { 9 })), 0, new Corner(1, 2), 0, Array.Empty<ushort>());

        var error = Assert.Throws<WireEncodeException>(() => bundle.WireSize);

        Assert.Equal("items_size", error.Field);
        Assert.Contains("items is 3 bytes, which items_size × 2 − 2 cannot say: 5 is not a multiple of 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACountPastItsField_IsAnEncodeError()
    {
        var batch = new MeasuredBatch(0, 0, "x", 0, Enumerable.Repeat(new MeasuredSample(1, 2), 256).ToImmutableArray(), Array.Empty<Note>());

        var error = Assert.Throws<WireEncodeException>(() => batch.WireSize);

        Assert.Equal("sample_count", error.Field);
        Assert.Contains("samples is 256 elements", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheView_ReadsEachMemberByItsLength()
    {
        var body = Body(MeasuredSample);
        var view = MeasuredDatagram.View.Create(body);

        Assert.Equal(new byte[] { 0xA1, 0xA2, 0xA3, 0xA4 }, view.Options.ToArray());
        Assert.Equal(new byte[] { 0xB1, 0xB2, 0xB3 }, view.Payload.ToArray());
        Assert.Equal(15, view.WireLength);

        var bundle = Bundle.View.Create(Body(new Bundle(0, ImmutableArray.Create(new Tlv(1, 0, new byte[] { 9 }), new Tlv(2, 0, new byte[] { 8 })), 0, new Corner(-1, 2), 0, new ushort[] { 3 })));
        Assert.Equal(2, bundle.Items.Count);
        var types = new System.Collections.Generic.List<byte>();
        foreach (var item in bundle.Items)
        {
            types.Add(item.Type);
        }

        Assert.Equal(new byte[] { 1, 2 }, types);
        Assert.Equal(-1, bundle.Origin.X);
        Assert.Equal(3, bundle.Words[0]);
        Assert.Equal("hé", Greeting.View.Create(Body(new Greeting(0, 0, "hé", 5))).GetText());
        Assert.Equal(5u, Greeting.View.Create(Body(new Greeting(0, 0, "hé", 5))).Trailer);
    }

    [Fact]
    public void TheViewsCheck_RefusesWhatTheDecoderRefuses()
    {
        var body = Body(MeasuredSample);
        body[3] = 11;

        Assert.Equal(ProtocolErrorKind.LengthMismatch, Assert.Throws<ProtocolException>(() => MeasuredDatagram.View.Create(body)).Error.Kind);
    }

    [Fact]
    public void Json_WritesTheLengthsAsRead_AndDoesNotNeedThem()
    {
        var decoded = MeasuredDatagram.ReadFrom(Body(MeasuredSample));

        Assert.Equal("""{"kind":"MeasuredDatagram","version":4,"header_length":3,"total_length":15,"identification":16909060,"options":"a1a2a3a4","payload":"b1b2b3"}""", ToJson(decoded));
        var read = (MeasuredDatagram)FromJson("""{"kind":"MeasuredDatagram","version":4,"identification":16909060,"options":"a1a2a3a4","payload":"b1b2b3"}""");
        Assert.Equal(0, read.HeaderLength);
        Assert.Equal(Body(MeasuredSample), Body(read));
    }

    [Fact]
    public void TheLayout_SaysWhatEachLengthMeasures()
    {
        var rows = MeasuredDatagram.WireLayout.Fields;

        Assert.Equal(new ProtocolGen.Layout.FieldLayout(1, 1, "header_length", "u8, length of ..options ÷ 4"), rows[1]);
        Assert.Equal(new ProtocolGen.Layout.FieldLayout(2, 2, "total_length", "u16be, length of ..payload"), rows[2]);
        Assert.Equal(new ProtocolGen.Layout.FieldLayout(8, null, "options", "bytes, length in header_length"), rows[4]);
        Assert.Equal("u8, (length of items + 2) ÷ 2", Bundle.WireLayout.Fields[0].WireType);
        Assert.Equal("u8, count of samples", MeasuredBatch.WireLayout.Fields[0].WireType);
    }

    [Fact]
    public void EveryOneByteMutation_IsRefusedByTheDecoderAndTheViewAlike_OrReencodesToTheBytesRead()
    {
        var checks = 0;
        foreach (Measured packet in Packets())
        {
            var body = Body(packet);
            checks += packet switch
            {
                MeasuredDatagram => Mutate<MeasuredDatagram>(body, MeasuredDatagram.View.Check),
                MeasuredBatch => Mutate<MeasuredBatch>(body, MeasuredBatch.View.Check),
                Greeting => Mutate<Greeting>(body, Greeting.View.Check),
                Bundle => Mutate<Bundle>(body, Bundle.View.Check),
                Wide => Mutate<Wide>(body, Wide.View.Check),
                MeasuredIpv4Packet => Mutate<MeasuredIpv4Packet>(body, MeasuredIpv4Packet.View.Check),
                MeasuredTags => Mutate<MeasuredTags>(body, MeasuredTags.View.Check),
                // Its checksum adds the IP pseudo-header, which a view's check cannot know: the decoder refuses more.
                MeasuredTcpSegment => 0,
                _ => throw new InvalidOperationException(packet.GetType().Name),
            };
        }

        Assert.True(checks > 800, checks.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private delegate int ViewCheck(ReadOnlySpan<byte> bytes, int at);

    // Each byte set to a few telling values: the decoder and the view's check must agree on whether (and how far) the
    // bytes read, and what the decoder accepts must re-encode to exactly the bytes it read (lengths derived, not kept).
    private static int Mutate<T>(byte[] original, ViewCheck check)
        where T : IWireStruct<T>
    {
        var count = 0;
        for (var index = 0; index < original.Length; index++)
        {
            foreach (var value in new byte[] { 0, 1, 2, 0x7F, 0xFF, (byte)(original[index] + 1), (byte)(original[index] - 1) })
            {
                var body = (byte[])original.Clone();
                body[index] = value;
                var reader = new WireReader(body);
                var read = T.TryReadFrom(ref reader, out var decoded) && !reader.HasFailed;
                var end = check(body, 0);
                var where = $"{typeof(T).Name} byte {index} = {value}";

                Assert.True(read == end >= 0, $"{where}: decoder {read}, view check {end}");
                if (read)
                {
                    Assert.Equal(reader.Position, end);
                    var written = new byte[decoded!.WireSize];
                    Assert.Equal(written.Length, WireCodec.Write(decoded, written));
                    Assert.True(body.AsSpan(0, reader.Position).SequenceEqual(written), where);
                }

                count++;
            }
        }

        return count;
    }

    private static byte[] Body(Measured packet) => Measured.EncodeFrame(packet)[Header..];

    private static string ToJson(Measured packet)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Measured.WriteJson(writer, packet);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Measured FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Measured.ReadJson(document.RootElement);
    }
}
