using ProtocolGen;

namespace ProtocolGen.Portmaster;

/// <summary>Asks the driver to queue up to four BandwidthStats infos (TCP and UDP, IPv4 and IPv6).</summary>
[Packet(6)]
public sealed partial record GetBandwidthStats : Command;
