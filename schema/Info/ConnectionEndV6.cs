using ProtocolGen;

namespace ProtocolGen.Portmaster;

/// <summary>An IPv6 connection has ended.</summary>
/// <param name="ProcessId">The process that owned the connection.</param>
/// <param name="Direction">Which side opened it.</param>
/// <param name="Protocol">The IP protocol.</param>
/// <param name="LocalIp">This machine's address.</param>
/// <param name="RemoteIp">The peer's address.</param>
/// <param name="LocalPort">This machine's port.</param>
/// <param name="RemotePort">The peer's port.</param>
[Packet(4)]
public sealed partial record ConnectionEndV6(
    ulong ProcessId,
    Direction Direction,
    IpProtocol Protocol,
    Ipv6Address LocalIp,
    Ipv6Address RemoteIp,
    ushort LocalPort,
    ushort RemotePort) : Info;
