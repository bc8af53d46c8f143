using System;
using System.Text.Json;
using ProtocolGen.Internal;

namespace ProtocolGen.Json;

/// <summary>
/// What a hand-written <see cref="IWireJson{TSelf}"/>, or code reading a packet's JSON form, needs to follow the
/// same rules as generated code: the <c>kind</c> property, strict member checks, property look-ups whose errors
/// name the field, text, and bytes as hex. The rules themselves live in one place, which generated code calls
/// directly; these forward to it, so a hand-written form and a generated one cannot drift apart.
/// </summary>
public static class WireJson
{
    /// <summary>The property that names a packet's kind.</summary>
    public const string KindProperty = WireJsonFields.KindProperty;

    /// <summary>The packet name in <paramref name="element"/>'s <c>kind</c> property.</summary>
    /// <exception cref="WireJsonException">Not an object, no <c>kind</c>, or not a string.</exception>
    public static string GetKind(JsonElement element) => WireJsonFields.GetKind(element);

    /// <summary>
    /// Checks that <paramref name="element"/> is an object whose every property is one of
    /// <paramref name="names"/>, each at most once: an unknown or repeated field is an error naming it.
    /// </summary>
    /// <exception cref="WireJsonException">Not an object, an unknown property, or a property given twice.</exception>
    public static void CheckMembers(JsonElement element, string[] names) => WireJsonFields.CheckMembers(element, names);

    /// <summary>The property <paramref name="name"/> of an object, or an error naming it.</summary>
    /// <exception cref="WireJsonException">Not an object, or the property is missing.</exception>
    public static JsonElement GetProperty(JsonElement element, string name) => WireJsonFields.GetProperty(element, name);

    /// <summary>
    /// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>, except that a property name that is not
    /// valid text (a lone surrogate escape) is a <see cref="WireJsonException"/>.
    /// </summary>
    /// <exception cref="WireJsonException">A property name of the object is not valid text.</exception>
    public static bool TryGetProperty(JsonElement element, string name, out JsonElement value) =>
        WireJsonFields.TryGetProperty(element, name, out value);

    /// <summary>Reads a string property; a lone surrogate escape or invalid UTF-8 in it is an error naming it.</summary>
    /// <exception cref="WireJsonException">Missing, not a string, or not valid text.</exception>
    public static string GetString(JsonElement element, string name) => WireJsonFields.GetString(element, name);

    /// <summary>Writes a text property, refusing null and lone surrogates, which <see cref="GetString"/> would not read back.</summary>
    /// <exception cref="WireJsonException"><paramref name="value"/> is null or holds a lone surrogate.</exception>
    public static void WriteString(Utf8JsonWriter writer, string name, string? value) => WireJsonFields.WriteString(writer, name, value);

    /// <summary>Reads a property of lowercase or uppercase hex digits as bytes.</summary>
    /// <exception cref="WireJsonException">Missing, not a string, or not hex digits two per byte.</exception>
    public static byte[] GetHex(JsonElement element, string name) => WireJsonFields.GetHex(element, name);

    /// <summary>Reads a hex property that must hold exactly <paramref name="length"/> bytes.</summary>
    /// <exception cref="WireJsonException">As <see cref="GetHex(JsonElement, string)"/>, or another length.</exception>
    public static byte[] GetHex(JsonElement element, string name, int length) => WireJsonFields.GetHex(element, name, length);

    /// <summary>Writes bytes as a lowercase hex string property, the form <see cref="GetHex(JsonElement, string)"/> reads.</summary>
    public static void WriteHex(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value) => WireJsonFields.WriteHex(writer, name, value);
}
