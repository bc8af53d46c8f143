using System;
using System.Buffers.Binary;
using System.Linq;
using ProtocolGen.Samples.Pcap;
using Xunit;

namespace ProtocolGen.Pcap.Tests;

/// <summary>
/// Valid captures whose frames the sample cannot dissect whole: a frame the snap length cut, an IPv4 fragment, and
/// outgoing traffic whose checksums the network card fills in after capture. Each is read as far as it can be,
/// the rest keeps its bytes, and the file re-encodes as it was.
/// </summary>
public sealed class PartialFramesTests
{
    private const int FileHeaderSize = 24;
    private const int RecordHeaderSize = 16;

    [Fact]
    public void AFrameTheSnapLengthCut_IsReadToItsEthernetHeader_AndKeepsTheRestOfItsBytes()
    {
        var whole = Capture.Loopback.Frame(4);
        var data = whole.Record.Data.ToArray();
        var bytes = FileOf(Record(data.AsSpan(0, 60), originalLength: data.Length));

        var frame = Assert.Single(PcapFile.Read(bytes).Frames);

        Assert.Equal(60u, frame.Record.IncludedLength);
        Assert.Equal((uint)data.Length, frame.Record.OriginalLength);
        var cut = Assert.IsType<CutEthernetFrame>(frame.Ethernet);
        Assert.Equal(whole.Ethernet.Type, cut.Type);
        Assert.Equal(data.AsSpan(14, 46).ToArray(), cut.Captured.ToArray());
        Assert.Null(frame.Network);
        Assert.Null(frame.Transport);
        Assert.Equal(bytes, PcapFile.Read(bytes).ToArray());
    }

    [Theory]
    [InlineData(true, 0)] // the first fragment: more follow
    [InlineData(false, 185)] // the last fragment, 1,480 bytes in
    [InlineData(true, 185)] // one in the middle
    public void AnIpv4Fragment_IsReadToItsIpHeader_ItsPayloadKeptAsBytes_WhateverItsProtocol(bool moreFragments, int fragmentOffset)
    {
        // Frame 33's datagram as a fragment of a larger one: its UDP header and data, kept as bytes.
        var datagram = Capture.Loopback.Frame(33);
        var ethernet = Assert.IsType<EthernetFrame>(datagram.Ethernet);
        var ip = Assert.IsType<Ipv4Packet>(ethernet.Payload);
        var udpBytes = datagram.Record.Data.AsSpan(14 + 20).ToArray();
        var fragment = ip with { MoreFragments = moreFragments, FragmentOffset = (ushort)fragmentOffset, Payload = new UnknownIpPayload(udpBytes) };
        var bytes = FileOf(WireCodec.ToArray((datagram with { Ethernet = ethernet with { Payload = fragment } }).ToRecord()));

        var read = Assert.Single(PcapFile.Read(bytes).Frames);

        var readIp = Assert.IsType<Ipv4Packet>(read.Network);
        Assert.Equal((IpProtocol.Udp, moreFragments, fragmentOffset), (readIp.Protocol, readIp.MoreFragments, (int)readIp.FragmentOffset));
        var kept = Assert.IsType<UnknownIpPayload>(read.Transport);
        Assert.Equal(udpBytes, kept.Bytes.ToArray());
        Assert.Equal(bytes, PcapFile.Read(bytes).ToArray());
    }

    [Fact]
    public void AFragmentHoldingADatagram_IsRefusedAtEncode_ForItsBytesWouldDecodeAsAFragment()
    {
        var datagram = Capture.Loopback.Frame(33);
        var ethernet = (EthernetFrame)datagram.Ethernet;
        var fragment = datagram with { Ethernet = ethernet with { Payload = (Ipv4Packet)ethernet.Payload with { MoreFragments = true } } };

        var error = Assert.Throws<WireEncodeException>(() => fragment.ToRecord());

        Assert.Contains("payload", error.Message);
        Assert.Contains(nameof(UnknownIpPayload), error.Message);
    }

    [Fact]
    public void AWholePacketHoldingBytes_IsRefusedAtEncode_WhenItsProtocolHasARecord()
    {
        var datagram = Capture.Loopback.Frame(33);
        var ethernet = (EthernetFrame)datagram.Ethernet;
        var bytesOnly = (Ipv4Packet)ethernet.Payload with { Payload = new UnknownIpPayload(new byte[8]) };

        var error = Assert.Throws<WireEncodeException>(() => (datagram with { Ethernet = ethernet with { Payload = bytesOnly } }).ToRecord());

        Assert.Contains("protocol = Udp (17)", error.Message);
    }

    [Fact]
    public void ChecksumsLeftToTheNetworkCard_AreRefused_UnlessVerificationIsOff()
    {
        // Frame 33's UDP checksum as a sender with checksum offload captures it: not yet filled in.
        var data = Capture.Loopback.Frame(33).Record.Data.ToArray();
        var udp = 14 + 20;
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(udp + 6), 0x1234);
        var bytes = FileOf(Record(data, data.Length));

        var error = Assert.Throws<PcapFormatException>(() => PcapFile.Read(bytes)).Error;
        Assert.Equal(("udp", ProtocolGen.ProtocolErrorKind.ChecksumMismatch), (error.Layer, error.Kind));

        var frame = Assert.Single(PcapFile.Read(bytes, verifyChecksums: false).Frames);
        Assert.Equal(0x1234, Assert.IsType<UdpDatagram>(frame.Transport).Checksum);
    }

    // loopback.pcap's file header, then the given records.
    private static byte[] FileOf(params byte[][] records) =>
        Capture.Loopback.Bytes.AsSpan(0, FileHeaderSize).ToArray().Concat(records.SelectMany(static r => r)).ToArray();

    // A record of frame 1's timestamp holding `data`, of a packet that was `originalLength` bytes on the wire.
    private static byte[] Record(ReadOnlySpan<byte> data, int originalLength)
    {
        var record = new byte[RecordHeaderSize + data.Length];
        Capture.Loopback.Bytes.AsSpan(FileHeaderSize, 8).CopyTo(record);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), (uint)originalLength);
        data.CopyTo(record.AsSpan(RecordHeaderSize));
        return record;
    }
}
