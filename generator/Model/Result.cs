namespace ProtocolGen.Generator.Model;

/// <summary>
/// A parse result: the model (null when the declaration cannot be generated), its diagnostics, and where
/// the declaration is, for diagnostics reported later. Only <see cref="Value"/> reaches the emitter.
/// </summary>
/// <param name="Membership">For a packet, the union it claims, even when its fields failed to parse, so that
/// union is neither reported empty nor left with a type byte that another packet can silently reuse.</param>
/// <param name="FullyQualifiedName">The declaration's type, set when it was judged, so that when it gets no codec
/// the packets built on it are withheld too (see <see cref="Parsing.Withholding"/>).</param>
/// <param name="Case">For a wire union's case, its claim on the union, even when its fields failed to parse.</param>
internal sealed record Result<T>(T? Value, EquatableArray<DiagnosticInfo> Diagnostics, LocationInfo? Location = null, UnionMember? Membership = null, string? FullyQualifiedName = null, WireCaseInfo? Case = null)
    where T : class;
