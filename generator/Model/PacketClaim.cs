namespace ProtocolGen.Generator.Model;

/// <summary>
/// A <c>[Packet]</c> type's claim on the union it derives from or implements, made whether or not the packet
/// itself is valid (an out-of-range type byte, a member with no wire form): the union must still know of
/// it, so it is not reported empty and its members stay implementable by a packet that gets no codec.
/// </summary>
/// <param name="UnionFullyQualifiedName">The union claimed: the first one found when a packet names several (PG0003).</param>
/// <param name="PacketFullyQualifiedName">The packet, to tell it from the packets that got a codec.</param>
internal sealed record PacketClaim(string UnionFullyQualifiedName, string PacketFullyQualifiedName);
