using System;
using System.Linq;
using System.Text.Json;
using ProtocolGen.Json;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary>
/// <c>[Switch]</c> members guarded by <c>[DefaultCaseWhen]</c> (see <c>SwitchSchema.cs</c>): an IPv4-like fragment keeps
/// its payload as the default case's bytes whatever its protocol, in a window with a pseudo-header; and a switch read in
/// place whose guard lists several values of an enum selector.
/// </summary>
public sealed class GuardedSwitchTests
{
    private static readonly Ipv4Address From = new(10, 0, 0, 1);
    private static readonly Ipv4Address To = new(10, 0, 0, 2);

    // Offset 2 holds the flags and fragment offset: 0x2000 is more_fragments, the low 13 bits the offset.
    private const int FlagsAt = 2;

    public static TheoryData<bool, ushort> Fragments() => new()
    {
        { true, 0 },
        { false, 185 },
        { true, 1 },
    };

    [Theory]
    [MemberData(nameof(Fragments))]
    public void AFragment_IsReadAsTheDefaultCase_KeepingItsBytes_AndReencodesByteExact(bool moreFragments, ushort offset)
    {
        var whole = WireCodec.ToArray(Packet(Datagram(new byte[] { 1, 2, 3 })));
        var bytes = (byte[])whole.Clone();
        var flags = (ushort)((moreFragments ? 0x2000 : 0) | offset);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(FlagsAt), flags);

        var decoded = FragmentedPacket.ReadFrom(bytes);

        Assert.Equal(moreFragments, decoded.MoreFragments);
        Assert.Equal(offset, decoded.FragmentOffset);
        var raw = Assert.IsType<FragmentBytes>(decoded.Payload);
        Assert.Equal(whole.AsSpan(13).ToArray(), raw.Bytes.ToArray());
        Assert.Equal(bytes, WireCodec.ToArray(decoded));
    }

    [Fact]
    public void AFragmentsPayload_IsNotCheckedAsTheProtocolsCase()
    {
        // A piece of a datagram: its checksum (bytes 6-7 of the case) is not the datagram's, yet the fragment reads.
        var packet = Packet(new FragmentBytes(new byte[] { 0, 53, 0x14, 0xE9, 0, 8, 0xDE, 0xAD }), moreFragments: true);
        var bytes = WireCodec.ToArray(packet);

        var decoded = FragmentedPacket.ReadFrom(bytes);

        Assert.Equal(packet.Payload, decoded.Payload);
        Assert.Equal(bytes, WireCodec.ToArray(decoded));
    }

    [Fact]
    public void AWholePacket_IsReadAsTheProtocolsCase()
    {
        var packet = Packet(Datagram(new byte[] { 1, 2, 3 }));
        var bytes = WireCodec.ToArray(packet);

        var decoded = FragmentedPacket.ReadFrom(bytes);

        var datagram = Assert.IsType<FragmentDatagram>(decoded.Payload);
        Assert.Equal(new byte[] { 1, 2, 3 }, datagram.Data.ToArray());
        Assert.Equal(bytes, WireCodec.ToArray(decoded));
    }

    [Fact]
    public void ATaggedCase_WhileAGuardHolds_IsAnEncodeErrorNamingTheGuardAndTheDefault()
    {
        var moreFragments = Packet(Datagram(new byte[] { 1 }), moreFragments: true);
        var offset = Packet(Datagram(new byte[] { 1 }), offset: 185);

        var first = Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(moreFragments));
        var second = Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(offset));

        Assert.Equal("payload", first.Field);
        Assert.Equal(
            "Field 'payload': is a FragmentDatagram, but more_fragments = true calls for the default case of IFragmentPayload, FragmentBytes, which keeps the bytes; hold a FragmentBytes, or change more_fragments. (Parameter 'payload')",
            first.Message);
        Assert.Equal(
            "Field 'payload': is a FragmentDatagram, but fragment_offset = 185 calls for the default case of IFragmentPayload, FragmentBytes, which keeps the bytes; hold a FragmentBytes, or change fragment_offset. (Parameter 'payload')",
            second.Message);
        Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(Packet(null!, moreFragments: true)));
    }

    [Fact]
    public void TheDefaultRecord_WhenNoGuardHolds_AndTheTagHasACase_IsStillAnEncodeError()
    {
        var packet = Packet(new FragmentBytes(new byte[] { 1, 2 }));

        var error = Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(packet));

        Assert.Contains("is a FragmentBytes, which is not the case of IFragmentPayload that protocol = Datagram (17) picks", error.Message);
    }

    [Fact]
    public void BothForms_RoundTripThroughJson()
    {
        var whole = Packet(Datagram(new byte[] { 1, 2, 3 }));
        var fragment = Packet(new FragmentBytes(new byte[] { 9, 8, 7 }), offset: 3);

        foreach (var packet in new[] { whole, fragment })
        {
            var bytes = WireCodec.ToArray(packet);
            var json = Json(FragmentedPacket.ReadFrom(bytes));
            Assert.Equal(bytes, WireCodec.ToArray(FromJson<FragmentedPacket>(json)));
        }

        Assert.Contains("\"payload\":{\"kind\":\"fragment_bytes\"", Json(fragment));
    }

    [Fact]
    public void JsonOfATaggedCase_WhileAGuardHolds_ReadsAndIsRefusedAtEncode()
    {
        var json = Json(Packet(Datagram(new byte[] { 1 }))).Replace("\"more_fragments\":false", "\"more_fragments\":true");

        var read = FromJson<FragmentedPacket>(json);

        Assert.IsType<FragmentDatagram>(read.Payload);
        Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(read));
    }

    [Fact]
    public void EveryCutAndOneByteMutation_IsRefusedWithATypedError_OrReencodesToTheBytesRead()
    {
        var checks = 0;
        foreach (var packet in new[] { Packet(Datagram(new byte[] { 1, 2, 3 })), Packet(new FragmentBytes(new byte[] { 1, 2, 3, 4 }), moreFragments: true) })
        {
            var original = WireCodec.ToArray(packet);
            for (var length = 0; length < original.Length; length++)
            {
                checks += Check(original.AsSpan(0, length).ToArray(), $"cut to {length}");
            }

            for (var index = 0; index < original.Length; index++)
            {
                foreach (var value in new byte[] { 0, 1, 0x20, 0x7F, 0xFF, (byte)(original[index] + 1), (byte)(original[index] - 1) })
                {
                    var bytes = (byte[])original.Clone();
                    bytes[index] = value;
                    checks += Check(bytes, $"byte {index} = {value}");
                }
            }
        }

        Assert.True(checks > 300, checks.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AGuardOfSeveralEnumValues_ReadsTheDefaultCaseInPlace_ForAnyOfThem()
    {
        // Mode (u16 little-endian), Wide (bool), then the value.
        byte[] ping = { 1, 0, 1, 4, 3, 2, 1 };
        byte[] text = { 2, 0, 1, 4, 3, 2, 1 };
        byte[] tunnel = { 3, 0, 1, 4, 3, 2, 1 };

        Assert.Equal(new byte[] { 4, 3, 2, 1 }, Assert.IsType<GuardedRaw>(GuardedValue.ReadFrom(ping).Value).Bytes.ToArray());
        Assert.IsType<GuardedRaw>(GuardedValue.ReadFrom(text).Value);
        Assert.Equal(new GuardedWide(0x01020304), GuardedValue.ReadFrom(tunnel).Value);
        foreach (var bytes in new[] { ping, text, tunnel })
        {
            Assert.Equal(bytes, WireCodec.ToArray(GuardedValue.ReadFrom(bytes)));
        }

        var error = Assert.Throws<WireEncodeException>(() => WireCodec.ToArray(new GuardedValue(Carried.Ping, true, new GuardedWide(1))));
        Assert.Contains("but mode = Ping (1) calls for the default case of IGuardedValue, GuardedRaw", error.Message);
    }

    [Fact]
    public void TheLayout_SaysWhenTheDefaultCaseIsRead()
    {
        var (_, output, _) = Infrastructure.GeneratorRunner.Run(Infrastructure.GeneratorRunner.Compile(SnapshotTests.Sources("Switch")));
        var text = string.Concat(output.SyntaxTrees.Select(t => t.ToString()));

        Assert.Contains("payload (IFragmentPayload by protocol; the default case when more_fragments = true or unless fragment_offset = 0, length in total_length)", text);
        Assert.Contains("value (IGuardedValue by wide; the default case when mode = Ping or Text)", text);
    }

    // What the decoder accepts re-encodes to exactly the bytes it read; anything else is refused with its kind, never thrown.
    private static int Check(byte[] bytes, string where)
    {
        var reader = new WireReader(bytes);
        if (FragmentedPacket.TryReadFrom(ref reader, out var decoded) && !reader.HasFailed)
        {
            Assert.True(bytes.AsSpan(0, reader.Position).SequenceEqual(WireCodec.ToArray(decoded)), where);
        }
        else
        {
            Assert.True(reader.Fault is not null, where);
        }

        return 1;
    }

    private static FragmentDatagram Datagram(byte[] data) => new(5353, 53, 0, 0, data);

    private static FragmentedPacket Packet(IFragmentPayload payload, bool moreFragments = false, ushort offset = 0) =>
        new(0, false, false, moreFragments, offset, Transport.Datagram, From, To, payload);

    private static string Json<T>(T value)
        where T : IJsonWritable
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
