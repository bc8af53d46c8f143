using System;
using System.Linq;
using ProtocolGen.Samples.Pcap;

namespace ProtocolGen.Pcap.Tests;

/// <summary>
/// Every field the encoder derives (lengths, checksums), set to a value that says nothing, layer by layer and
/// without reflection: a frame so zeroed re-encodes to its captured bytes only if each of them is computed, not copied.
/// </summary>
internal static class DerivedFields
{
    // With ZeroMeansNone a stored 0 is written as "no checksum"; any other value asks for one to be computed.
    private const ushort ComputeUdpChecksum = 1;

    public static PcapFrame Zeroed(PcapFrame frame) => frame with
    {
        Record = frame.Record with { IncludedLength = 0 },
        Ethernet = frame.Ethernet is EthernetFrame ethernet ? ethernet with { Payload = Zeroed(ethernet.Payload) } : frame.Ethernet,
    };

    private static IEtherPayload Zeroed(IEtherPayload network) => network switch
    {
        Ipv4Packet ip => ip with
        {
            HeaderLength = 0,
            TotalLength = 0,
            HeaderChecksum = 0,
            Options = OptionList.ToBytes(Ipv4Options.Read(ip.Options).Select(Zeroed)),
            Payload = Zeroed(ip.Payload),
        },
        Ipv6Packet ip => ip with { PayloadLength = 0, Payload = Zeroed(ip.Payload) },
        UnknownEtherPayload unknown => unknown,
        _ => throw new ArgumentException($"No zeroing for {network.GetType().Name}.", nameof(network)),
    };

    private static IIpv4Option Zeroed(IIpv4Option option) => option switch
    {
        Ipv4RecordRoute route => route with { Length = 0 },
        Ipv4Timestamp stamps => stamps with { Length = 0 },
        UnknownIpv4Option unknown => unknown with { Length = 0 },
        _ => option,
    };

    private static IIpPayload Zeroed(IIpPayload transport) => transport switch
    {
        TcpSegment tcp => tcp with
        {
            DataOffset = 0,
            Checksum = 0,
            Options = OptionList.ToBytes(TcpOptions.Read(tcp.Options).Select(Zeroed)),
        },
        UdpDatagram udp => udp with { Length = 0, Checksum = ComputeUdpChecksum },
        UnknownIpPayload unknown => unknown,
        _ => throw new ArgumentException($"No zeroing for {transport.GetType().Name}.", nameof(transport)),
    };

    private static ITcpOption Zeroed(ITcpOption option) => option switch
    {
        TcpSack sack => sack with { Length = 0 },
        UnknownTcpOption unknown => unknown with { Length = 0 },
        _ => option,
    };
}
