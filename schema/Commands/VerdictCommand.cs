using ProtocolGen;

namespace ProtocolGen.Portmaster;

/// <summary>Answers the <see cref="ConnectionV4"/> or <see cref="ConnectionV6"/> with this id.</summary>
/// <param name="Id">The connection's id.</param>
/// <param name="Verdict">What to do with it.</param>
[Packet(1, Name = "Verdict")]
public sealed partial record VerdictCommand(ulong Id, Verdict Verdict) : Command;
