using System;
using System.Buffers.Binary;
using ProtocolGen.Samples.Pcap;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Pcap.Tests;

/// <summary>
/// loopback.pcap with bytes changed: each change is refused by the layer it breaks, with the typed error at the byte
/// of the file that layer's reader blames (a checksum at its field, a constant at its byte, a length at its field).
/// </summary>
public sealed class MalformedPcapTests
{
    private const int RecordHeaderSize = 16;
    private const int EthernetHeaderSize = 14;
    private const int Ipv4HeaderSize = 20;
    private const int Ipv6HeaderSize = 40;

    [Fact]
    public void AChangedIpv4HeaderByte_IsTheIpChecksumMismatch_AtTheHeaderChecksum()
    {
        var ip = IpStart(1);
        var bytes = Changed(ip + 8); // the time to live

        var error = Refused(bytes);

        Assert.Equal(new PcapError(ProtocolErrorKind.ChecksumMismatch, 1, "ip", ip + 10), error);
    }

    [Theory]
    [InlineData(33, Ipv4HeaderSize)]
    [InlineData(35, Ipv6HeaderSize)]
    public void AChangedUdpPayloadByte_IsTheUdpChecksumMismatch_OverIpv4AndIpv6(int number, int ipHeaderSize)
    {
        var udp = IpStart(number) + ipHeaderSize;
        var bytes = Changed(udp + 8 + 3);

        var error = Refused(bytes);

        Assert.Equal(new PcapError(ProtocolErrorKind.ChecksumMismatch, number, "udp", udp + 6), error);
    }

    [Theory]
    [InlineData(4, Ipv4HeaderSize)]
    [InlineData(14, Ipv6HeaderSize)]
    public void AChangedTcpDataByte_IsTheTcpChecksumMismatch_OverIpv4AndIpv6(int number, int ipHeaderSize)
    {
        var tcp = IpStart(number) + ipHeaderSize;
        var bytes = Changed(Capture.Loopback.RecordOffset(number + 1) - 1); // the segment's last data byte

        var error = Refused(bytes);

        Assert.Equal(new PcapError(ProtocolErrorKind.ChecksumMismatch, number, "tcp", tcp + 16), error);
    }

    [Fact]
    public void AnotherIpVersion_IsAFixedValueMismatch_AtTheVersion_BeforeTheChecksumIsChecked()
    {
        var ip = IpStart(1);
        var bytes = Changed(ip, 0x55 ^ 0x45); // version 5, header length still 5

        var error = Refused(bytes);

        Assert.Equal(new PcapError(ProtocolErrorKind.FixedValueMismatch, 1, "ip", ip), error);
    }

    [Fact]
    public void AnIpv4HeaderLengthBelowFiveWords_IsRefusedInTheIpLayer()
    {
        var ip = IpStart(1);
        var bytes = Changed(ip, 0x45 ^ 0x40); // version 4, header length 0

        var error = Refused(bytes);

        Assert.Equal("ip", error.Layer);
    }

    [Fact]
    public void AnOptionRunningPastTheHeader_IsRefused_AtItsLength_EvenWithACorrectHeaderChecksum()
    {
        var ip = IpStart(21);
        var bytes = Changed(ip + Ipv4HeaderSize + 1, 11 ^ 13); // record route's length: 13 bytes, in 12 of options
        FixIpv4Checksum(bytes, ip);

        var error = Refused(bytes);

        Assert.Equal(new PcapError(ProtocolErrorKind.LengthBeyondFrame, 21, "ip", ip + Ipv4HeaderSize + 1), error);
    }

    [Fact]
    public void AUdpChecksumOfZeroOverIpv4_MeansNone_SoTheDatagramDecodes_AndReencodesWithoutOne()
    {
        var udp = IpStart(33) + Ipv4HeaderSize;
        var bytes = (byte[])Capture.Loopback.Bytes.Clone();
        bytes[udp + 6] = bytes[udp + 7] = 0;

        var file = PcapFile.Read(bytes);

        Assert.Equal(0, ((UdpDatagram)file.Frames[32].Transport!).Checksum);
        Assert.Equal(bytes, file.ToArray());
    }

    [Fact]
    public void OtherMagic_IsAFixedValueMismatch_AtTheFilesFirstByte()
    {
        var bytes = Changed(0, 0xFF); // 0xa1b2c3d4 as big-endian bytes would be refused the same way

        Assert.Equal(new PcapError(ProtocolErrorKind.FixedValueMismatch, 0, "pcap", 0), Refused(bytes));
    }

    [Fact]
    public void ALinkTypeOtherThanEthernet_IsAnInvalidValue_AtTheLinkType()
    {
        var bytes = Changed(20, 1 ^ 101); // LINKTYPE_RAW

        Assert.Equal(new PcapError(ProtocolErrorKind.InvalidValue, 0, "pcap", 20), Refused(bytes));
    }

    [Fact]
    public void AFileCutInsideItsLastRecord_IsRefusedAtThatRecordsLength()
    {
        var last = Capture.Loopback.RecordOffset(Capture.Loopback.FrameCount);
        var bytes = Capture.Loopback.Bytes.AsSpan(0, Capture.Loopback.Bytes.Length - 1).ToArray();

        Assert.Equal(new PcapError(ProtocolErrorKind.LengthBeyondFrame, Capture.Loopback.FrameCount, "pcap", last + 8), Refused(bytes));
    }

    [Fact]
    public void AnErrorsMessage_NamesTheFrameTheLayerTheKindAndTheFileOffset()
    {
        var error = new PcapError(ProtocolErrorKind.ChecksumMismatch, 33, "udp", 2345);

        Assert.Equal("frame 33 (udp): checksum-mismatch at file offset 2345", error.Message);
        Assert.Equal("file header (pcap): fixed-value-mismatch at file offset 0", new PcapError(ProtocolErrorKind.FixedValueMismatch, 0, "pcap", 0).Message);
    }

    // Where frame number's IP header starts in the file.
    private static int IpStart(int number) => Capture.Loopback.RecordOffset(number) + RecordHeaderSize + EthernetHeaderSize;

    private static byte[] Changed(int offset, int xor = 0x01)
    {
        var bytes = (byte[])Capture.Loopback.Bytes.Clone();
        bytes[offset] ^= (byte)xor;
        return bytes;
    }

    private static void FixIpv4Checksum(byte[] bytes, int ip)
    {
        var header = bytes.AsSpan(ip, (bytes[ip] & 0x0F) * 4);
        header[10] = header[11] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], Checksums.Internet(header));
    }

    private static PcapError Refused(byte[] bytes) => Assert.Throws<PcapFormatException>(() => PcapFile.Read(bytes)).Error;
}
