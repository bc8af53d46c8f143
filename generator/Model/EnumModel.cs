namespace ProtocolGen.Generator.Model;

/// <summary>An enum a field uses, with its named values, for the JSON name tables.</summary>
/// <param name="Namespace">The enum's namespace, or null for the global namespace.</param>
/// <param name="HelperName">The generated name table's class name (the enum's name, outer types first, plus <c>WireNames</c>).</param>
/// <param name="Name">The enum's own name, for messages.</param>
/// <param name="FullyQualifiedName">The enum's <c>global::</c> name.</param>
/// <param name="Underlying">The underlying integer type.</param>
/// <param name="Members">The named values, in declaration order.</param>
/// <param name="Closed">For a <c>[ClosedEnum]</c>, how a value is known to be named; null for an open enum (every value decodes).</param>
internal sealed record EnumModel(
    string? Namespace,
    string HelperName,
    string Name,
    string FullyQualifiedName,
    PrimitiveType Underlying,
    EquatableArray<EnumMemberModel> Members,
    ClosedEnumInfo? Closed = null);

/// <summary>How a closed enum tells a named value: one range compare when the names are contiguous, else a switch.</summary>
/// <param name="IsFlags">Whether it is a <c>[Flags]</c> enum: any combination of named bits is named (<see cref="FlagsMask"/>).</param>
/// <param name="RangeMin">The smallest named value, when the named values are contiguous; else null.</param>
/// <param name="RangeMax">The largest named value, when contiguous; else null.</param>
/// <param name="FlagsMask">For a flags enum, every named bit or'ed together, as a literal of the underlying type.</param>
internal sealed record ClosedEnumInfo(bool IsFlags, string? RangeMin, string? RangeMax, string? FlagsMask);

/// <summary>A named enum value, its value as a C# literal.</summary>
internal sealed record EnumMemberModel(string Name, string Value);
