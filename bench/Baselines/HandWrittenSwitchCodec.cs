using System;
using System.Buffers.Binary;
using ProtocolGen.Benchmarks.Schema;
using ProtocolGen.Wire;

namespace ProtocolGen.Benchmarks.Baselines;

/// <summary>
/// (a) for the "[Switch]" case of the new-kind rows: a link frame carrying IPv4 carrying UDP, read and written with
/// spans, building the same records (the datagram's data copied out, as the generated reader copies it). It reads only
/// what the samples hold (IPv4 without options, UDP) and refuses the rest, as a port for one traffic mix would.
/// </summary>
public static class HandWrittenSwitchCodec
{
    private const int Link = 2;
    private const int Ip = 20;
    private const int Udp = 8;

    public static LinkFrame? Read(ReadOnlySpan<byte> source, out int consumed)
    {
        consumed = 0;
        if (source.Length < Link + Ip || BinaryPrimitives.ReadUInt16BigEndian(source) != (ushort)LinkKind.Ipv4)
        {
            return null;
        }

        var ip = source.Slice(Link);
        var total = BinaryPrimitives.ReadUInt16BigEndian(ip.Slice(2));
        if (ip[0] != 0x45 || total < Ip + Udp || total > ip.Length || ip[9] != (byte)IpProtocol.Udp || Checksums.Internet(ip.Slice(0, Ip)) != 0)
        {
            return null;
        }

        var udp = ip.Slice(Ip, total - Ip);
        var length = BinaryPrimitives.ReadUInt16BigEndian(udp.Slice(4));
        var source4 = Ipv4Address.ReadFixed(ip.Slice(12, 4));
        var destination4 = Ipv4Address.ReadFixed(ip.Slice(16, 4));
        if (length != udp.Length || Checksums.Internet(udp, Checksums.PseudoHeader(source4, destination4, (byte)IpProtocol.Udp, udp.Length)) != 0)
        {
            return null;
        }

        consumed = Link + total;
        var datagram = new RoutedUdp(
            BinaryPrimitives.ReadUInt16BigEndian(udp), BinaryPrimitives.ReadUInt16BigEndian(udp.Slice(2)), length,
            BinaryPrimitives.ReadUInt16BigEndian(udp.Slice(6)), udp.Slice(Udp).ToArray());
        return new LinkFrame(LinkKind.Ipv4, new RoutedIpv4(
            4, 5, ip[1], total, BinaryPrimitives.ReadUInt16BigEndian(ip.Slice(4)), BinaryPrimitives.ReadUInt16BigEndian(ip.Slice(6)),
            ip[8], IpProtocol.Udp, BinaryPrimitives.ReadUInt16BigEndian(ip.Slice(10)), source4, destination4, datagram));
    }

    public static int Write(LinkFrame frame, Span<byte> destination)
    {
        if (frame is not { Type: LinkKind.Ipv4, Body: RoutedIpv4 { Protocol: IpProtocol.Udp, Body: RoutedUdp datagram } packet })
        {
            throw new ArgumentException("Only IPv4 carrying UDP is written here.", nameof(frame));
        }

        var data = datagram.Data.Span;
        var udpLength = Udp + data.Length;
        var total = Ip + udpLength;
        if (total > ushort.MaxValue)
        {
            throw new ArgumentException("The packet is too long for IPv4.", nameof(frame));
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)LinkKind.Ipv4);
        var ip = destination.Slice(Link, total);
        ip[0] = 0x45;
        ip[1] = packet.TypeOfService;
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(2), (ushort)total);
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(4), packet.Identification);
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(6), packet.FlagsAndFragment);
        ip[8] = packet.TimeToLive;
        ip[9] = (byte)IpProtocol.Udp;
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(10), 0);
        packet.Source.CopyTo(ip.Slice(12, 4));
        packet.Destination.CopyTo(ip.Slice(16, 4));
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(10), Checksums.Internet(ip.Slice(0, Ip)));

        var udp = ip.Slice(Ip);
        BinaryPrimitives.WriteUInt16BigEndian(udp, datagram.SourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.Slice(2), datagram.DestinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.Slice(4), (ushort)udpLength);
        BinaryPrimitives.WriteUInt16BigEndian(udp.Slice(6), 0);
        data.CopyTo(udp.Slice(Udp));
        BinaryPrimitives.WriteUInt16BigEndian(udp.Slice(6), Checksums.Internet(udp, Checksums.PseudoHeader(packet.Source, packet.Destination, (byte)IpProtocol.Udp, udpLength)));
        return Link + total;
    }
}
