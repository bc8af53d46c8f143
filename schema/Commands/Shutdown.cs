using ProtocolGen;

namespace ProtocolGen.Portmaster;

/// <summary>Ends pending and future reads (end of file) and blocks what is still pending.</summary>
[Packet(0)]
public sealed partial record Shutdown : Command;
