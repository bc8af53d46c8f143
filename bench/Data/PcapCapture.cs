extern alias PcapSample;

using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PcapSample::ProtocolGen.Samples.Pcap;

namespace ProtocolGen.Benchmarks.Data;

/// <summary>
/// The pcap rows' capture, testdata/pcap/loopback.pcap: 37 Ethernet frames of loopback traffic (TCP over IPv4, IPv6
/// and IPv4 with a record-route option, each with MSS, SACK-permitted, timestamp and window-scale options; UDP over
/// IPv4, IPv6 and IPv4 with a timestamp option), every checksum real. It holds no fragment, snap-cut frame or
/// trailer, so verification adds a file of those (<see cref="FramesTheCaptureLacks"/>).
/// </summary>
public static class PcapCapture
{
    /// <summary>Frames in <see cref="Bytes"/>.</summary>
    public const int Frames = 37;

    /// <summary>The pcap file header before the first record.</summary>
    public const int FileHeaderSize = 24;

    private const int RecordHeaderSize = 16;
    private const int EthernetHeaderSize = 14;

    private static readonly Lazy<byte[]> s_bytes = new(() => TestData.Read(Path.Combine("pcap", "loopback.pcap")));

    /// <summary>The whole file, its header included.</summary>
    public static byte[] Bytes => s_bytes.Value;

    /// <summary>
    /// For verification only: the capture's file header, then frames the capture lacks, each made from one of its
    /// frames with <c>with</c> on its nested layers and written by the sample's own writer: IPv4 fragments
    /// (more-fragments set; an offset), each holding its transport bytes as an <see cref="UnknownIpPayload"/>, a frame
    /// the snap length cut, a UDP frame padded to Ethernet's 60 bytes (a trailer), an EtherType and an IP protocol the
    /// sample does not decode, an IPv6 packet with a trailer, a TCP SACK option and an IPv4 option of a type the sample
    /// does not name.
    /// </summary>
    public static byte[] FramesTheCaptureLacks()
    {
        var frames = PcapFile.Read(Bytes).Frames;
        var udp = frames[30]; // frame 31: UDP over IPv4, no payload, 42 bytes
        var ipv4 = (Ipv4Packet)udp.Network!;
        var data = frames[23]; // frame 24: TCP over IPv4, with data
        var ipv6 = frames[34]; // frame 35: UDP over IPv6
        var ack = frames[4]; // frame 5: TCP over IPv4, options NOP, NOP, timestamps
        var ackIp = (Ipv4Packet)ack.Network!;
        var records = new List<byte[]>
        {
            Encode(WithNetwork(udp, ipv4 with { MoreFragments = true, Payload = new UnknownIpPayload(TransportBytes(udp)) })),
            Encode(WithNetwork(data, (Ipv4Packet)data.Network! with { FragmentOffset = 185, Payload = new UnknownIpPayload(TransportBytes(data)) })),
            Encode(udp with { Ethernet = Ethernet(udp) with { Trailer = new byte[60 - 42] } }),
            // The IP packet's 28 bytes (an ARP packet's size): as many as the record's original length says, or it reads as cut.
            Encode(udp with { Ethernet = Ethernet(udp) with { Type = EtherType.Arp, Payload = new UnknownEtherPayload(udp.Record.Data.AsMemory(EthernetHeaderSize)) } }),
            Encode(WithNetwork(udp, ipv4 with { Protocol = IpProtocol.Icmp, Payload = new UnknownIpPayload(new byte[] { 8, 0, 0xF7, 0xFF, 0, 0, 0, 0 }) })), // an echo request
            Encode(ipv6 with { Ethernet = Ethernet(ipv6) with { Trailer = new byte[] { 0xAA, 0xBB } } }),
            // NOP, NOP, SACK of one block, then NOPs: room after it, so that a changed SACK length can still fit.
            Encode(WithNetwork(ack, ackIp with { Payload = (TcpSegment)ackIp.Payload with { Options = new byte[] { 1, 1, 5, 10, 0, 0, 0, 1, 0, 0, 0, 9, 1, 1, 1, 1 } } })),
            Encode(WithNetwork(udp, ipv4 with { Options = new byte[] { 148, 4, 0, 0 } })), // router alert (RFC 2113)
        };

        // Frame 4 (a data segment) cut to 60 of its bytes, as a snap length of 60 would.
        var whole = frames[3].Record.Data;
        var cut = new byte[RecordHeaderSize + 60];
        BinaryPrimitives.WriteUInt32LittleEndian(cut.AsSpan(8), 60);
        BinaryPrimitives.WriteUInt32LittleEndian(cut.AsSpan(12), (uint)whole.Length);
        whole.AsSpan(0, 60).CopyTo(cut.AsSpan(RecordHeaderSize));
        records.Add(cut);
        return Bytes.Take(FileHeaderSize).Concat(records.SelectMany(r => r)).ToArray();
    }

    private static EthernetFrame Ethernet(PcapFrame frame) => (EthernetFrame)frame.Ethernet;

    private static PcapFrame WithNetwork(PcapFrame frame, IEtherPayload network) => frame with { Ethernet = Ethernet(frame) with { Payload = network } };

    // The captured bytes after an IPv4 frame's IP header, through its total length: what a fragment of it would hold.
    private static byte[] TransportBytes(PcapFrame frame)
    {
        var ip = (Ipv4Packet)frame.Network!;
        return frame.Record.Data.AsSpan(EthernetHeaderSize + ip.HeaderLength * 4, ip.TotalLength - ip.HeaderLength * 4).ToArray();
    }

    private static byte[] Encode(PcapFrame frame) => WireCodec.ToArray(frame.ToRecord());
}
