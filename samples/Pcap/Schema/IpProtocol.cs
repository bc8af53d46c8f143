namespace ProtocolGen.Samples.Pcap;

/// <summary>The protocol an IP packet carries (IANA's protocol numbers: IPv4's protocol, IPv6's next header).</summary>
public enum IpProtocol : byte
{
    /// <summary>ICMP (not decoded here).</summary>
    Icmp = 1,

    /// <summary>A TCP segment.</summary>
    Tcp = 6,

    /// <summary>A UDP datagram.</summary>
    Udp = 17,

    /// <summary>ICMPv6 (not decoded here).</summary>
    Ipv6Icmp = 58,
}
