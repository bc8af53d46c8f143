using ProtocolGen;

namespace ProtocolGen.Portmaster;

/// <summary>Drops the driver's verdict cache.</summary>
[Packet(4)]
public sealed partial record ClearCache : Command;
