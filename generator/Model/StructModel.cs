namespace ProtocolGen.Generator.Model;

/// <summary>A packet or wire structure to generate a codec for. Holds only values, so it caches.</summary>
/// <param name="Declaration">Where the type lives and how to reopen it.</param>
/// <param name="IsValueType">Whether it is a record struct.</param>
/// <param name="IsSealed">Whether it is a sealed record class.</param>
/// <param name="BaseIsRecord">Whether it derives from another record class (which then owns part of equality).</param>
/// <param name="Packet">The packet identity, for packets; null for wire structures.</param>
/// <param name="Fields">The fields, in wire order.</param>
/// <param name="DeclaresEquality">Whether the user wrote their own <c>Equals(T)</c>, so none is generated.</param>
/// <param name="DeclaresPrintMembers">Whether the user wrote their own <c>PrintMembers(StringBuilder)</c>, so none is generated.</param>
/// <param name="Layout">Where each field sits on the wire: sizes, offsets and fixed runs.</param>
/// <param name="Case">What makes it a case of a <c>[WireUnion]</c>; null for any other record.</param>
/// <param name="FrameHeader">What makes a <c>[FrameHeader]</c> record a union's framing; null for any other record.</param>
/// <param name="Magic">The <c>[Magic]</c> bytes before the first field; empty when there are none (their place is <see cref="LayoutPlan.MagicLength"/>).</param>
internal sealed record StructModel(
    TypeDeclarationInfo Declaration,
    bool IsValueType,
    bool IsSealed,
    bool BaseIsRecord,
    PacketInfo? Packet,
    EquatableArray<FieldModel> Fields,
    bool DeclaresEquality,
    bool DeclaresPrintMembers,
    LayoutPlan Layout,
    EquatableArray<byte> Magic = default,
    WireCaseInfo? Case = null,
    FrameHeaderInfo? FrameHeader = null);

/// <summary>What makes a structure a packet: its type byte, its name and the union it belongs to.</summary>
internal sealed record PacketInfo(long PacketType, string Name, string UnionFullyQualifiedName, bool UnionIsInterface);
