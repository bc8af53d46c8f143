using System;
using ProtocolGen;

namespace ProtocolGen.Portmaster;

/// <summary>A new IPv6 connection awaiting a verdict, with the packet that opened it.</summary>
/// <param name="Id">The connection's id, echoed back in <see cref="VerdictCommand"/>.</param>
/// <param name="ProcessId">The process that owns the connection.</param>
/// <param name="Direction">Which side opened it.</param>
/// <param name="Protocol">The IP protocol.</param>
/// <param name="LocalIp">This machine's address.</param>
/// <param name="RemoteIp">The peer's address.</param>
/// <param name="LocalPort">This machine's port.</param>
/// <param name="RemotePort">The peer's port.</param>
/// <param name="PayloadLayer">The layer the payload bytes were taken from (transport or network).</param>
/// <param name="Payload">The packet bytes.</param>
[Packet(2)]
public sealed partial record ConnectionV6(
    ulong Id,
    ulong ProcessId,
    Direction Direction,
    IpProtocol Protocol,
    Ipv6Address LocalIp,
    Ipv6Address RemoteIp,
    ushort LocalPort,
    ushort RemotePort,
    byte PayloadLayer,
    [LengthPrefix(PrefixWidth.U32)] ReadOnlyMemory<byte> Payload) : Info;
