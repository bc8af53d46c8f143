using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;
using System.Text.Json;
using ProtocolGen.Framing;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary><c>[Checksum]</c> fields, generated, compiled and run (see <c>ChecksumsSchema.cs</c>).</summary>
public sealed class ChecksumsTests
{
    private const int Header = 5;

    // The first IPv4 header of testdata/pcap/loopback.pcap (frame 1, a TCP SYN); tshark: ip.checksum 0x5bdd, status good.
    private static readonly byte[] CapturedIpv4 = Convert.FromHexString("4500003ce0dc400040065bdd7f0000017f000001");

    // A PNG IHDR chunk of a 1x1 RGBA image, as every PNG encoder writes it: length 13, "IHDR", data, CRC-32 0x1f15c489.
    private static readonly byte[] PngIhdr = Convert.FromHexString("0000000d49484452000000010000000108060000001f15c489");

    public static TheoryData<Checked> Packets() => new()
    {
        CheckedIpv4Header.ReadFrom(CapturedIpv4),
        new PngHeaderChunk(13, "IHDR"u8.ToArray(), 640, 480, 8, 2, 0, 0, 0, 0),
        new Reading(7, -12345, 0),
        new Datagram(53, 1, "hello"u8.ToArray(), 9),
        new Datagram(53, 0, "hello"u8.ToArray(), 9),
        new Datagram(1, 1, new byte[] { 1, 2, 3 }, 0),
        new Batch(1, new[] { new ChecksummedSample(1, "one", 0), new ChecksummedSample(2, "three", 0) }, 0),
        new Batch(2, Array.Empty<ChecksummedSample>(), 0),
        new Enclosure(0, 0, "123456789"u8.ToArray()),
        new Framed(0, new ChecksummedSample(3, "three", 0), 0, "data"u8.ToArray()),
        new Framed(0, new ChecksummedSample(0, "", 0), 0, Array.Empty<byte>()),
    };

    [Fact]
    public void AFramedRecord_MeasuresItsTotalAndItsChecksumFromItsStart()
    {
        var frame = Checked.EncodeFrame(new Framed(0, new ChecksummedSample(3, "three", 0), 0, "data"u8.ToArray()));
        var body = frame.AsSpan(Header);

        // Sum (2), Inner (2 + 1 + 5 + 4), Total (2), Data (4): the total counts from the record's first byte.
        Assert.Equal(20, body.Length);
        Assert.Equal(20, BinaryPrimitives.ReadUInt16BigEndian(body.Slice(14)));
        Assert.Equal(0, Checksums.Internet(body));

        var decoded = Assert.IsType<Framed>(Checked.DecodeFrame(frame));
        Assert.Equal(20, decoded.Total);
        Assert.Equal("data"u8.ToArray(), decoded.Data);
    }

    [Theory]
    [MemberData(nameof(Packets))]
    public void Checksummed_RoundTripsThroughItsFrame_ItsJson_AndItsView(Checked packet)
    {
        var frame = Checked.EncodeFrame(packet);
        var decoded = Checked.DecodeFrame(frame);

        Assert.Equal(packet, decoded);
        Assert.Equal(frame, Checked.EncodeFrame(decoded));
        Assert.Equal(decoded, FromJson(ToJson(decoded)));
        Assert.Equal(frame, Checked.EncodeFrame(FromJson(ToJson(decoded))));
    }

    [Fact]
    public void ACapturedIpv4Header_Verifies_AndReencodesToItsBytes()
    {
        var header = CheckedIpv4Header.ReadFrom(CapturedIpv4);

        Assert.Equal(0x5bdd, header.HeaderChecksum);
        Assert.Equal(CapturedIpv4, Body(header));
        Assert.Equal(0x5bdd, CheckedIpv4Header.View.Create(CapturedIpv4).HeaderChecksum);
    }

    [Fact]
    public void Encode_FillsInTheChecksum_WhateverTheRecordHolds()
    {
        var header = CheckedIpv4Header.ReadFrom(CapturedIpv4) with { HeaderChecksum = 0 };

        Assert.Equal(CapturedIpv4, Body(header));
        Assert.Equal(CapturedIpv4, Body(header with { HeaderChecksum = 0x1234 }));
    }

    [Fact]
    public void AWithEdit_ReencodesWithACorrectChecksum()
    {
        var edited = CheckedIpv4Header.ReadFrom(CapturedIpv4) with { TimeToLive = 1 };
        var body = Body(edited);

        // RFC 1071 (3): the header summed with its checksum gives 0; the TTL is one byte of a word, so the checksum moves.
        Assert.Equal(0, Checksums.Internet(body));
        Assert.NotEqual(0x5bdd, BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(10)));
        Assert.Equal(1, CheckedIpv4Header.ReadFrom(body).TimeToLive);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(19)]
    public void AChangedByte_IsChecksumMismatch_AtTheChecksumsOffset(int index)
    {
        var bytes = (byte[])CapturedIpv4.Clone();
        bytes[index] ^= 0x01;

        var error = Assert.Throws<ProtocolException>(() => CheckedIpv4Header.ReadFrom(bytes)).Error;

        Assert.Equal(ProtocolErrorKind.ChecksumMismatch, error.Kind);
        Assert.Equal(10, error.BodyOffset);
        Assert.Equal(ProtocolErrorKind.ChecksumMismatch, Assert.Throws<ProtocolException>(() => CheckedIpv4Header.View.Create(bytes)).Error.Kind);
        Assert.Equal("checksum-mismatch", ProtocolErrorKinds.ToWireName(error.Kind));
    }

    [Fact]
    public void AFrameWithABadChecksum_IsRefused_AtTheChecksumInTheBody()
    {
        var frame = Checked.EncodeFrame(CheckedIpv4Header.ReadFrom(CapturedIpv4));
        frame[Header + 8] ^= 0x01;

        var error = Assert.Throws<ProtocolException>(() => Checked.DecodeFrame(frame)).Error;

        Assert.Equal(ProtocolErrorKind.ChecksumMismatch, error.Kind);
        Assert.Equal(10, error.BodyOffset);
        Assert.Contains("checksum at body offset 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithVerificationOff_ABadChecksumDecodes_AndReencodesCorrected()
    {
        var frame = Checked.EncodeFrame(CheckedIpv4Header.ReadFrom(CapturedIpv4));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(Header + 10), 0xBEEF);
        var options = new FrameDecoderOptions { VerifyChecksums = false };

        var enumerator = Checked.DecodeFrames(frame, options);
        Assert.True(enumerator.MoveNext());
        var header = Assert.IsType<CheckedIpv4Header>(enumerator.Current.Packet);

        Assert.Equal(0xBEEF, header.HeaderChecksum);
        Assert.Equal(CapturedIpv4, Body(header));
        Assert.Equal(header, FrameDecoder.DecodeSingle<Checked>(frame, options));
        Assert.True(new FrameDecoderOptions().VerifyChecksums);
        Assert.True(default(FrameDecoderOptions).VerifyChecksums);
    }

    [Fact]
    public void AReaderThatDoesNotVerify_ReadsABadChecksumAsItIs()
    {
        var bytes = (byte[])CapturedIpv4.Clone();
        bytes[11] ^= 0xFF;
        var reader = new WireReader(bytes, verifyChecksums: false);

        Assert.False(reader.VerifiesChecksums);
        Assert.True(CheckedIpv4Header.TryReadFrom(ref reader, out var header));
        Assert.Equal(0x5b22, header.HeaderChecksum);
        Assert.True(new WireReader(bytes).VerifiesChecksums);
    }

    [Fact]
    public void APngHeaderChunk_HasItsCrcAfterTheBytesItCovers()
    {
        var chunk = PngHeaderChunk.ReadFrom(PngIhdr);

        Assert.Equal(0x1f15c489u, chunk.Crc);
        Assert.Equal((1u, 1u, (byte)6), (chunk.Width, chunk.Height, chunk.ColorType));
        Assert.Equal(PngIhdr, Body(chunk with { Crc = 0 }));
        Assert.Equal(Checksums.Crc32(PngIhdr.AsSpan(4, 17)), chunk.Crc);
    }

    [Theory]
    [InlineData(3, 21)]
    [InlineData(4, 21)]
    [InlineData(20, 21)]
    [InlineData(24, 21)]
    public void APngChunkWithAChangedByte_IsChecksumMismatch_AtTheCrc(int index, int offset)
    {
        var bytes = (byte[])PngIhdr.Clone();
        bytes[index] ^= 0x10;

        var error = Assert.Throws<ProtocolException>(() => PngHeaderChunk.ReadFrom(bytes)).Error;

        // The length (bytes 0-3) is outside the CRC's range: changing it is the [Fixed] field's mismatch instead.
        Assert.Equal(index < 4 ? ProtocolErrorKind.FixedValueMismatch : ProtocolErrorKind.ChecksumMismatch, error.Kind);
        Assert.Equal(index < 4 ? 0 : offset, error.BodyOffset);
    }

    [Fact]
    public void ACustomChecksum_IsTheUsersFletcher16_OfTheFieldsBeforeIt()
    {
        Assert.Equal(0xC8F0ul, Checksums.Compute<Fletcher16>("abcde"u8));
        var body = Body(new Reading(0x6261, 0x66656463, 0));

        // "abcdef" as the sensor and value, little-endian: Fletcher-16 0x2057.
        Assert.Equal("abcdef"u8.ToArray(), body[..6]);
        Assert.Equal(0x2057, BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(6)));

        body[1] ^= 1;
        var error = Assert.Throws<ProtocolException>(() => Reading.ReadFrom(body)).Error;
        Assert.Equal((ProtocolErrorKind.ChecksumMismatch, 6), (error.Kind, error.BodyOffset));
    }

    [Fact]
    public void AVariableLengthPayload_IsInsideTheRange()
    {
        var body = Body(new Datagram(53, 1, "hello"u8.ToArray(), 9));

        Assert.Equal(0, Checksums.Internet(body));
        body[7] ^= 0x20;
        var error = Assert.Throws<ProtocolException>(() => Datagram.ReadFrom(body)).Error;
        Assert.Equal((ProtocolErrorKind.ChecksumMismatch, 2), (error.Kind, error.BodyOffset));
        Assert.Throws<ProtocolException>(() => Datagram.View.Create(body));
    }

    [Fact]
    public void ZeroMeansNone_AStoredZeroIsWrittenAsZero_AndAReceivedZeroIsNotVerified()
    {
        var body = Body(new Datagram(53, 0, "hello"u8.ToArray(), 9));

        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(2)));
        body[7] ^= 0x20;
        Assert.Equal(0, Datagram.ReadFrom(body).Checksum);
        Assert.Equal(0, Datagram.View.Create(body).Checksum);
    }

    [Fact]
    public void ZeroMeansNone_AComputedZero_GoesOutAsFfff()
    {
        // Port 0xFFFF and nothing else: the sum with the checksum zeroed is 0xFFFF, so the checksum computes to 0.
        var body = Body(new Datagram(0xFFFF, 1, Array.Empty<byte>(), 0));

        Assert.Equal(0xFFFF, BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(2)));
        Assert.Equal(0xFFFF, Datagram.ReadFrom(body).Checksum);
    }

    [Fact]
    public void NestedChecksums_TheInnerIsPatchedBeforeTheOuterSumsIt()
    {
        var batch = new Batch(7, new[] { new ChecksummedSample(1, "a", 0), new ChecksummedSample(2, "bc", 0) }, 0);
        var body = Body(batch);

        // The samples' CRCs are filled in, and the batch's Internet checksum covers them (its field at an odd offset).
        var decoded = Batch.ReadFrom(body);
        Assert.Equal(Checksums.Crc32(new byte[] { 1, 0, 1, (byte)'a' }), decoded.Samples[0].Crc);
        Assert.Equal(0, Checksums.Internet(body));
        Assert.Equal(1, body.Length % 2);

        // A byte of the tag fails the batch's checksum; a byte of a sample's CRC fails the sample's first, where it is.
        var tag = (byte[])body.Clone();
        tag[0] ^= 0x01;
        var error = Assert.Throws<ProtocolException>(() => Batch.ReadFrom(tag)).Error;
        Assert.Equal((ProtocolErrorKind.ChecksumMismatch, body.Length - 2), (error.Kind, error.BodyOffset));
        Assert.Equal(ProtocolErrorKind.ChecksumMismatch, Assert.Throws<ProtocolException>(() => Batch.View.Create(tag)).Error.Kind);

        body[^3] ^= 0x01;
        error = Assert.Throws<ProtocolException>(() => Batch.ReadFrom(body)).Error;
        Assert.Equal((ProtocolErrorKind.ChecksumMismatch, body.Length - 6), (error.Kind, error.BodyOffset));
        Assert.Equal(ProtocolErrorKind.ChecksumMismatch, Assert.Throws<ProtocolException>(() => Batch.View.Create(body)).Error.Kind);
    }

    [Fact]
    public void ChecksumsBeforeTheirRange_AreComparedWithWhatTheBytesGive_InTheirWireOrder()
    {
        var body = Body(new Enclosure(0, 0, "123456789"u8.ToArray()));

        // The data's bytes are its length prefix (byte 6) and the text: the CRC of them little-endian, the Internet checksum big-endian.
        var crc = Checksums.Crc32(body.AsSpan(6));
        Assert.Equal(crc, BinaryPrimitives.ReadUInt32LittleEndian(body));
        Assert.Equal(Checksums.Internet(body.AsSpan(6)), BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(4)));
        Assert.Equal(crc, Enclosure.ReadFrom(body).Crc);
        Assert.Equal(crc, Enclosure.View.Create(body).Crc);

        var sum = (byte[])body.Clone();
        sum[5] ^= 0x01;
        var error = Assert.Throws<ProtocolException>(() => Enclosure.ReadFrom(sum)).Error;
        Assert.Equal((ProtocolErrorKind.ChecksumMismatch, 4), (error.Kind, error.BodyOffset));
        Assert.Throws<ProtocolException>(() => Enclosure.View.Create(sum));

        // A byte of the data fails the first checksum verified: both are verified after the data, the CRC first.
        body[^1] ^= 0x01;
        error = Assert.Throws<ProtocolException>(() => Enclosure.ReadFrom(body)).Error;
        Assert.Equal((ProtocolErrorKind.ChecksumMismatch, 0), (error.Kind, error.BodyOffset));
    }

    [Fact]
    public void TheOtherOnesComplementZero_IsAccepted_AndReencodesAsTheComputedOne()
    {
        // The header's words sum to 0xFFFF, so its checksum computes to 0x0000; 0xFFFF is the same sum's other zero
        // (RFC 1624 §3), which RFC 1071 (3) and Wireshark accept.
        var computed = Body(new CheckedIpv4Header(0xFF, 0xFF, 0, 0, 0, 0, 0, 0, default, default));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(computed.AsSpan(10)));
        var received = (byte[])computed.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(received.AsSpan(10), 0xFFFF);

        var header = CheckedIpv4Header.ReadFrom(received);

        Assert.Equal(0xFFFF, header.HeaderChecksum);
        Assert.Equal(computed, Body(header));
    }

    [Fact]
    public void Equality_SkipsTheChecksum_WhichEncodingDerives()
    {
        var header = CheckedIpv4Header.ReadFrom(CapturedIpv4);
        var other = header with { HeaderChecksum = 0 };

        Assert.Equal(header, other);
        Assert.Equal(header.GetHashCode(), other.GetHashCode());
        Assert.NotEqual(header, header with { TimeToLive = 1 });
        Assert.Equal(new Datagram(1, 0, new byte[] { 1 }, 2), new Datagram(1, 5, new byte[] { 1 }, 2));
    }

    [Fact]
    public void Json_WritesTheChecksumAsRead_AndMayLeaveItOut()
    {
        var header = CheckedIpv4Header.ReadFrom(CapturedIpv4);

        Assert.Contains("\"header_checksum\":23517", ToJson(header), StringComparison.Ordinal);
        var withoutIt = ToJson(header).Replace(",\"header_checksum\":23517", string.Empty, StringComparison.Ordinal);
        var read = Assert.IsType<CheckedIpv4Header>(FromJson(withoutIt));
        Assert.Equal(0, read.HeaderChecksum);
        Assert.Equal(CapturedIpv4, Body(read));
    }

    [Fact]
    public void TheLayout_SaysWhatTheChecksumCovers()
    {
        var row = CheckedIpv4Header.WireLayout.Fields[7];

        Assert.Equal(("header_checksum", 10, 2), (row.Name, row.Offset, row.Size));
        Assert.Equal("u16be, internet of ..destination", row.WireType);
        Assert.Equal("u32be, crc32 of chunk_type..interlace", PngHeaderChunk.WireLayout.Fields[^1].WireType);
        Assert.Equal("u16be, internet of ..trailer, 0 = none", Datagram.WireLayout.Fields[1].WireType);
    }

    private static byte[] Body(Checked packet) => Checked.EncodeFrame(packet)[Header..];

    private static string ToJson(Checked packet)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Checked.WriteJson(writer, packet);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Checked FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Checked.ReadJson(document.RootElement);
    }
}
