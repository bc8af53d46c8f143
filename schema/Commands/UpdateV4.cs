using ProtocolGen;

namespace ProtocolGen.Portmaster;

/// <summary>Changes the cached verdict of an IPv4 connection.</summary>
/// <param name="Protocol">The IP protocol.</param>
/// <param name="LocalAddress">This machine's address.</param>
/// <param name="LocalPort">This machine's port.</param>
/// <param name="RemoteAddress">The peer's address.</param>
/// <param name="RemotePort">The peer's port.</param>
/// <param name="Verdict">The new verdict.</param>
[Packet(2)]
public sealed partial record UpdateV4(
    IpProtocol Protocol,
    Ipv4Address LocalAddress,
    ushort LocalPort,
    Ipv4Address RemoteAddress,
    ushort RemotePort,
    Verdict Verdict) : Command;
