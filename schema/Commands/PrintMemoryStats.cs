using ProtocolGen;

namespace ProtocolGen.Portmaster;

/// <summary>Asks the driver to log its memory statistics.</summary>
[Packet(7)]
public sealed partial record PrintMemoryStats : Command;
