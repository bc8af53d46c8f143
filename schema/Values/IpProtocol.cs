namespace ProtocolGen.Portmaster;

/// <summary>The IANA IP protocol number. Only common values are named; every value decodes and re-encodes unchanged.</summary>
public enum IpProtocol : byte
{
    /// <summary>Internet Control Message Protocol.</summary>
    Icmp = 1,

    /// <summary>Transmission Control Protocol.</summary>
    Tcp = 6,

    /// <summary>User Datagram Protocol.</summary>
    Udp = 17,

    /// <summary>ICMP for IPv6.</summary>
    IcmpV6 = 58,
}
