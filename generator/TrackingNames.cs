namespace ProtocolGen.Generator;

/// <summary>Names of the pipeline stages, so tests can check what each run cached.</summary>
internal static class TrackingNames
{
    public const string PacketResults = nameof(PacketResults);
    public const string PacketModels = nameof(PacketModels);
    public const string WireStructResults = nameof(WireStructResults);
    public const string WireStructModels = nameof(WireStructModels);
    public const string Withheld = nameof(Withheld);
    public const string Memberships = nameof(Memberships);
    public const string PacketClaims = nameof(PacketClaims);
    public const string UnionDeclarations = nameof(UnionDeclarations);
    public const string UnionResults = nameof(UnionResults);
    public const string UnionModels = nameof(UnionModels);
    public const string EnumModels = nameof(EnumModels);
    public const string ClosedEnumDiagnostics = nameof(ClosedEnumDiagnostics);
    public const string MisplacedMagic = nameof(MisplacedMagic);
    public const string WireCaseResults = nameof(WireCaseResults);
    public const string WireCaseDefaultResults = nameof(WireCaseDefaultResults);
    public const string WireCaseModels = nameof(WireCaseModels);
    public const string WireCaseDefaultModels = nameof(WireCaseDefaultModels);
    public const string WireCaseClaims = nameof(WireCaseClaims);
    public const string WireUnionDeclarations = nameof(WireUnionDeclarations);
    public const string WireUnionResults = nameof(WireUnionResults);
    public const string WireUnionModels = nameof(WireUnionModels);
    public const string FrameHeaderResults = nameof(FrameHeaderResults);
    public const string FrameHeaderModels = nameof(FrameHeaderModels);
    public const string FrameHeaderShapes = nameof(FrameHeaderShapes);
}
