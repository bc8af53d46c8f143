extern alias PcapSample;

using System;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using PcapSample::ProtocolGen.Samples.Pcap;
using ProtocolGen.Wire;

namespace ProtocolGen.Benchmarks.Baselines;

/// <summary>
/// Baseline (a) of the "encode pcap" row: a <see cref="PcapFrame"/>'s pcap record written by hand, straight into the
/// destination span, as <see cref="PcapFrame.ToRecord"/> then <c>PcapRecord.WriteTo(span)</c> write it: the record
/// header, then the nested layers, each inside the one before: the Ethernet header, the IP header and options, the
/// transport header, options and data, the trailer (or a cut frame's captured bytes after its header).
/// Sizes (and the checks the generated writers make: bit fields that fit, header lengths in 4-byte words that fit
/// their fields, a payload of the record its EtherType or protocol picks, the bytes in an IPv4 fragment) come first, then every byte is written once; lengths are the sizes, checksums
/// <see cref="Checksums.Internet"/> over the written bytes (TCP and UDP with the pseudo-header of the addresses just
/// written), whatever the records hold. A UDP checksum of 0 stays 0 ("none", RFC 768), a computed 0 goes out as 0xFFFF.
/// </summary>
public static class HandWrittenPcapWriter
{
    private const int RecordHeaderSize = 16;
    private const int EthernetHeaderSize = 14;
    private const int FixedHeaderSize = 20; // IPv4 and TCP before their options
    private const int Ipv6HeaderSize = 40;
    private const int UdpHeaderSize = 8;
    private const int MaxHeaderSize = 60; // 15 words

    /// <summary>Writes <paramref name="frame"/>'s record at the start of <paramref name="destination"/>; returns its size.</summary>
    /// <exception cref="ArgumentException">A field the wire cannot carry, or a payload its EtherType or protocol does not pick.</exception>
    public static int Write(PcapFrame frame, Span<byte> destination)
    {
        // A whole frame's packet, then its trailer; a cut frame's captured bytes, as they are.
        IEtherPayload? network;
        ReadOnlySpan<byte> rest;
        switch (frame.Ethernet)
        {
            case EthernetFrame whole:
                network = whole.Payload;
                rest = whole.Trailer.Span;
                break;
            case CutEthernetFrame cut:
                network = null;
                rest = cut.Captured.Span;
                break;
            case var other:
                throw new ArgumentException($"No writer for {other?.GetType().Name ?? "null"}.", nameof(frame));
        }

        var ethernet = frame.Ethernet;
        var networkSize = network is null ? 0 : NetworkSize(ethernet.Type, network);
        var dataLength = EthernetHeaderSize + networkSize + rest.Length;
        var output = destination.Slice(0, RecordHeaderSize + dataLength);

        var record = frame.Record;
        BinaryPrimitives.WriteUInt32LittleEndian(output, record.TimestampSeconds);
        BinaryPrimitives.WriteUInt32LittleEndian(output.Slice(4), record.TimestampMicroseconds);
        BinaryPrimitives.WriteUInt32LittleEndian(output.Slice(8), (uint)dataLength);
        BinaryPrimitives.WriteUInt32LittleEndian(output.Slice(12), record.OriginalLength);

        var data = output.Slice(RecordHeaderSize);
        WriteMac(ethernet.Destination, data);
        WriteMac(ethernet.Source, data.Slice(6));
        BinaryPrimitives.WriteUInt16BigEndian(data.Slice(12), (ushort)ethernet.Type);

        var packet = data.Slice(EthernetHeaderSize, networkSize);
        switch (network)
        {
            case Ipv4Packet ip:
                WriteIpv4(ip, packet);
                break;
            case Ipv6Packet ip:
                WriteIpv6(ip, packet);
                break;
            case UnknownEtherPayload unknown:
                unknown.Bytes.Span.CopyTo(packet);
                break;
        }

        rest.CopyTo(data.Slice(EthernetHeaderSize + networkSize));
        return output.Length;
    }

    private static void WriteIpv4(Ipv4Packet ip, Span<byte> packet)
    {
        var options = ip.Options.Span;
        var headerLength = FixedHeaderSize + options.Length;
        var run = packet.Slice(0, FixedHeaderSize);
        run[0] = (byte)(0x40 | headerLength / 4);
        run[1] = (byte)(ip.Dscp << 2 | ip.Ecn);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(2), (ushort)packet.Length);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(4), ip.Identification);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(6), (ushort)(
            (ip.ReservedFlag ? 0x8000 : 0) | (ip.DontFragment ? 0x4000 : 0) | (ip.MoreFragments ? 0x2000 : 0) | ip.FragmentOffset));
        run[8] = ip.TimeToLive;
        run[9] = (byte)ip.Protocol;
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(10), 0);
        ip.Source.CopyTo(run.Slice(12, 4));
        ip.Destination.CopyTo(run.Slice(16, 4));
        options.CopyTo(packet.Slice(FixedHeaderSize));
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(10), Checksums.Internet(packet.Slice(0, headerLength)));
        WriteTransport(ip.Payload, run.Slice(12, 4), run.Slice(16, 4), (byte)ip.Protocol, packet.Slice(headerLength));
    }

    private static void WriteIpv6(Ipv6Packet ip, Span<byte> packet)
    {
        var run = packet.Slice(0, Ipv6HeaderSize);
        BinaryPrimitives.WriteUInt32BigEndian(run, 0x60000000U | (uint)ip.Dscp << 22 | (uint)ip.Ecn << 20 | ip.FlowLabel);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(4), (ushort)(packet.Length - Ipv6HeaderSize));
        run[6] = (byte)ip.NextHeader;
        run[7] = ip.HopLimit;
        ip.Source.CopyTo(run.Slice(8, 16));
        ip.Destination.CopyTo(run.Slice(24, 16));
        WriteTransport(ip.Payload, run.Slice(8, 16), run.Slice(24, 16), (byte)ip.NextHeader, packet.Slice(Ipv6HeaderSize));
    }

    // TCP and UDP checksums add the pseudo-header of the addresses just written; bytes kept as bytes add nothing.
    private static void WriteTransport(IIpPayload transport, ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, byte protocol, Span<byte> segment)
    {
        switch (transport)
        {
            case TcpSegment tcp:
                WriteTcp(tcp, Checksums.PseudoHeader(source, destination, protocol, segment.Length), segment);
                break;
            case UdpDatagram udp:
                WriteUdp(udp, Checksums.PseudoHeader(source, destination, protocol, segment.Length), segment);
                break;
            case UnknownIpPayload unknown:
                unknown.Bytes.Span.CopyTo(segment);
                break;
        }
    }

    private static void WriteTcp(TcpSegment tcp, ulong pseudoHeader, Span<byte> segment)
    {
        var options = tcp.Options.Span;
        var headerLength = FixedHeaderSize + options.Length;
        var run = segment.Slice(0, FixedHeaderSize);
        BinaryPrimitives.WriteUInt16BigEndian(run, tcp.SourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(2), tcp.DestinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(run.Slice(4), tcp.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(run.Slice(8), tcp.AcknowledgmentNumber);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(12), (ushort)(
            headerLength / 4 << 12 | tcp.Reserved << 9
            | (tcp.AccurateEcn ? 0x100 : 0) | (tcp.Cwr ? 0x80 : 0) | (tcp.Ece ? 0x40 : 0) | (tcp.Urgent ? 0x20 : 0)
            | (tcp.Ack ? 0x10 : 0) | (tcp.Push ? 0x8 : 0) | (tcp.Reset ? 0x4 : 0) | (tcp.Syn ? 0x2 : 0) | (tcp.Fin ? 0x1 : 0)));
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(14), tcp.Window);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(16), 0);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(18), tcp.UrgentPointer);
        options.CopyTo(segment.Slice(FixedHeaderSize));
        tcp.Data.Span.CopyTo(segment.Slice(headerLength));
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(16), Checksums.Internet(segment, pseudoHeader));
    }

    private static void WriteUdp(UdpDatagram udp, ulong pseudoHeader, Span<byte> datagram)
    {
        var run = datagram.Slice(0, UdpHeaderSize);
        BinaryPrimitives.WriteUInt16BigEndian(run, udp.SourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(2), udp.DestinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(4), (ushort)datagram.Length);
        BinaryPrimitives.WriteUInt16BigEndian(run.Slice(6), 0);
        udp.Payload.Span.CopyTo(datagram.Slice(UdpHeaderSize));
        if (udp.Checksum != 0)
        {
            var checksum = Checksums.Internet(datagram, pseudoHeader);
            BinaryPrimitives.WriteUInt16BigEndian(run.Slice(6), checksum == 0 ? (ushort)0xFFFF : checksum);
        }
    }

    // The packet's size, with the check the generated union makes: the EtherType picks the payload's record.
    private static int NetworkSize(EtherType type, IEtherPayload network) => network switch
    {
        Ipv4Packet ip when type == EtherType.Ipv4 => Ipv4Size(ip, TransportSize(ip.Payload, ip.Protocol, ip.IsFragment)),
        Ipv6Packet ip when type == EtherType.Ipv6 => Ipv6Size(ip, TransportSize(ip.Payload, ip.NextHeader, fragment: false)),
        UnknownEtherPayload unknown when type is not (EtherType.Ipv4 or EtherType.Ipv6) => unknown.Bytes.Length,
        var other => throw NotPicked(other, $"EtherType {type}"),
    };

    // The segment's size, with the checks the generated union makes: the protocol picks the record, except in a
    // fragment, which must keep its bytes.
    private static int TransportSize(IIpPayload transport, IpProtocol protocol, bool fragment) => transport switch
    {
        TcpSegment tcp when protocol == IpProtocol.Tcp && !fragment => TcpSize(tcp),
        UdpDatagram udp when protocol == IpProtocol.Udp && !fragment => Fits(UdpHeaderSize + udp.Payload.Length, ushort.MaxValue),
        UnknownIpPayload unknown when fragment || protocol is not (IpProtocol.Tcp or IpProtocol.Udp) => unknown.Bytes.Length,
        var other => throw NotPicked(other, fragment ? "a fragment" : $"protocol {protocol}"),
    };

    private static ArgumentException NotPicked(object? payload, string picker) =>
        new($"{payload?.GetType().Name ?? "A null payload"} is not the payload {picker} picks.");

    private static int TcpSize(TcpSegment tcp)
    {
        if (tcp.Reserved > 7)
        {
            ThrowTooWide();
        }

        return HeaderInWords(tcp.Options.Length) + tcp.Data.Length;
    }

    private static int Ipv4Size(Ipv4Packet ip, int payloadLength)
    {
        if (ip.Dscp > 0x3F || ip.Ecn > 3 || ip.FragmentOffset > 0x1FFF)
        {
            ThrowTooWide();
        }

        return Fits(HeaderInWords(ip.Options.Length) + payloadLength, ushort.MaxValue);
    }

    private static int Ipv6Size(Ipv6Packet ip, int payloadLength)
    {
        if (ip.Dscp > 0x3F || ip.Ecn > 3 || ip.FlowLabel > 0xFFFFF)
        {
            ThrowTooWide();
        }

        return Ipv6HeaderSize + Fits(payloadLength, ushort.MaxValue);
    }

    // IPv4's header length and TCP's data offset count 4-byte words, at most 15.
    private static int HeaderInWords(int optionsLength)
    {
        var headerLength = FixedHeaderSize + optionsLength;
        if (headerLength % 4 != 0 || headerLength > MaxHeaderSize)
        {
            throw new ArgumentException($"A header of {headerLength} bytes is not a whole number of 4-byte words up to 15.");
        }

        return headerLength;
    }

    private static int Fits(int length, int max) =>
        length <= max ? length : throw new ArgumentException($"A length of {length} does not fit its {max}.");

    private static void WriteMac(MacAddress address, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(address.Value >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(2), (uint)address.Value);
    }

    [DoesNotReturn]
    private static void ThrowTooWide() => throw new ArgumentException("a bit field is wider than its bits");
}
