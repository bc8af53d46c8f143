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
        var whole = Loopback.Frame(4);
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

    [Fact]
    public void AnIpv4Fragment_IsReadToItsIpHeader_ItsPayloadKeptAsBytes()
    {
        // Frame 33's datagram as the first fragment of a larger one: its UDP header and data, kept as bytes.
        var datagram = Loopback.Frame(33);
        var ethernet = Assert.IsType<EthernetFrame>(datagram.Ethernet);
        var ip = Assert.IsType<Ipv4Packet>(ethernet.Payload);
        var udpBytes = datagram.Record.Data.AsSpan(14 + 20).ToArray();
        var fragment = datagram with { Ethernet = ethernet with { Payload = ip with { MoreFragments = true, Payload = new UnknownIpPayload(udpBytes) } } };
        var bytes = FileOf(WireCodec.ToArray(fragment.ToRecord()));

        var read = Assert.Single(PcapFile.Read(bytes).Frames);

        var readIp = Assert.IsType<Ipv4Packet>(read.Network);
        Assert.True(readIp.MoreFragments);
        var kept = Assert.IsType<UnknownIpPayload>(read.Transport);
        Assert.Equal(udpBytes, kept.Bytes.ToArray());
        Assert.Equal(bytes, PcapFile.Read(bytes).ToArray());
    }

    [Fact]
    public void ChecksumsLeftToTheNetworkCard_AreRefused_UnlessVerificationIsOff()
    {
        // Frame 33's UDP checksum as a sender with checksum offload captures it: not yet filled in.
        var data = Loopback.Frame(33).Record.Data.ToArray();
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
        Loopback.Bytes.AsSpan(0, FileHeaderSize).ToArray().Concat(records.SelectMany(static r => r)).ToArray();

    // A record of frame 1's timestamp holding `data`, of a packet that was `originalLength` bytes on the wire.
    private static byte[] Record(ReadOnlySpan<byte> data, int originalLength)
    {
        var record = new byte[RecordHeaderSize + data.Length];
        Loopback.Bytes.AsSpan(FileHeaderSize, 8).CopyTo(record);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), (uint)originalLength);
        data.CopyTo(record.AsSpan(RecordHeaderSize));
        return record;
    }
}
