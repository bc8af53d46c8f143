using ProtocolGen;

namespace ProtocolGen.Portmaster;

/// <summary>Asks the driver to queue its buffered log lines as <see cref="LogLine"/> infos.</summary>
[Packet(5)]
public sealed partial record GetLogs : Command;
