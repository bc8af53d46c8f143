using System;
using System.Linq;
using System.Text.Json;
using ProtocolGen.Generator.Tests.Infrastructure;
using ProtocolGen.Json;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary>Conditional members (<c>[PresentWhen]</c>), generated, compiled and run (see <c>ConditionsSchema.cs</c>).</summary>
public sealed class ConditionsTests
{
    // Room for the most a record can take (its WriteTo skips summing the size) and room for exactly its size.
    private static readonly int[] Rooms = [64, 0];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WritingIntoRoomForTheMost_GivesTheSameBytesAsIntoExactlyItsSize(bool hasPair)
    {
        var value = new OptionalPair(hasPair, hasPair ? new StatusPair(DeviceStatus.Busy, 7) : null, 9);
        var expected = WireCodec.ToArray(value);

        foreach (var room in Rooms)
        {
            var destination = new byte[room == 0 ? expected.Length : room];
            Assert.Equal(expected.Length, value.WriteTo(destination));
            Assert.Equal(expected, destination.AsSpan(0, expected.Length).ToArray());
        }
    }

    [Fact]
    public void WritingIntoRoomForTheMost_StillRefusesWhatWireSizeRefuses_PresenceAndTheNestedClosedEnum()
    {
        var absent = new OptionalPair(true, null, 9);
        var unnamed = new OptionalPair(true, new StatusPair((DeviceStatus)7, 0), 9);
        var unnamedReading = new OptionalReading(false, null, (DeviceStatus)7);
        var shortBytes = new OptionalFourBytes(true, new FourBytes(new byte[3]), 1);

        foreach (var room in Rooms)
        {
            Assert.Contains("pair", Assert.Throws<WireEncodeException>(() => absent.WriteTo(new byte[room == 0 ? 2 : room])).Message);
            Assert.Contains("first", Assert.Throws<WireEncodeException>(() => unnamed.WriteTo(new byte[room == 0 ? 4 : room])).Message);
            Assert.Contains("status", Assert.Throws<WireEncodeException>(() => unnamedReading.WriteTo(new byte[room == 0 ? 2 : room])).Message);
            Assert.Contains("bytes", Assert.Throws<WireEncodeException>(() => shortBytes.WriteTo(new byte[room == 0 ? 6 : room])).Message);
        }
    }

    private static readonly Ipv4Address ReplyAddress = new(192, 0, 2, 7);

    public static TheoryData<ConditionalHeader> Headers() => new()
    {
        new ConditionalHeader(MessageKind.Ping, 0, null, 512, null, null, null, null, "ping"),
        new ConditionalHeader(MessageKind.Data, 1, 77, 1024, true, ReplyAddress, new byte[] { 1, 2, 3, 4 }, null, "data"),
        new ConditionalHeader(MessageKind.Ack, 0, 78, 2048, null, null, null, new AckRange(10, 20), "ack"),
        new ConditionalHeader(MessageKind.Close, 1, null, null, false, ReplyAddress, null, null, string.Empty),
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void EveryCombination_RoundTripsThroughBytes_AndJson(ConditionalHeader header)
    {
        var bytes = WireCodec.ToArray(header);
        var decoded = ConditionalHeader.ReadFrom(bytes);

        Assert.Equal(header, decoded);
        Assert.Equal(bytes.Length, header.WireSize);
        Assert.Equal(header, FromJson<ConditionalHeader>(Json(decoded)));
    }

    [Fact]
    public void APresentMember_IsOnTheWireAfterItsSelector_AndAnAbsentOneTakesNoBytes()
    {
        var ping = WireCodec.ToArray(new ConditionalHeader(MessageKind.Ping, 0, null, 0x0102, null, null, null, null, "p"));
        var data = WireCodec.ToArray(new ConditionalHeader(MessageKind.Data, 0, 0x0A0B0C0D, 0x0102, null, null, new byte[] { 0xF1, 0xF2, 0xF3, 0xF4 }, null, "p"));

        // kind, flags, window, note: no sequence, urgent, address, token or range.
        Assert.Equal(new byte[] { 1, 0, 0x01, 0x02, 1, (byte)'p' }, ping);
        // kind, flags, sequence, window, token, note.
        Assert.Equal(new byte[] { 2, 0, 0x0A, 0x0B, 0x0C, 0x0D, 0x01, 0x02, 0xF1, 0xF2, 0xF3, 0xF4, 1, (byte)'p' }, data);
    }

    [Fact]
    public void ANotCondition_LeavesTheMemberOff_ForTheNamedValue()
    {
        var close = WireCodec.ToArray(new ConditionalHeader(MessageKind.Close, 0, null, null, null, null, null, null, string.Empty));

        Assert.Equal(new byte[] { 4, 0, 0 }, close);
        Assert.Null(ConditionalHeader.ReadFrom(close).Window);
    }

    [Fact]
    public void AnAbsentStructure_LeavesTheFieldsAfterItWhereTheyAre()
    {
        // Both structures absent and both present: the note after them is read from its own offset either way.
        var without = new ConditionalHeader(MessageKind.Ping, 0, null, 1, null, null, null, null, "after");
        var with = new ConditionalHeader(MessageKind.Ack, 1, 5, 1, true, ReplyAddress, null, new AckRange(1, 2), "after");

        Assert.Equal("after", ConditionalHeader.ReadFrom(WireCodec.ToArray(without)).Note);
        Assert.Equal("after", ConditionalHeader.ReadFrom(WireCodec.ToArray(with)).Note);
        Assert.Equal(new AckRange(1, 2), ConditionalHeader.ReadFrom(WireCodec.ToArray(with)).Range);
    }

    [Fact]
    public void APresentMember_WhoseConditionDoesNotHold_IsAnEncodeErrorNamingBoth()
    {
        var header = new ConditionalHeader(MessageKind.Ping, 0, 9, 1, null, null, null, null, string.Empty);

        var error = Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(header));

        Assert.Equal("sequence", error.Field);
        Assert.Contains("but kind = Ping (1) leaves it off the wire", error.Message, StringComparison.Ordinal);
        Assert.Contains("set it to null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAbsentMember_WhoseConditionHolds_IsAnEncodeErrorNamingBoth()
    {
        var header = new ConditionalHeader(MessageKind.Data, 0, 9, 1, null, null, null, null, string.Empty);

        var error = Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(header));

        Assert.Equal("token", error.Field);
        Assert.Contains("is null, but kind = Data (2) calls for it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEncodeError_SaysTheSelectorsValueAsItsTypeDoes_ABoolAsTrueOrFalse_AnIntegerAsANumber_AnUnnamedEnumAsItsNumber()
    {
        var boolean = Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(new OptionalReading(true, null, DeviceStatus.Busy)));
        var integer = Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(new ConditionalHeader(MessageKind.Ping, 0, null, 1, true, null, null, null, string.Empty)));
        var unnamed = Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(new ConditionalHeader((MessageKind)9, 0, 5, 1, null, null, null, null, string.Empty)));

        Assert.Equal("temperature", boolean.Field);
        Assert.Contains("is null, but has_temperature = true calls for it", boolean.Message, StringComparison.Ordinal);
        Assert.Contains("holds a value, but flags = 0 leaves it off the wire", integer.Message, StringComparison.Ordinal);
        Assert.Contains("holds a value, but kind = 9 leaves it off the wire", unnamed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABoolSelectorByteOtherThanZeroOrOne_IsInvalidValueAtTheSelector()
    {
        // The selector's own read refuses it, before any condition reads its value.
        var reader = new WireReader(new byte[] { 2, 0xD8, 0xFF });

        Assert.False(OptionalReading.TryReadFrom(ref reader, out _));
        Assert.Equal((ProtocolErrorKind.InvalidValue, 0), (reader.Fault!.Value, reader.FaultOffset));
    }

    [Fact]
    public void PresentFixedBytes_OfTheWrongLength_AreAnEncodeError()
    {
        var header = new ConditionalHeader(MessageKind.Data, 0, 9, 1, null, null, new byte[] { 1, 2 }, null, string.Empty);

        Assert.Equal("token", Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(header)).Field);
    }

    [Fact]
    public void APresentMember_CutShort_IsRefusedAsShort()
    {
        // kind = Data calls for the 4-byte sequence; only 2 of its bytes follow.
        byte[] bytes = { 2, 0, 0x0A, 0x0B };

        var reader = new WireReader(bytes);
        Assert.False(ConditionalHeader.TryReadFrom(ref reader, out _));
        Assert.Equal(ProtocolErrorKind.SizeMismatch, reader.Fault);
    }

    [Fact]
    public void APresentBool_OtherThanZeroOrOne_IsInvalidValueAtItsOffset()
    {
        var bytes = WireCodec.ToArray(new ConditionalHeader(MessageKind.Close, 1, null, null, true, ReplyAddress, null, null, string.Empty));
        bytes[2] = 7; // urgent

        var reader = new WireReader(bytes);
        Assert.False(ConditionalHeader.TryReadFrom(ref reader, out _));
        Assert.Equal((ProtocolErrorKind.InvalidValue, 2), (reader.Fault!.Value, reader.FaultOffset));
    }

    [Fact]
    public void ABoolSelector_PicksBetweenTwoMembers_AndAClosedEnumStaysClosed()
    {
        var hot = new OptionalReading(true, -40, null);
        var idle = new OptionalReading(false, null, DeviceStatus.Busy);

        Assert.Equal(new byte[] { 1, 0xD8, 0xFF }, WireCodec.ToArray(hot));
        Assert.Equal(new byte[] { 0, 1 }, WireCodec.ToArray(idle));
        Assert.Equal(idle, OptionalReading.ReadFrom(new byte[] { 0, 1 }));

        var reader = new WireReader(new byte[] { 0, 9 });
        Assert.False(OptionalReading.TryReadFrom(ref reader, out _));
        Assert.Equal((ProtocolErrorKind.InvalidValue, 1), (reader.Fault!.Value, reader.FaultOffset));
        Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(new OptionalReading(false, null, (DeviceStatus)9)));
    }

    [Fact]
    public void ABitFieldSelector_CallsForTheMemberByItsBit()
    {
        var plain = new FlaggedCode(false, 5, null);
        var extended = new FlaggedCode(true, 5, 0x1234);

        Assert.Equal(new byte[] { 0x05 }, WireCodec.ToArray(plain));
        Assert.Equal(new byte[] { 0x85, 0x12, 0x34 }, WireCodec.ToArray(extended));
        Assert.Equal(extended, FlaggedCode.ReadFrom(new byte[] { 0x85, 0x12, 0x34 }));
        Assert.Null(FlaggedCode.ReadFrom(new byte[] { 0x05 }).Extension);
    }

    [Fact]
    public void Json_LeavesAnAbsentMemberOut_AndReadsNullAsAbsent()
    {
        var ping = new ConditionalHeader(MessageKind.Ping, 0, null, 1, null, null, null, null, "x");

        var json = Json(ping);

        Assert.DoesNotContain("sequence", json, StringComparison.Ordinal);
        Assert.DoesNotContain("range", json, StringComparison.Ordinal);
        Assert.Equal(ping, FromJson<ConditionalHeader>(json.Replace("\"flags\":0", "\"flags\":0,\"sequence\":null", StringComparison.Ordinal)));
    }

    [Fact]
    public void Json_AMemberGivenWhileItsSelectorLeavesItOff_IsAJsonReadErrorNamingItAndItsSelector()
    {
        var ping = Json(new ConditionalHeader(MessageKind.Ping, 0, null, 1, null, null, null, null, "x"));

        var error = Assert.Throws<WireJsonException>(() => FromJson<ConditionalHeader>(ping.Replace("\"flags\":0", "\"flags\":0,\"sequence\":5", StringComparison.Ordinal)));

        Assert.Equal("sequence", error.Field);
        Assert.Contains("kind = Ping (1) leaves it off the wire", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(",\"token\":\"01020304\"", "")]
    [InlineData(",\"token\":\"01020304\"", ",\"token\":null")]
    public void Json_AMemberMissingOrNullWhileItsSelectorCallsForIt_IsAJsonReadErrorNamingItAndItsSelector(string given, string instead)
    {
        var data = Json(new ConditionalHeader(MessageKind.Data, 0, 7, 1, null, null, new byte[] { 1, 2, 3, 4 }, null, "x"));
        Assert.Contains(given, data, StringComparison.Ordinal);

        var error = Assert.Throws<WireJsonException>(() => FromJson<ConditionalHeader>(data.Replace(given, instead, StringComparison.Ordinal)));

        Assert.Equal("token", error.Field);
        Assert.Contains("kind = Data (2) calls for it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ABoolSelector_DecidesWhichMembersItMayHold()
    {
        var hot = Json(new OptionalReading(true, -40, null));

        var error = Assert.Throws<WireJsonException>(() => FromJson<OptionalReading>(hot.Replace("true", "false", StringComparison.Ordinal)));

        Assert.Equal("temperature", error.Field);
        Assert.Contains("has_temperature = false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RefusesFixedBytesOfTheWrongLength()
    {
        var json = Json(new ConditionalHeader(MessageKind.Data, 0, 1, 1, null, null, new byte[] { 1, 2, 3, 4 }, null, "x"));

        var error = Assert.Throws<WireJsonException>(() => FromJson<ConditionalHeader>(json.Replace("01020304", "0102", StringComparison.Ordinal)));

        Assert.Contains("token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APacketHoldingConditionalMembers_RoundTrips_AndItsViewReadsThemAsANestedView()
    {
        var header = new ConditionalHeader(MessageKind.Ack, 1, 3, 4, true, ReplyAddress, null, new AckRange(5, 6), "n");
        var packet = new HeaderPacket(42, header);
        var bytes = ConditionalMessage.EncodeFrame(packet);

        Assert.Equal(packet, ConditionalMessage.DecodeFrame(bytes));
        var view = new HeaderPacket.View(bytes.AsSpan(5));
        Assert.Equal(42, view.Id);
        Assert.Equal(header, view.Header.ToRecord());
        Assert.True(view.Header.TryGetRange(out var range));
        Assert.Equal((5u, 6u), (range.First, range.Last));
    }

    [Fact]
    public void TheLayoutDocs_SayWhenEachMemberIsOnTheWire()
    {
        var compilation = GeneratorRunner.Compile("""
            using ProtocolGen;
            public enum Kind : byte { Ping = 1, Data = 2 }
            [WireStruct, BigEndian]
            public sealed partial record Header(Kind Kind, [PresentWhen(nameof(Kind), Kind.Data)] uint? Sequence, [PresentWhen(nameof(Kind), Kind.Ping, Not = true)] ushort? Window);
            """);

        var (_, output, diagnostics) = GeneratorRunner.Run(compilation);

        Assert.DoesNotContain(diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var generated = string.Join("\n", System.Linq.Enumerable.Select(output.SyntaxTrees, t => t.ToString()));
        Assert.Contains("sequence (u32be, when kind = Data)", generated, StringComparison.Ordinal);
        Assert.Contains("window (u16be, unless kind = Ping)", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void ALengthFromTheRecordStart_CountsTheConditionalMembersBeforeItsTarget_NotAfter()
    {
        var value = new MeasuredOptional(1, 0, 7, new byte[] { 1, 2, 3, 4 }, 9);

        var bytes = WireCodec.ToArray(value);

        // kind, words, before (2), body (4): 8 bytes, 2 words; then after (2).
        Assert.Equal(10, bytes.Length);
        Assert.Equal(2, bytes[1]);
        Assert.Equal(value, MeasuredOptional.ReadFrom(bytes));
        Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(value with { Body = new byte[] { 1, 2 } }));
    }

    [Fact]
    public void AnAbsentMember_DoesNotEqualAnEmptyOne()
    {
        var absent = new ConditionalHeader(MessageKind.Ping, 0, null, 1, null, null, null, null, "x");
        var empty = absent with { Token = System.Array.Empty<byte>() };

        Assert.NotEqual(absent, empty);
        Assert.NotEqual(absent.GetHashCode(), empty.GetHashCode());
    }

    [Fact]
    public void ABoolSelector_IsTestedAsItself_NotComparedWithTrue()
    {
        var compilation = GeneratorRunner.Compile("""
            using ProtocolGen;
            [WireStruct] public sealed partial record F(bool Hot, [PresentWhen(nameof(Hot), true)] ushort? A, [PresentWhen(nameof(Hot), false)] ushort? B, [PresentWhen(nameof(Hot), true, Not = true)] ushort? C);
            """);

        var (_, output, _) = GeneratorRunner.Run(compilation);
        var generated = string.Concat(output.SyntaxTrees.Skip(1).Select(t => t.ToString()));

        Assert.DoesNotContain("== true", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("== false", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("!= true", generated, StringComparison.Ordinal);
        Assert.Contains("if (hot)", generated, StringComparison.Ordinal);
        Assert.Contains("if (!hot)", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void ARecordHoldingItselfThroughAConditionalRecordStruct_IsRefused()
    {
        var compilation = GeneratorRunner.Compile("""
            using ProtocolGen;
            [WireStruct] public partial record struct Wrap([CountPrefix(PrefixWidth.U8)] Node[] Kids);
            [WireStruct] public sealed partial record Node(byte Has, [PresentWhen(nameof(Has), 1)] Wrap? Inner);
            """);

        var (_, _, diagnostics) = GeneratorRunner.Run(compilation);

        Assert.Contains(diagnostics, d => d.Id == "PG0019");
    }

    [Fact]
    public void ANullValueList_IsPG0026_NotAGeneratorCrash()
    {
        var compilation = GeneratorRunner.Compile("""
            using ProtocolGen;
            [WireStruct] public sealed partial record F(byte Kind, [PresentWhen(nameof(Kind), null)] ushort? Extra);
            """);

        var (_, _, diagnostics) = GeneratorRunner.Run(compilation);

        Assert.Contains(diagnostics, d => d.Id == "PG0026");
        Assert.DoesNotContain(diagnostics, d => d.Id == "CS8785");
    }

    private static string Json<T>(T value)
        where T : IWireJson<T>
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            value.WriteJson(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static T FromJson<T>(string json)
        where T : IWireJson<T>
    {
        using var document = JsonDocument.Parse(json);
        return T.ReadJson(document.RootElement);
    }
}
