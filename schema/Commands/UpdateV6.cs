using ProtocolGen;

namespace ProtocolGen.Portmaster;

/// <summary>Changes the cached verdict of an IPv6 connection.</summary>
/// <param name="Protocol">The IP protocol.</param>
/// <param name="LocalAddress">This machine's address.</param>
/// <param name="LocalPort">This machine's port.</param>
/// <param name="RemoteAddress">The peer's address.</param>
/// <param name="RemotePort">The peer's port.</param>
/// <param name="Verdict">The new verdict.</param>
[Packet(3)]
public sealed partial record UpdateV6(
    IpProtocol Protocol,
    Ipv6Address LocalAddress,
    ushort LocalPort,
    Ipv6Address RemoteAddress,
    ushort RemotePort,
    Verdict Verdict) : Command;
