namespace ProtocolGen.Generator.Model;

/// <summary>
/// A <c>[Packet]</c> type's claim on the union it derives from or implements, made whether or not the packet
/// itself is valid (an out-of-range type byte, a member with no wire form): the union must still know of
/// it, so it is not reported empty and its members stay implementable by a packet that gets no codec.
/// </summary>
/// <param name="UnionFullyQualifiedName">The union claimed: the first one found when a packet names several (PG0003).</param>
/// <param name="PacketFullyQualifiedName">The packet, to tell it from the packets that got a codec.</param>
/// <param name="OtherUnionFullyQualifiedNames">
/// The other unions a packet in several names (PG0003): not claimed, because only one union may give the packet
/// its withheld members (two interface unions doing so would conflict), but not reported empty either (PG0011),
/// since the packet's author meant it for them and PG0003 is the one mistake.
/// </param>
internal sealed record PacketClaim(string UnionFullyQualifiedName, string PacketFullyQualifiedName, EquatableArray<string> OtherUnionFullyQualifiedNames);
