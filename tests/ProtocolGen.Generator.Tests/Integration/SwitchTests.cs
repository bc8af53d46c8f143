using System;
using System.Buffers.Binary;
using System.Text.Json;
using ProtocolGen.Json;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary>Wire unions picked by an earlier field (<c>[Switch]</c>), generated, compiled and run (see <c>SwitchSchema.cs</c>).</summary>
public sealed class SwitchTests
{
    private static readonly Ipv4Address From = new(10, 0, 0, 1);
    private static readonly Ipv4Address To = new(10, 0, 0, 2);

    public static TheoryData<LinkFrame> Frames() => new()
    {
        new LinkFrame(Carried.Ping, new PingBody(7), ReadOnlyMemory<byte>.Empty),
        new LinkFrame(Carried.Text, new TextBody("héllo"), new byte[] { 0xEE }),
        new LinkFrame(Carried.Tunnel, new Tunnel(Carried.Ping, new PingBody(9)), ReadOnlyMemory<byte>.Empty),
        new LinkFrame(Carried.Routed, Routed(new byte[] { 1, 2, 3 }), new byte[] { 0, 0 }),
        new LinkFrame((Carried)0x86DD, new UnknownLinkPayload(new byte[] { 0xAA, 0xBB }), ReadOnlyMemory<byte>.Empty),
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void EachCase_RoundTripsThroughBytes_AndJson(LinkFrame frame)
    {
        var bytes = WireCodec.ToArray(frame);
        var decoded = LinkFrame.ReadFrom(bytes);

        Assert.Equal(frame.Payload, decoded.Payload);
        Assert.Equal(bytes, WireCodec.ToArray(decoded));
        var json = Json(decoded);
        Assert.Equal(bytes, WireCodec.ToArray(FromJson(json)));
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void ARecordHoldingASwitch_RoundTripsInAPacket_AndItsViewReadsItAsAValue(LinkFrame frame)
    {
        var packet = new CarriedFrame(42, frame);
        var bytes = LinkMessage.EncodeFrame(packet);

        var decoded = Assert.IsType<CarriedFrame>(LinkMessage.DecodeFrame(bytes));
        Assert.Equal(frame.Payload, decoded.Frame.Payload);
        Assert.Equal(bytes, LinkMessage.EncodeFrame(decoded));
        var view = new CarriedFrame.View(bytes.AsSpan(5));
        Assert.Equal(42u, view.Sequence);
        Assert.Equal(frame.Payload, view.Frame.Payload);
    }

    [Fact]
    public void TheSelector_PicksTheCase_AndTheCaseIsReadInPlace()
    {
        var bytes = WireCodec.ToArray(new LinkFrame(Carried.Ping, new PingBody(0x01020304), new byte[] { 0xEE }));

        Assert.Equal(new byte[] { 0x00, 0x01, 0x01, 0x02, 0x03, 0x04, 0xEE }, bytes);
        var decoded = LinkFrame.ReadFrom(bytes);
        Assert.Equal(new PingBody(0x01020304), decoded.Payload);
        Assert.Equal(new byte[] { 0xEE }, decoded.Trailer.ToArray());
    }

    [Fact]
    public void AnUnknownTag_IsReadByTheDefaultCase_KeepingItsBytes()
    {
        byte[] bytes = { 0x86, 0xDD, 0x60, 0x00, 0x00 };

        var decoded = LinkFrame.ReadFrom(bytes);

        var unknown = Assert.IsType<UnknownLinkPayload>(decoded.Payload);
        Assert.Equal(new byte[] { 0x60, 0x00, 0x00 }, unknown.Bytes.ToArray());
        Assert.Equal(bytes, WireCodec.ToArray(decoded));
    }

    [Fact]
    public void AnUnknownTag_OfAUnionWithoutDefault_IsUnknownTypeAtThePayload()
    {
        var bytes = WireCodec.ToArray(new LinkFrame(Carried.Routed, Routed(new byte[] { 1 }), ReadOnlyMemory<byte>.Empty));
        bytes[2 + 2] = 6; // the routed packet's protocol: not a case of IRoutedPayload

        var error = Refusal(bytes);

        Assert.Equal(ProtocolErrorKind.UnknownType, error.Kind);
        Assert.Equal(2 + 11, error.Offset);
    }

    [Fact]
    public void APseudoHeader_SeedsTheCasesChecksum_OnEncodeAndDecode()
    {
        var bytes = WireCodec.ToArray(new LinkFrame(Carried.Routed, Routed(new byte[] { 1, 2, 3 }), ReadOnlyMemory<byte>.Empty));
        var datagram = bytes.AsSpan(2 + 11);

        // RFC 768's sum: the pseudo-header (source, destination, zero and protocol, length) and the datagram.
        var seed = Checksums.PseudoHeader(From, To, 17, datagram.Length);
        Assert.Equal(0, Checksums.Internet(datagram, seed));
        Assert.NotEqual(0, BinaryPrimitives.ReadUInt16BigEndian(datagram.Slice(6)));
        Assert.Equal(bytes, WireCodec.ToArray(LinkFrame.ReadFrom(bytes)));

        bytes[^1] ^= 0xFF;
        var error = Refusal(bytes);
        Assert.Equal(ProtocolErrorKind.ChecksumMismatch, error.Kind);
        Assert.Equal(2 + 11 + 6, error.Offset);
    }

    [Fact]
    public void ACaseThatDoesNotFillItsWindow_IsALengthMismatchAtTheLength()
    {
        var bytes = WireCodec.ToArray(new LinkFrame(Carried.Routed, Routed(new byte[] { 1, 2, 3 }), new byte[] { 0 }));
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)(BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(2)) + 1));

        // Unverified: the longer window changes the pseudo-header, which the checksum would refuse first.
        var error = Refusal(bytes, verifyChecksums: false);

        Assert.Equal(ProtocolErrorKind.LengthMismatch, error.Kind);
        Assert.Equal(2, error.Offset);
    }

    [Fact]
    public void ACaseTheSelectorDoesNotPick_IsAnEncodeErrorNamingBoth()
    {
        var wrong = new LinkFrame(Carried.Text, new PingBody(1), ReadOnlyMemory<byte>.Empty);
        var known = new LinkFrame(Carried.Ping, new UnknownLinkPayload(new byte[] { 1 }), ReadOnlyMemory<byte>.Empty);

        var error = Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(wrong));
        Assert.Contains("payload", error.Message);
        Assert.Contains("that type = Text (2) picks", error.Message);
        Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(known));
        Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(new LinkFrame(Carried.Ping, null!, ReadOnlyMemory<byte>.Empty)));
    }

    [Fact]
    public void CasesNestedDeeperThanTheLimit_AreRefused_NotRecursedInto()
    {
        var nested = new byte[2 * 40 + 6];
        for (var i = 0; i < 40; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(nested.AsSpan(2 * i), (ushort)Carried.Tunnel);
        }

        BinaryPrimitives.WriteUInt16BigEndian(nested.AsSpan(80), (ushort)Carried.Ping);

        var error = Refusal(nested);
        Assert.Equal(ProtocolErrorKind.InvalidValue, error.Kind);

        // Within the limit the same nesting reads.
        var shallow = new LinkFrame(Carried.Tunnel, new Tunnel(Carried.Tunnel, new Tunnel(Carried.Ping, new PingBody(1))), ReadOnlyMemory<byte>.Empty);
        Assert.Equal(shallow.Payload, LinkFrame.ReadFrom(WireCodec.ToArray(shallow)).Payload);
    }

    [Fact]
    public void ACasesJson_NamesItsKind_AndAnUnknownKindIsRefused()
    {
        var json = Json(new LinkFrame(Carried.Ping, new PingBody(5), ReadOnlyMemory<byte>.Empty));

        Assert.Contains("\"payload\":{\"kind\":\"ping\",\"sequence\":5}", json);
        var error = Assert.Throws<WireJsonException>(() => FromJson(json.Replace("\"ping\"", "\"pong\"")));
        Assert.Equal("payload.kind", error.Field);
    }

    [Fact]
    public void ABoolSelector_PicksTheCaseTaggedTrueOrFalse()
    {
        Assert.Equal(new byte[] { 1, 4, 3, 2, 1 }, WireCodec.ToArray(new SizedValue(true, new WideValue(0x01020304))));
        Assert.Equal(new byte[] { 0, 7 }, WireCodec.ToArray(new SizedValue(false, new NarrowValue(7))));
        Assert.Equal(new NarrowValue(7), SizedValue.ReadFrom(new byte[] { 0, 7 }).Value);
        var error = Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(new SizedValue(false, new WideValue(1))));
        Assert.Contains("that wide = false picks", error.Message);
    }

    private static RoutedPacket Routed(byte[] data) =>
        new(0, Transport.Datagram, From, To, new SwitchedDatagram(5353, 53, 0, 0, data));

    private static (ProtocolErrorKind? Kind, int Offset) Refusal(byte[] bytes, bool verifyChecksums = true)
    {
        var reader = new WireReader(bytes, verifyChecksums);
        Assert.False(LinkFrame.TryReadFrom(ref reader, out _) && !reader.HasFailed);
        return (reader.Fault, reader.FaultOffset);
    }

    private static string Json(LinkFrame frame)
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            frame.WriteJson(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static LinkFrame FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Read<LinkFrame>(document.RootElement);
    }

    private static T Read<T>(JsonElement element)
        where T : IWireJson<T> => T.ReadJson(element);
}
