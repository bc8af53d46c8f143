using System.Globalization;
using ProtocolGen.Samples.Pcap;

namespace ProtocolGen.Samples.PcapDump;

/// <summary>
/// One frame as tshark's default one-line summary shows it: number, seconds since the first frame, source and
/// destination, protocol, length on the wire, and what the top layer says.
/// </summary>
public static class FrameSummary
{
    /// <summary>The summary of <paramref name="frame"/>, its time counted from <paramref name="first"/>'s.</summary>
    public static string Format(PcapFrame frame, PcapRecord first)
    {
        var (source, destination) = Addresses(frame);
        var (protocol, info) = TopLayer(frame);
        return string.Create(CultureInfo.InvariantCulture, $"{frame.Number,5} {RelativeTime(frame.Record, first),10} {source,12} → {destination,-12} {protocol} {frame.Record.OriginalLength} {info}");
    }

    // Microseconds are whole numbers on the wire; subtracting them (not doubles) keeps every digit tshark prints.
    private static string RelativeTime(PcapRecord record, PcapRecord first)
    {
        var micros = ((long)record.TimestampSeconds * 1_000_000 + record.TimestampMicroseconds)
            - ((long)first.TimestampSeconds * 1_000_000 + first.TimestampMicroseconds);
        return string.Create(CultureInfo.InvariantCulture, $"{(micros < 0 ? "-" : string.Empty)}{long.Abs(micros) / 1_000_000}.{long.Abs(micros) % 1_000_000:D6}");
    }

    // As tshark names a fragment it does not reassemble: the protocol by its name and number, the offset in bytes.
    private static string Fragment(Ipv4Packet ip) =>
        string.Create(CultureInfo.InvariantCulture, $"Fragmented IP protocol (proto={ProtocolName(ip.Protocol)} {(byte)ip.Protocol}, off={ip.FragmentOffset * 8}, ID={ip.Identification:x4})");

    private static string ProtocolName(IpProtocol protocol) => protocol switch
    {
        IpProtocol.Tcp => "TCP",
        IpProtocol.Udp => "UDP",
        IpProtocol.Icmp => "ICMP",
        IpProtocol.Ipv6Icmp => "ICMPv6",
        _ => string.Create(CultureInfo.InvariantCulture, $"{(byte)protocol}"),
    };

    private static (string Source, string Destination) Addresses(PcapFrame frame) => frame.Network switch
    {
        Ipv4Packet ip => (ip.Source.ToString(), ip.Destination.ToString()),
        Ipv6Packet ip => (ip.Source.ToString(), ip.Destination.ToString()),
        _ => (frame.Ethernet.Source.ToString(), frame.Ethernet.Destination.ToString()),
    };

    private static (string Protocol, string Info) TopLayer(PcapFrame frame) => frame.Transport switch
    {
        TcpSegment tcp => ("TCP", TcpSummary.Format(tcp)),
        UdpDatagram udp => ("UDP", string.Create(CultureInfo.InvariantCulture, $"{udp.SourcePort} → {udp.DestinationPort} Len={udp.Payload.Length}")),
        UnknownIpPayload when frame.Network is Ipv4Packet { IsFragment: true } fragment => ("IPv4", Fragment(fragment)),
        UnknownIpPayload when frame.Network is IIpPacket ip => (frame.Network is Ipv6Packet ? "IPv6" : "IPv4", string.Create(CultureInfo.InvariantCulture, $"protocol {(byte)ip.Protocol}")),
        _ => (string.Create(CultureInfo.InvariantCulture, $"0x{(ushort)frame.Ethernet.Type:x4}"), "Ethernet II"),
    };
}
