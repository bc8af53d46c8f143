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

    private static readonly Lazy<byte[]> s_bytes = new(() => TestData.Read(Path.Combine("pcap", "loopback.pcap")));

    /// <summary>The whole file, its header included.</summary>
    public static byte[] Bytes => s_bytes.Value;

    /// <summary>
    /// For verification only: the capture's file header, then frames the capture lacks, each made from one of its
    /// frames through the sample's own writer: IPv4 fragments (more-fragments set; an offset), a frame the snap length
    /// cut, a UDP frame padded to Ethernet's 60 bytes (a trailer), an EtherType and an IP protocol the sample does
    /// not decode, an IPv6 packet with a trailer, a TCP SACK option and an IPv4 option of a type the sample does not name.
    /// </summary>
    public static byte[] FramesTheCaptureLacks()
    {
        var frames = PcapFile.Read(Bytes).Frames;
        var udp = frames[30]; // frame 31: UDP over IPv4, no payload, 42 bytes
        var ipv4 = (Ipv4Packet)udp.Network;
        var ipv6 = frames[34]; // frame 35: UDP over IPv6
        var ack = frames[4]; // frame 5: TCP over IPv4, options NOP, NOP, timestamps
        var records = new List<byte[]>
        {
            Encode(udp with { Network = ipv4 with { MoreFragments = true } }),
            Encode(frames[23] with { Network = (Ipv4Packet)frames[23].Network with { FragmentOffset = 185 } }),
            Encode(udp with { Trailer = new byte[60 - 42] }),
            Encode(udp with { Ethernet = udp.Ethernet with { Type = EtherType.Arp }, Network = new UnknownEtherPayload(ipv4.Payload), Transport = null }),
            Encode(udp with { Network = ipv4 with { Protocol = IpProtocol.Icmp }, Transport = new UnknownIpPayload(new byte[] { 8, 0, 0xF7, 0xFF, 0, 0, 0, 0 }) }), // an echo request
            Encode(ipv6 with { Trailer = new byte[] { 0xAA, 0xBB } }),
            // NOP, NOP, SACK of one block, then NOPs: room after it, so that a changed SACK length can still fit.
            Encode(ack with { Transport = (TcpSegment)ack.Transport! with { Options = new byte[] { 1, 1, 5, 10, 0, 0, 0, 1, 0, 0, 0, 9, 1, 1, 1, 1 } } }),
            Encode(udp with { Network = ipv4 with { Options = new byte[] { 148, 4, 0, 0 } } }), // router alert (RFC 2113)
        };

        // Frame 4 (a data segment) cut to 60 of its bytes, as a snap length of 60 would.
        var data = frames[3].Record.Data;
        var cut = new byte[RecordHeaderSize + 60];
        BinaryPrimitives.WriteUInt32LittleEndian(cut.AsSpan(8), 60);
        BinaryPrimitives.WriteUInt32LittleEndian(cut.AsSpan(12), (uint)data.Length);
        data.AsSpan(0, 60).CopyTo(cut.AsSpan(RecordHeaderSize));
        records.Add(cut);
        return Bytes.Take(FileHeaderSize).Concat(records.SelectMany(r => r)).ToArray();
    }

    private static byte[] Encode(PcapFrame frame) => WireCodec.ToArray(frame.ToRecord());
}
