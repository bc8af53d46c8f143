using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ProtocolGen.Generator.Tests.Infrastructure;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary>
/// Lengths held by <c>[Bits]</c> members (IPv4's header length, TCP's data offset; see <c>LengthsSchema.cs</c>), on the
/// IPv4 datagrams and TCP segments of testdata/pcap/loopback.pcap.
/// </summary>
public sealed class BitLengthsTests
{
    private const int Ethernet = 14;
    private const byte Tcp = 6;

    private static readonly Ipv4Address Loopback = new(127, 0, 0, 1);

    private static readonly IReadOnlyList<byte[]> Frames = ReadCapture(Path.Combine(TestPaths.RepositoryRoot, "testdata", "pcap", "loopback.pcap"));

    // Frame 24: 127.0.0.1 → 127.0.0.1 with a record-route option (header length 8 words), carrying a TCP segment
    // [PSH, ACK] with a timestamp option (data offset 8 words) and 37 bytes of data.
    private static byte[] Datagram24 => Ipv4(24);

    /// <summary>The frames of the capture holding IPv4 (EtherType 0x0800): 20 TCP segments, 10 with IP options, and 5 UDP datagrams, 1 with.</summary>
    public static TheoryData<int> Ipv4Frames() => Numbers(n => Frames[n - 1][12] == 0x08 && Frames[n - 1][13] == 0x00);

    /// <summary>The TCP segments over IPv4 of the capture (frames 1 to 10 without IP options, 21 to 30 with).</summary>
    public static TheoryData<int> TcpOverIpv4Frames() => Numbers(n => Frames[n - 1][12] == 0x08 && Ipv4(n)[9] == Tcp);

    [Fact]
    public void ACapturedHeaderWithOptions_ReadsItsHeaderLengthFromItsFourBits()
    {
        var datagram = MeasuredIpv4Packet.ReadFrom(Datagram24);

        Assert.Equal((8, 101), (datagram.HeaderLength, datagram.TotalLength));
        Assert.Equal(Convert.FromHexString("070b087f0000010000000000"), datagram.Options); // record route, one hop, end of options
        Assert.Equal(69, datagram.Payload.Length); // the segment: 32 bytes of header, 37 of data
        Assert.Equal((true, false, 64, Tcp), (datagram.DontFragment, datagram.MoreFragments, datagram.TimeToLive, datagram.Protocol));
    }

    [Fact]
    public void ACapturedSegment_ReadsItsDataOffsetFromTheTopBitsOfItsFlagsGroup()
    {
        var segment = Segment(MeasuredIpv4Packet.ReadFrom(Datagram24).Payload);

        Assert.Equal(8, segment.DataOffset);
        Assert.Equal(Convert.FromHexString("0101080a9248a3f54269bbe1"), segment.Options); // two no-ops, a timestamp
        Assert.Equal("ping from the ProtocolGen pcap sample", Encoding.ASCII.GetString(segment.Payload));
        Assert.Equal((true, true, false, false), (segment.Push, segment.Ack, segment.Syn, segment.Fin));
        Assert.Equal((0, 0x40), (segment.Reserved, segment.Window));
    }

    [Theory]
    [MemberData(nameof(Ipv4Frames))]
    public void EveryCapturedDatagram_ReencodesToItsBytes_WithItsLengthsZeroed(int frame)
    {
        var bytes = Ipv4(frame);
        var datagram = MeasuredIpv4Packet.ReadFrom(bytes) with { HeaderLength = 0, TotalLength = 0, HeaderChecksum = 0 };

        Assert.Equal(bytes, Encode(datagram));
    }

    [Theory]
    [MemberData(nameof(TcpOverIpv4Frames))]
    public void EveryCapturedSegment_ReencodesToItsBytes_WithItsDataOffsetZeroed(int frame)
    {
        var bytes = MeasuredIpv4Packet.ReadFrom(Ipv4(frame)).Payload;
        var segment = Segment(bytes) with { DataOffset = 0, Checksum = 0 };

        var written = new byte[segment.WireSize];
        var writer = new WireWriter(written) { PseudoHeader = PseudoHeader(written.Length) };
        segment.WriteTo(ref writer);

        Assert.Equal(bytes, written);
    }

    [Fact]
    public void ThePatchedDataOffset_KeepsEveryOtherBitOfItsGroup()
    {
        var segment = new MeasuredTcpSegment(1, 2, 3, 4, 0, 7, true, true, true, true, true, true, true, true, true, 5, 0, 6, new byte[] { 1, 1, 1, 0 }, Array.Empty<byte>());

        var bytes = Encode(segment);

        // 6 words (24 bytes) in the top four bits, the three reserved bits and the nine flags all set below them.
        Assert.Equal(new byte[] { 0x6F, 0xFF }, bytes[12..14]);
        Assert.Equal(segment with { DataOffset = 6 }, MeasuredTcpSegment.ReadFrom(bytes));
        Assert.Equal(6, MeasuredTcpSegment.ReadFrom(bytes).DataOffset);
    }

    [Fact]
    public void ThePatchedHeaderLength_KeepsTheVersionInItsByte()
    {
        var bytes = Datagram24;
        var datagram = MeasuredIpv4Packet.ReadFrom(bytes) with { Options = new byte[40] };

        var written = Encode(datagram);

        Assert.Equal(0x4F, written[0]); // version 4, 15 words: the largest header there is
        Assert.Equal(15, MeasuredIpv4Packet.ReadFrom(written).HeaderLength);
    }

    [Theory]
    [InlineData(0, ProtocolErrorKind.LengthMismatch)]
    [InlineData(4, ProtocolErrorKind.LengthMismatch)]     // 16 bytes: less than the 20 before the options
    [InlineData(15, ProtocolErrorKind.LengthBeyondFrame)] // 60 bytes: past the 28 of frame 31's datagram (an empty UDP datagram)
    public void AHeaderLengthTooSmall_OrPastTheFrame_IsRefused_AtTheHeaderLengthsByte(byte words, ProtocolErrorKind kind)
    {
        var bytes = Ipv4(31);
        bytes[0] = (byte)(0x40 | words);

        var error = Assert.Throws<ProtocolException>(() => MeasuredIpv4Packet.ReadFrom(bytes)).Error;

        Assert.Equal((kind, 0), (error.Kind, error.BodyOffset));
        Assert.Equal(kind, Assert.Throws<ProtocolException>(() => MeasuredIpv4Packet.View.Create(bytes)).Error.Kind);
    }

    [Theory]
    [InlineData(4, ProtocolErrorKind.LengthMismatch)]     // 16 bytes: less than the 20 before the options
    [InlineData(15, ProtocolErrorKind.LengthBeyondFrame)] // 60 bytes: past the 32 of frame 23's segment
    public void ADataOffsetTooSmall_OrPastTheFrame_IsRefused_AtItsContainersOffset(byte words, ProtocolErrorKind kind)
    {
        var bytes = MeasuredIpv4Packet.ReadFrom(Ipv4(23)).Payload;
        bytes[12] = (byte)(words << 4 | bytes[12] & 0x0F);
        var reader = new WireReader(bytes) { PseudoHeader = PseudoHeader(bytes.Length) };

        Assert.False(MeasuredTcpSegment.TryReadFrom(ref reader, out _));

        Assert.Equal((kind, 12), (reader.Fault, reader.FaultOffset));
        Assert.True(MeasuredTcpSegment.View.Check(bytes, 0) < 0);
    }

    [Theory]
    [InlineData(44, "the field would be 16, more than its 15")]
    [InlineData(3, "23 is not a multiple of 4")]
    public void OptionsTheHeaderLengthCannotSay_AreAnEncodeError_NamingIt_BeforeAnyByte(int options, string reason)
    {
        var datagram = MeasuredIpv4Packet.ReadFrom(Datagram24) with { Options = new byte[options] };
        var destination = new byte[256];

        var error = Assert.Throws<WireEncodeException>(() => datagram.WriteTo(destination));

        Assert.Equal("header_length", error.Field);
        Assert.Contains("options", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.All(destination, b => Assert.Equal(0, b));
        Assert.Equal("header_length", Assert.Throws<WireEncodeException>(() => datagram.WireSize).Field);
    }

    [Fact]
    public void ACountInTheHighBitsOfALittleEndianGroup_IsOredInBesideTheLowBits()
    {
        var tags = new MeasuredTags(0xABC, 0, "ab", new ushort[] { 0x0102, 0x0304, 0x0506 });

        var bytes = Encode(tags);

        // 0xABC | 3 << 12 = 0x003ABC, least significant byte first; then the label and the three elements.
        Assert.Equal(new byte[] { 0xBC, 0x3A, 0x00, 2, 0x61, 0x62, 0x02, 0x01, 0x04, 0x03, 0x06, 0x05 }, bytes);
        Assert.Equal((0xABC, 3), (MeasuredTags.ReadFrom(bytes).Tag, MeasuredTags.ReadFrom(bytes).Count));
        Assert.Equal(3, MeasuredTags.View.Create(bytes).Count);
        Assert.Equal(new ProtocolGen.Layout.FieldLayout(1, 2, "count", "b12, count of values") { BitOffset = 4, BitSize = 12 }, MeasuredTags.WireLayout.Fields[1]);
    }

    [Fact]
    public void ACountWiderThanItsBits_IsAnEncodeError_NamingIt()
    {
        var tags = new MeasuredTags(1, 0, "x", new ushort[4096]);

        var error = Assert.Throws<WireEncodeException>(() => tags.WireSize);

        Assert.Equal("count", error.Field);
        Assert.Contains("values is 4096 elements", error.Message, StringComparison.Ordinal);
        Assert.Contains("the field would be 4096, more than its 4095", error.Message, StringComparison.Ordinal);
        Assert.Equal(4095, MeasuredTags.ReadFrom(Encode(tags with { Values = new ushort[4095] })).Count);
    }

    [Theory]
    [InlineData(4, 3)]   // 4 elements of 2 bytes in 6: past the frame
    [InlineData(0xFF, 3)]
    public void ACountPastTheFrame_IsLengthBeyondFrame_AtItsContainer_ARunBeforeItsArray(byte top, int elements)
    {
        var bytes = Encode(new MeasuredTags(0xABC, 0, "label", new ushort[elements]));
        bytes[1] = (byte)(top << 4 | bytes[1] & 0x0F);
        bytes[2] = (byte)(top >> 4);

        var error = Assert.Throws<ProtocolException>(() => MeasuredTags.ReadFrom(bytes)).Error;

        Assert.Equal((ProtocolErrorKind.LengthBeyondFrame, 0), (error.Kind, error.BodyOffset));
        Assert.True(MeasuredTags.View.Check(bytes, 0) < 0);
    }

    [Fact]
    public void TheViews_ReadTheLengthsFromTheirBits()
    {
        var bytes = Datagram24;
        var datagram = MeasuredIpv4Packet.View.Create(bytes);
        var payload = datagram.Payload.ToArray();
        var segment = MeasuredTcpSegment.View.Create(payload);

        Assert.Equal((8, 12, 69), (datagram.HeaderLength, datagram.Options.Length, payload.Length));
        Assert.Equal(bytes[20..32], datagram.Options.ToArray());
        Assert.Equal((8, true, true), (segment.DataOffset, segment.Push, segment.Ack));
        Assert.Equal(payload[20..32], segment.Options.ToArray());
        Assert.Equal(37, segment.Payload.Length);
    }

    [Fact]
    public void Equality_SkipsABitLength()
    {
        var datagram = MeasuredIpv4Packet.ReadFrom(Datagram24);
        var segment = Segment(datagram.Payload);

        Assert.Equal(datagram, datagram with { HeaderLength = 3 });
        Assert.Equal(segment, segment with { DataOffset = 1 });
        Assert.NotEqual(segment, segment with { Reserved = 1 });
    }

    [Fact]
    public void Json_WritesABitLengthAsRead_AndDoesNotNeedIt()
    {
        var bytes = Datagram24;
        var datagram = MeasuredIpv4Packet.ReadFrom(bytes);

        var json = ToJson(datagram);
        using var document = JsonDocument.Parse(json);
        var properties = document.RootElement.EnumerateObject().Where(p => p.Name is not ("header_length" or "total_length" or "header_checksum"));
        var without = "{" + string.Join(",", properties.Select(p => p.ToString())) + "}";
        var read = (MeasuredIpv4Packet)FromJson(without);

        Assert.Equal(8, document.RootElement.GetProperty("header_length").GetInt32());
        Assert.Equal(0, read.HeaderLength);
        Assert.Equal(bytes, Encode(read));
    }

    [Fact]
    public void TheLayout_SaysWhatABitLengthMeasures()
    {
        Assert.Equal(new ProtocolGen.Layout.FieldLayout(0, 1, "header_length", "b4, length of ..options ÷ 4") { BitOffset = 4, BitSize = 4 }, MeasuredIpv4Packet.WireLayout.Fields[1]);
        Assert.Equal(new ProtocolGen.Layout.FieldLayout(12, 1, "data_offset", "b4, length of ..options ÷ 4") { BitOffset = 0, BitSize = 4 }, MeasuredTcpSegment.WireLayout.Fields[4]);
        Assert.Equal("bytes, length in data_offset", MeasuredTcpSegment.WireLayout.Fields.Single(f => f.Name == "options").WireType);
    }

    private static TheoryData<int> Numbers(Func<int, bool> which)
    {
        var numbers = new TheoryData<int>();
        foreach (var n in Enumerable.Range(1, Frames.Count).Where(which))
        {
            numbers.Add(n);
        }

        return numbers;
    }

    private static byte[] Encode(Measured packet)
    {
        var bytes = new byte[packet.WireSize];
        var writer = new WireWriter(bytes);
        packet.WriteTo(ref writer);
        Assert.Equal(bytes.Length, writer.Position);
        return bytes;
    }

    private static MeasuredTcpSegment Segment(byte[] bytes)
    {
        var reader = new WireReader(bytes) { PseudoHeader = PseudoHeader(bytes.Length) };
        Assert.True(MeasuredTcpSegment.TryReadFrom(ref reader, out var segment), reader.Fault.ToString());
        Assert.Equal(0, reader.Remaining);
        return segment;
    }

    private static ulong PseudoHeader(int length) => Checksums.PseudoHeader(Loopback, Loopback, Tcp, length);

    private static byte[] Ipv4(int frame) => Frames[frame - 1][Ethernet..];

    // A classic little-endian pcap: a 24-byte file header, then per frame a 16-byte record header (its captured
    // length at 8) and the frame.
    private static List<byte[]> ReadCapture(string path)
    {
        var file = File.ReadAllBytes(path);
        var frames = new List<byte[]>();
        for (var at = 24; at < file.Length;)
        {
            var length = BitConverter.ToInt32(file, at + 8);
            frames.Add(file[(at + 16)..(at + 16 + length)]);
            at += 16 + length;
        }

        return frames;
    }

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
