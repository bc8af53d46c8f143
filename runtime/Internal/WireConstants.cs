using System;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using ProtocolGen.Json;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// The errors of the schema's constants, for generated code: a closed enum's unnamed value, on encode and in JSON.
/// (Decode errors are <see cref="ProtocolErrorKind"/>s; fixed values and magic need no helper to write.)
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireConstants
{
    /// <summary>The encode error for a value a closed enum does not name: the wire refuses it, so no byte is written.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static WireEncodeException UnnamedValue<TEnum>(string field, TEnum value, string enumName)
        where TEnum : struct, Enum =>
        new(field, string.Create(CultureInfo.InvariantCulture, $"holds {value.ToString("D")}, which the closed enum {enumName} does not name; a decoder would refuse it."));

    /// <summary>The JSON error for a number where a closed enum takes only its names.</summary>
    public static WireJsonException NumberForClosedEnum(string field, string enumName) =>
        new(field, $"{enumName} is a closed enum; use one of its names, not a number");

    /// <summary>The JSON error for a name a closed enum does not define (a number would not do either).</summary>
    public static WireJsonException UnknownClosedName(string field, string? name, string enumName) =>
        new(field, $"{WireJsonFields.Quote(name ?? string.Empty)} is not a {enumName} name; {enumName} is a closed enum, so use one of its names");

    /// <summary>The JSON error for a number that is not a combination of a closed <see cref="FlagsAttribute"/> enum's named bits.</summary>
    public static WireJsonException UnnamedFlags(string field, string enumName) =>
        new(field, $"holds bits that the closed enum {enumName} does not name");
}
