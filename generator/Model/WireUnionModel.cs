namespace ProtocolGen.Generator.Model;

/// <summary>A <c>[WireUnion]</c> interface with its cases, for its dispatch.</summary>
/// <param name="Declaration">Where the interface lives.</param>
/// <param name="Cases">The <c>[WireCase]</c> records with a codec, in tag order.</param>
/// <param name="Default">The <c>[WireCaseDefault]</c> record, which reads every other tag; null when an unknown tag is an error.</param>
internal sealed record WireUnionModel(TypeDeclarationInfo Declaration, EquatableArray<WireCaseInfo> Cases, WireCaseInfo? Default)
{
    /// <summary>Whether a case claims the union but has no codec (its declaration has an error), so the interface's members need bodies.</summary>
    public bool HasCasesWithoutCodec { get; init; }
}

/// <summary>A <c>[WireUnion]</c> interface as declared, before its cases are gathered; the location is for its diagnostics.</summary>
internal sealed record WireUnionDeclaration(TypeDeclarationInfo Declaration, LocationInfo? Location);

/// <summary>What makes a record a case of a wire union.</summary>
/// <param name="UnionFullyQualifiedName">The union interface.</param>
/// <param name="Tag">The selector's value that picks it, as the 64 bits a selector is compared in; 0 for the default case.</param>
/// <param name="TagDisplay">The tag as the schema spells it (<c>Ipv4</c>, <c>6</c>), for docs and messages.</param>
/// <param name="Name">Its name in JSON (<c>kind</c>) and layouts.</param>
/// <param name="IsDefault">Whether it is the default case.</param>
/// <param name="FullyQualifiedName">The case record.</param>
internal sealed record WireCaseInfo(string UnionFullyQualifiedName, ulong Tag, string TagDisplay, string Name, bool IsDefault, string FullyQualifiedName);

/// <summary>A case's claim on its union, with where to point a duplicate-tag diagnostic and whether it got a codec to dispatch to.</summary>
internal sealed record WireCaseClaim(WireCaseInfo Case, LocationInfo? Location, bool HasCodec);

/// <summary>A <c>[Switch]</c> member's dispatch: which union, which earlier field picks the case, the pseudo-header its case's checksum adds, and when the default case is read instead.</summary>
/// <param name="Selector">The index of the field whose value picks the case.</param>
/// <param name="PseudoHeader">The fields of <c>[PseudoHeader]</c>; null without one.</param>
/// <param name="Guards">The <c>[DefaultCaseWhen]</c> conditions, in declaration order: when any holds, the default case is read whatever the selector; empty for an unguarded switch.</param>
internal sealed record SwitchInfo(int Selector, PseudoHeaderFields? PseudoHeader, EquatableArray<ConditionInfo> Guards = default)
{
    /// <summary>Whether any <c>[DefaultCaseWhen]</c> guard can make the member its union's default case.</summary>
    public bool IsGuarded => Guards.Count > 0;
}

/// <summary>The indexes of a <c>[PseudoHeader]</c>'s source address, destination address and protocol fields.</summary>
internal sealed record PseudoHeaderFields(int Source, int Destination, int Protocol);

/// <summary>A <c>[Switch]</c> member's selector, as the union's join checks its cases' tags against it.</summary>
/// <param name="UnionFullyQualifiedName">The union the member switches.</param>
/// <param name="Primitive">The selector's integer type (an enum's underlying type), which bounds the tags it can give.</param>
/// <param name="Spelled">The selector for messages: <c>'LinkFrame.Type' (LinkKind : ushort)</c>.</param>
/// <param name="Guarded">The member for messages when it has <c>[DefaultCaseWhen]</c> guards (<c>'IpPacket.Payload'</c>), whose union must have a default case (PG0050); null when it has none.</param>
internal sealed record SwitchSelector(string UnionFullyQualifiedName, PrimitiveType Primitive, string Spelled, string? Guarded = null);
