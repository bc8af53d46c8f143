using System;
using System.IO;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary>Bit fields (<c>[Bits]</c>, <c>[BitOrder]</c>, <c>[Reserved]</c>), generated, compiled and run (see <c>BitsSchema.cs</c>).</summary>
public sealed class BitsTests
{
    private const int Header = 5;

    // RFC 791's first word as a textbook capture draws it: 45 00 00 73, then DF set, TTL 64, UDP, 192.168.0.1 to .199.
    private static readonly byte[] ClassicIpv4 =
    [
        0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0xB8, 0x61,
        0xC0, 0xA8, 0x00, 0x01, 0xC0, 0xA8, 0x00, 0xC7,
    ];

    public static TheoryData<Bitwise> Packets() => new()
    {
        Classic(),
        new Ipv4Header(4, 15, 46, 3, 0xFFFF, 0xFFFF, true, true, true, 0x1FFF, 255, IpProtocol.Tcp, 0xFFFF, new Ipv4Address(255, 255, 255, 255), new Ipv4Address(0, 0, 0, 0)),
        new TcpHeader(0x1234, 0x5678, 5, 5, true, false, false, false, true, false, false, true, false, 0xFFFF),
        new TcpHeader(0, 0, 15, 7, true, true, true, true, true, true, true, true, true, 0),
        new Telemetry(Priority.High, true, true, 0xABCDE, 0x123, Mode.Auto, 0x2BEEF),
        new Telemetry(Priority.Low, false, true, 0, 0, Mode.Off, 0),
        new Stamped(new Timestamp(0x123456789AB, 999999), 0x0102030405, Priority.Urgent, 21, [0xDE, 0xAD], 0xC, 0x3),
        new Stamped(new Timestamp(0xFFFFFFFFFFF, 0xFFFFF), 0xFFFFFFFFFF, Priority.Low, 0, [], 0, 0xF),
    };

    [Theory]
    [MemberData(nameof(Packets))]
    public void BitFields_RoundTripThroughTheirFrame_TheirJson_AndTheirView(Bitwise packet)
    {
        var frame = Bitwise.EncodeFrame(packet);
        var decoded = Bitwise.DecodeFrame(frame);

        Assert.Equal(packet, decoded);
        Assert.Equal(frame, Bitwise.EncodeFrame(decoded));
        Assert.Equal(frame.Length - Header, packet.WireSize);
        Assert.Equal(packet, FromJson(ToJson(packet)));
    }

    [Fact]
    public void AnIpv4Header_IsTheBytesRfc791Draws()
    {
        Assert.Equal(ClassicIpv4, Body(Classic()));
        Assert.Equal(Classic(), Ipv4Header.ReadFrom(ClassicIpv4));
        Assert.Equal(20, Ipv4Header.MinWireSize);
        Assert.True(Ipv4Header.IsFixedSize);
    }

    [Fact]
    public void EveryIpv4BitLandsWhereRfc791PutsIt()
    {
        // dscp 46 (EF) and ecn 3 in byte 1; the evil bit, MF and a 13-bit offset of 0x1ABC in bytes 6 and 7.
        var body = Body(Classic() with { HeaderLength = 15, Dscp = 46, Ecn = 3, ReservedFlag = true, DontFragment = false, MoreFragments = true, FragmentOffset = 0x1ABC });

        Assert.Equal(0x4F, body[0]);
        Assert.Equal(0xBB, body[1]);
        Assert.Equal(new byte[] { 0xBA, 0xBC }, body[6..8]);
    }

    [Fact]
    public void TcpFlags_AreOneBigEndianWord_DataOffsetOnTop_FinAtTheBottom()
    {
        var body = Body(new TcpHeader(0x1234, 0x5678, 5, 5, true, false, false, false, true, false, false, true, false, 0xFFFF));

        Assert.Equal(new byte[] { 0x12, 0x34, 0x56, 0x78, 0x5B, 0x12, 0xFF, 0xFF }, body);
    }

    [Fact]
    public void ALittleEndianRecord_FillsItsContainersFromTheLowBits_InTheFirstBytes()
    {
        var body = Body(new Telemetry(Priority.High, true, true, 0xABCDE, 0x123, Mode.Auto, 0x2BEEF));

        // 24 bits: 2 | 1 << 2 | 1 << 3 | 0xABCDE << 4 = 0xABCDEE; 32 bits: 0x123 | 2 << 12 | 0x2BEEF << 14 = 0xAFBBE123.
        Assert.Equal(new byte[] { 0xEE, 0xCD, 0xAB, 0x23, 0xE1, 0xBB, 0xAF }, body);
    }

    [Fact]
    public void SixtyFourAndFortyBitContainers_AnLsbFirstGroup_AndAGroupAfterVariableBytes_LieWhereDeclared()
    {
        var body = Body(new Stamped(new Timestamp(0x123456789AB, 999999), 0x0102030405, Priority.Urgent, 21, [0xDE, 0xAD], 0xC, 0x3));

        Assert.Equal(
            new byte[] { 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBF, 0x42, 0x3F, 0x01, 0x02, 0x03, 0x04, 0x05, 0xAB, 0x02, 0xDE, 0xAD, 0xC3 },
            body);
    }

    [Fact]
    public void BitOrderOnALittleEndianRecord_PutsTheFirstMemberOnTop()
    {
        var bytes = new byte[DekuFlags.MinWireSize];
        new DekuFlags(0xA, 0x123, 7).WriteTo(bytes);

        Assert.Equal(new byte[] { 0x23, 0xA1, 7, 0, 0, 0 }, bytes);
        Assert.Equal(new DekuFlags(0xA, 0x123, 7), DekuFlags.ReadFrom(bytes));
    }

    [Fact]
    public void Json_HoldsNumbersBooleansAndEnumNames_UnderEachFieldsName()
    {
        Assert.Equal(
            """{"kind":"Telemetry","priority":"High","alarm":true,"marker":true,"sequence":703710,"channel":291,"mode":"Auto","reading":179951}""",
            ToJson(new Telemetry(Priority.High, true, true, 0xABCDE, 0x123, Mode.Auto, 0x2BEEF)));
        Assert.Contains("\"reserved_flag\":true", ToJson(Classic() with { ReservedFlag = true }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("header_length", 5, 16, "is 16, wider than its 4 bits (at most 15)")]
    [InlineData("fragment_offset", 0, 8192, "is 8192, wider than its 13 bits (at most 8191)")]
    public void Json_RefusesAValueWiderThanItsBits_NamingTheField(string field, int valid, int tooWide, string problem)
    {
        var json = ToJson(Classic());
        var wide = json.Replace($"\"{field}\":{valid}", $"\"{field}\":{tooWide}", StringComparison.Ordinal);
        Assert.NotEqual(json, wide);

        var error = Assert.Throws<ProtocolGen.Json.WireJsonException>(() => FromJson(wide));
        Assert.Equal(field, error.Field);
        Assert.Equal(problem, error.Problem);
        Assert.Equal(Classic() with { HeaderLength = 15 }, FromJson(json.Replace("\"header_length\":5", "\"header_length\":15", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheView_ShiftsEachFieldOutOfItsContainer_WhereverTheContainerLies()
    {
        var ip = Ipv4Header.View.Create(Body(Classic() with { Ecn = 2, FragmentOffset = 0x0ABC, MoreFragments = true }));
        Assert.Equal(4, ip.Version);
        Assert.Equal(5, ip.HeaderLength);
        Assert.Equal(2, ip.Ecn);
        Assert.True(ip.DontFragment);
        Assert.True(ip.MoreFragments);
        Assert.False(ip.ReservedFlag);
        Assert.Equal(0x0ABC, ip.FragmentOffset);
        Assert.Equal(IpProtocol.Udp, ip.Protocol);

        var stamped = Stamped.View.Create(Body(new Stamped(new Timestamp(5, 6), 0xFFFFFFFFFF, Priority.High, 9, [1, 2, 3], 0xA, 0x5)));
        Assert.Equal(0xFFFFFFFFFFUL, stamped.Counter);
        Assert.Equal(Priority.High, stamped.Level);
        Assert.Equal(9, stamped.Spare);
        Assert.Equal(0xA, stamped.High);
        Assert.Equal(0x5, stamped.Low);

        var telemetry = Telemetry.View.Create(Body(new Telemetry(Priority.Urgent, true, true, 0xFFFFF, 0xFFF, Mode.On, 0x3FFFF)));
        Assert.Equal(Priority.Urgent, telemetry.Priority);
        Assert.Equal(0xFFFFFu, telemetry.Sequence);
        Assert.Equal(Mode.On, telemetry.Mode);
        Assert.Equal(0x3FFFFu, telemetry.Reading);
    }

    [Theory]
    [InlineData("header_length")]
    [InlineData("fragment_offset")]
    [InlineData("priority")]
    [InlineData("reading")]
    [InlineData("counter")]
    public void AValueWiderThanItsBits_IsAnEncodeError_NamingTheField_AndNothingIsWritten(string field)
    {
        Bitwise packet = field switch
        {
            "header_length" => Classic() with { HeaderLength = 16 },
            "fragment_offset" => Classic() with { FragmentOffset = 0x2000 },
            "priority" => new Telemetry((Priority)4, false, true, 0, 0, Mode.Off, 0),
            "reading" => new Telemetry(Priority.Low, false, true, 0, 0, Mode.Off, 0x40000),
            _ => new Stamped(default, 0x10000000000, Priority.Low, 0, [], 0, 0),
        };
        var destination = new byte[64];

        var error = Assert.Throws<WireEncodeException>(() => Bitwise.EncodeFrame(packet, destination));

        Assert.Equal(field, error.Field);
        Assert.Contains("does not fit its", error.Message, StringComparison.Ordinal);
        Assert.All(destination, b => Assert.Equal(0, b));
    }

    [Fact]
    public void AFixedBitFieldOfAnotherValue_IsFixedValueMismatch_AtItsContainersOffset()
    {
        var ip = (byte[])ClassicIpv4.Clone();
        ip[0] = 0x65; // version 6

        var error = Assert.Throws<ProtocolException>(() => Ipv4Header.ReadFrom(ip)).Error;
        Assert.Equal(ProtocolErrorKind.FixedValueMismatch, error.Kind);
        Assert.Equal(0, error.BodyOffset);
        Assert.False(Ipv4Header.View.TryCreate(ip, out _, out _));

        var telemetry = Body(new Telemetry(Priority.Low, false, true, 0, 7, Mode.Off, 0));
        telemetry[0] &= 0xF7; // the marker bit, which is fixed true

        var marker = Assert.Throws<ProtocolException>(() => Telemetry.ReadFrom(telemetry)).Error;
        Assert.Equal(ProtocolErrorKind.FixedValueMismatch, marker.Kind);
        Assert.Equal(0, marker.BodyOffset);
        Assert.Equal(marker.Kind, Assert.Throws<ProtocolException>(() => Telemetry.View.Create(telemetry)).Error.Kind);
    }

    [Fact]
    public void AClosedEnumBitFieldOfAnUnnamedValue_IsInvalidValue_AtItsContainersOffset()
    {
        var body = Body(new Telemetry(Priority.Low, false, true, 0, 0, Mode.Off, 0));
        body[4] |= 0x30; // mode 3, which Mode does not name

        var error = Assert.Throws<ProtocolException>(() => Telemetry.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.InvalidValue, error.Kind);
        Assert.Equal(3, error.BodyOffset);
        Assert.False(Telemetry.View.TryCreate(body, out _, out _));
    }

    [Fact]
    public void ReservedBits_AreKeptAndCompared_SoAnyValueReEncodesByteForByte()
    {
        var tcp = Body(new TcpHeader(1, 2, 5, 0, false, false, false, false, false, false, false, false, false, 3));
        tcp[4] |= 0x0E; // all three reserved bits

        var decoded = TcpHeader.ReadFrom(tcp);

        Assert.Equal(7, decoded.Reserved);
        Assert.Equal(tcp, Body(decoded));
        Assert.NotEqual(decoded, decoded with { Reserved = 0 });
    }

    [Fact]
    public void AReservedByte_IsKeptComparedAndMarkedInTheLayout()
    {
        var decoded = Spared.ReadFrom([1, 0xA5, 2, 0]);

        Assert.Equal(new Spared(1, 0xA5, 2), decoded);
        Assert.NotEqual(decoded with { Spare = 0 }, decoded);
        Assert.Equal(new ProtocolGen.Layout.FieldLayout(1, 1, "spare", "u8, reserved"), Spared.WireLayout.Fields[1]);
        Assert.Null(Spared.WireLayout.BitOrder);
    }

    [Fact]
    public void TheLayout_DrawsTheIpv4HeaderAsRfc791Does()
    {
        var expected = string.Join("\n",
            "Ipv4Header (type 1, body 20 bytes, bits MSB first)",
            " 0                   1                   2                   3",
            " 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1",
            "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
            "|version|header~|   dscp    |ecn|         total_length          |",
            "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
            "|        identification         |r|d|m|     fragment_offset     |",
            "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
            "| time_to_live  |   protocol    |        header_checksum        |",
            "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
            "|                            source                             |",
            "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
            "|                          destination                          |",
            "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
            string.Empty,
            "offset  size  field",
            "   0.0    4b  version (b4 = 4)",
            "   0.4    4b  header_length (b4)",
            "   1.0    6b  dscp (b6)",
            "   1.6    2b  ecn (b2)",
            "     2     2  total_length (u16be)",
            "     4     2  identification (u16be)",
            "   6.0    1b  reserved_flag (b1 bool, reserved)",
            "   6.1    1b  dont_fragment (b1 bool)",
            "   6.2    1b  more_fragments (b1 bool)",
            "   6.3   13b  fragment_offset (b13)",
            "     8     1  time_to_live (u8)",
            "     9     1  protocol (u8 IpProtocol)",
            "    10     2  header_checksum (u16be)",
            "    12     4  source (Ipv4Address)",
            "    16     4  destination (Ipv4Address)",
            string.Empty);

        Assert.Equal(expected, Ipv4Header.WireLayout.ToBitDiagram());
        Assert.Equal(BitOrder.MsbFirst, Ipv4Header.WireLayout.BitOrder);
        Assert.Equal(new ProtocolGen.Layout.FieldLayout(6, 2, "fragment_offset", "b13") { BitOffset = 3, BitSize = 13 }, Ipv4Header.WireLayout.Fields[9]);
    }

    [Fact]
    public void ALittleEndianLayout_CountsBitsFromTheLeastSignificant_AndSaysSo()
    {
        var layout = Telemetry.WireLayout;

        Assert.Equal(BitOrder.LsbFirst, layout.BitOrder);
        Assert.StartsWith("Telemetry (type 3, body 7 bytes, bits LSB first)", layout.ToDiagram(), StringComparison.Ordinal);
        Assert.Equal(new ProtocolGen.Layout.FieldLayout(0, 1, "priority", "b2 Priority") { BitOffset = 0, BitSize = 2 }, layout.Fields[0]);
        Assert.Equal(new ProtocolGen.Layout.FieldLayout(0, 3, "sequence", "b20") { BitOffset = 4, BitSize = 20 }, layout.Fields[3]);
        Assert.Equal(new ProtocolGen.Layout.FieldLayout(4, 1, "mode", "b2 Mode, closed") { BitOffset = 4, BitSize = 2 }, layout.Fields[5]);
    }

    private static Ipv4Header Classic() =>
        new(4, 5, 0, 0, 0x73, 0, false, true, false, 0, 64, IpProtocol.Udp, 0xB861, new Ipv4Address(192, 168, 0, 1), new Ipv4Address(192, 168, 0, 199));

    private static byte[] Body(Bitwise packet) => Bitwise.EncodeFrame(packet)[Header..];

    private static string ToJson(Bitwise packet)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Bitwise.WriteJson(writer, packet);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Bitwise FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Bitwise.ReadJson(document.RootElement);
    }
}
