namespace ProtocolGen.Generator.Model;

/// <summary>A union root with its packets, for the dispatch code.</summary>
internal sealed record UnionModel(
    TypeDeclarationInfo Declaration,
    bool IsInterface,
    FrameFormat FrameFormat,
    EquatableArray<UnionMember> Members)
{
    /// <summary>Whether frames carry a body length.</summary>
    public bool HasLength => FrameFormat is FrameFormat.TypeAndLength32 or FrameFormat.Header;

    /// <summary>The <c>[FrameHeader]</c> that frames the union, for <see cref="FrameFormat.Header"/>; otherwise null.</summary>
    public FrameHeaderShape? Header { get; init; }

    /// <summary>The runtime's <c>FrameFormat</c> member name for this union.</summary>
    public string FrameFormatName => FrameFormat.ToString();

    /// <summary>Whether a packet claims this union but has no codec (its declaration has an error), so the union's members need bodies.</summary>
    public bool HasPacketsWithoutCodec { get; init; }
}

/// <summary>A union root as declared, before its packets are gathered; the location is for its diagnostics.</summary>
internal sealed record UnionDeclaration(TypeDeclarationInfo Declaration, bool IsInterface, FrameFormat FrameFormat, LocationInfo? Location)
{
    /// <summary>The fully qualified <c>[FrameHeader]</c> type a <c>[ProtocolUnion(typeof(THeader))]</c> names; otherwise null.</summary>
    public string? HeaderFullyQualifiedName { get; init; }
}

/// <summary>One packet of a union, as the union's dispatch sees it.</summary>
internal sealed record UnionMember(string UnionFullyQualifiedName, long PacketType, string Name, string FullyQualifiedName);

/// <summary>A packet's claim on a union, with where to point a duplicate-type diagnostic and whether it has a codec to dispatch to.</summary>
internal sealed record PacketMembership(UnionMember Member, LocationInfo? Location, bool HasCodec);
