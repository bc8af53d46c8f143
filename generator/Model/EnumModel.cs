namespace ProtocolGen.Generator.Model;

/// <summary>An enum a field uses, with its named values, for the JSON name tables.</summary>
/// <param name="Namespace">The enum's namespace, or null for the global namespace.</param>
/// <param name="HelperName">The generated name table's class name (the enum's name, outer types first, plus <c>WireNames</c>).</param>
/// <param name="Name">The enum's own name, for messages.</param>
/// <param name="FullyQualifiedName">The enum's <c>global::</c> name.</param>
/// <param name="Underlying">The underlying integer type.</param>
/// <param name="Members">The named values, in declaration order.</param>
internal sealed record EnumModel(
    string? Namespace,
    string HelperName,
    string Name,
    string FullyQualifiedName,
    PrimitiveType Underlying,
    EquatableArray<EnumMemberModel> Members);

/// <summary>A named enum value, its value as a C# literal.</summary>
internal sealed record EnumMemberModel(string Name, string Value);
