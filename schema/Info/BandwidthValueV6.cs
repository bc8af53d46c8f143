using ProtocolGen;

namespace ProtocolGen.Portmaster;

/// <summary>
/// Traffic of one IPv6 connection since the last report. Unlike the connection packets, each port
/// follows its own address.
/// </summary>
/// <param name="LocalIp">This machine's address.</param>
/// <param name="LocalPort">This machine's port.</param>
/// <param name="RemoteIp">The peer's address.</param>
/// <param name="RemotePort">The peer's port.</param>
/// <param name="TransmittedBytes">Bytes sent.</param>
/// <param name="ReceivedBytes">Bytes received.</param>
[WireStruct]
public readonly partial record struct BandwidthValueV6(
    Ipv6Address LocalIp,
    ushort LocalPort,
    Ipv6Address RemoteIp,
    ushort RemotePort,
    ulong TransmittedBytes,
    ulong ReceivedBytes);
