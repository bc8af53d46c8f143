namespace ProtocolGen.Generator.Model;

/// <summary>
/// A parse result: the model (null when the declaration cannot be generated), its diagnostics, and where
/// the declaration is, for diagnostics reported later. Only <see cref="Value"/> reaches the emitter.
/// </summary>
internal sealed record Result<T>(T? Value, EquatableArray<DiagnosticInfo> Diagnostics, LocationInfo? Location = null)
    where T : class;
