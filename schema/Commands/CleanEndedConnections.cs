using ProtocolGen;

namespace ProtocolGen.Portmaster;

/// <summary>Drops ended connections from the driver's tables.</summary>
[Packet(8)]
public sealed partial record CleanEndedConnections : Command;
