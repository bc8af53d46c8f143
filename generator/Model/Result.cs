namespace ProtocolGen.Generator.Model;

/// <summary>
/// A parse result: the model (null when the declaration cannot be generated), its diagnostics, and where
/// the declaration is, for diagnostics reported later. Only <see cref="Value"/> reaches the emitter.
/// </summary>
/// <param name="Membership">For a packet, the union it claims, even when its fields failed to parse, so that
/// union is neither reported empty nor left with a type byte that another packet can silently reuse.</param>
internal sealed record Result<T>(T? Value, EquatableArray<DiagnosticInfo> Diagnostics, LocationInfo? Location = null, UnionMember? Membership = null)
    where T : class;
