using System;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using ProtocolGen.Json;
using ProtocolGen.Wire;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// The JSON rules of every wire type, written once for generated code: integers as numbers, bytes as
/// lowercase hex, nested structures as objects, arrays as arrays, and errors that name the field.
/// For generated code; not a stable API. Hand-written code uses <see cref="WireJson"/>, which forwards here.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireJsonFields
{
    /// <summary>The property that names a packet's kind.</summary>
    public const string KindProperty = "kind";

    /// <summary>The packet name in <paramref name="element"/>'s <c>kind</c> property.</summary>
    public static string GetKind(JsonElement element) => GetString(element, KindProperty);

    // The field an error names when the property's own name cannot be decoded.
    private const string InvalidName = "(a name that is not valid text)";

    /// <summary>The longest part of a bad value that an error message quotes.</summary>
    public const int QuotedPrefixLength = 40;

    /// <summary>
    /// A <c>[Fixed]</c> field given in JSON: <paramref name="value"/> when it is the field's <paramref name="constant"/>, else
    /// an error naming the field (the frame would refuse any other value, so JSON does too).
    /// </summary>
    /// <exception cref="WireJsonException"><paramref name="value"/> is not the constant.</exception>
    public static T Fixed<T>(T value, T constant, string name, string display)
    {
        if (!System.Collections.Generic.EqualityComparer<T>.Default.Equals(value, constant))
        {
            throw new WireJsonException(name, $"is fixed at {display}; give {display} or leave the field out");
        }

        return value;
    }

    /// <summary>
    /// A <c>[Bits]</c> integer given in JSON: <paramref name="value"/> when it fits the field's <paramref name="width"/>
    /// bits (at most <paramref name="max"/>), else an error naming the field, here rather than at encode.
    /// </summary>
    /// <exception cref="WireJsonException"><paramref name="value"/> is wider than the field.</exception>
    public static T Bits<T>(T value, ulong max, string name, int width)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        if (ulong.CreateTruncating(value) > max)
        {
            throw new WireJsonException(name, $"is {value}, wider than its {width} bits (at most {max})");
        }

        return value;
    }

    /// <summary>The error for a <c>kind</c> that names no packet of the union.</summary>
    public static WireJsonException UnknownKind(string kind, string union) =>
        new(KindProperty, $"{Quote(kind)} is not a packet of {union}");

    /// <summary>The error for an enum name that the enum does not define.</summary>
    public static WireJsonException UnknownEnumName(string field, string? name, string enumName) =>
        new(field, $"{Quote(name ?? string.Empty)} is not a {enumName} name; use a name or a number");

    /// <summary>
    /// Checks that <paramref name="element"/> is an object whose every property is one of
    /// <paramref name="names"/>, each at most once: an unknown field or a repeated one is an error naming it,
    /// never ignored (a repeated key would otherwise let its last value silently win over an out-of-range first).
    /// </summary>
    /// <exception cref="WireJsonException">Not an object, an unknown property, or a property given twice.</exception>
    public static void CheckMembers(JsonElement element, string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new WireJsonException(string.Empty, $"expected an object, found {Describe(element)}");
        }

        Span<bool> seen = names.Length <= 256 ? stackalloc bool[names.Length] : new bool[names.Length];
        foreach (var property in element.EnumerateObject())
        {
            var index = IndexOf(property, names);
            if (index < 0)
            {
                throw new WireJsonException(NameOf(property), "is not a field of this object");
            }

            if (seen[index])
            {
                throw new WireJsonException(names[index], "appears more than once; give each field once");
            }

            seen[index] = true;
        }
    }

    /// <summary>
    /// <see cref="JsonProperty.NameEquals(string)"/>, except that a name that is not valid text (a lone surrogate
    /// escape), which the comparison has to decode, is a <see cref="WireJsonException"/>.
    /// </summary>
    /// <exception cref="WireJsonException">The property's name is not valid text.</exception>
    public static bool NameEquals(JsonProperty property, string name)
    {
        try
        {
            return property.NameEquals(name);
        }
        catch (InvalidOperationException)
        {
            throw new WireJsonException(InvalidName, "is a property name that is not valid text: a lone surrogate escape or invalid UTF-8");
        }
    }

    /// <summary>
    /// The text of a JSON string, or an error naming <paramref name="field"/> when it is not a string or does
    /// not decode to valid UTF-16 (a lone surrogate escape such as <c>\ud800</c>, or invalid UTF-8).
    /// </summary>
    /// <exception cref="WireJsonException">Not a string, or not valid text.</exception>
    public static string ToText(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Expected(field, "a string", value);
        }

        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new WireJsonException(field, "is not valid text: a lone surrogate escape (\\ud800 to \\udfff without its pair) or invalid UTF-8");
        }
    }

    /// <summary>
    /// Writes a text property, refusing what <see cref="GetString"/> would not read back: null, or a string that
    /// is not valid UTF-16 (a lone surrogate, which a JSON writer would silently turn into U+FFFD).
    /// </summary>
    /// <exception cref="WireJsonException"><paramref name="value"/> is null or holds a lone surrogate.</exception>
    public static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            throw new WireJsonException(name, "is null; a text field always holds a string");
        }

        if (FindLoneSurrogate(value) is var at and >= 0)
        {
            throw new WireJsonException(name, string.Create(CultureInfo.InvariantCulture, $"is not valid UTF-16: a lone surrogate at index {at}"));
        }

        writer.WriteString(name, value);
    }

    /// <summary>
    /// <paramref name="text"/> as an error message may show it: in quotes, control characters escaped, and cut
    /// to its first <see cref="QuotedPrefixLength"/> characters (never inside a surrogate pair) with its length
    /// said, so that a huge or hostile value never becomes a huge or misleading message.
    /// </summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shown = text.Length <= QuotedPrefixLength ? text.Length : QuotedPrefixLength;
        if (shown < text.Length && char.IsHighSurrogate(text[shown - 1]))
        {
            shown--;
        }

        var builder = new System.Text.StringBuilder(shown + 32).Append('"');
        foreach (var c in text.AsSpan(0, shown))
        {
            // Control characters (C0, DEL, C1), format characters (bidi overrides, zero-width, the BOM) and the
            // line separators could make a message printed to a terminal read differently from what it holds.
            if (char.IsControl(c) || c == '"' || c == '\\' || char.IsSurrogate(c) || c is '\u2028' or '\u2029'
                || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                builder.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                });
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append('"');
        if (shown < text.Length)
        {
            builder.Append(CultureInfo.InvariantCulture, $"... ({text.Length} characters)");
        }

        return builder.ToString();
    }

    /// <summary>The property <paramref name="name"/> of an object, or an error naming it.</summary>
    public static JsonElement GetProperty(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new WireJsonException(name, $"expected an object holding it, found {Describe(element)}");
        }

        return TryGetProperty(element, name, out var value) ? value : throw new WireJsonException(name, "missing");
    }

    /// <summary>
    /// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>, except that a property name that is not
    /// valid text (a lone surrogate escape), which the search has to decode, is a <see cref="WireJsonException"/>.
    /// </summary>
    /// <exception cref="WireJsonException">A property name of the object is not valid text.</exception>
    public static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        try
        {
            return element.TryGetProperty(name, out value);
        }
        catch (InvalidOperationException)
        {
            throw new WireJsonException(InvalidName, "is a property name that is not valid text: a lone surrogate escape or invalid UTF-8");
        }
    }

    // Whether the object holds the property with a value other than null: a conditional member's JSON is absent, or
    // null, when the member is. Throws WireJsonException when a property name of the object is not valid text.
    private static bool HasValue(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && TryGetProperty(element, name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>
    /// Whether a conditional member's property holds a value (not absent, not null), checked against its condition: a
    /// member given while <paramref name="selector"/> leaves it off the wire, or missing while it calls for it, is an
    /// error naming both, here rather than at encode.
    /// </summary>
    /// <typeparam name="TSelector">The selector's type, so the message says its value as that type does.</typeparam>
    /// <param name="element">The record's JSON object.</param>
    /// <param name="name">The member's wire name.</param>
    /// <param name="holds">Whether the selector's value calls for the member.</param>
    /// <param name="selector">The selector's wire name.</param>
    /// <param name="selectorValue">The selector's value, for the message.</param>
    /// <exception cref="WireJsonException">The member's presence disagrees with its condition.</exception>
    public static bool Present<TSelector>(JsonElement element, string name, bool holds, string selector, TSelector selectorValue)
    {
        var present = HasValue(element, name);
        if (present != holds)
        {
            var value = WireConditions.Describe(selectorValue);
            throw new WireJsonException(name, present
                ? $"is given, but {selector} = {value} leaves it off the wire; leave it out (or null), or set {selector} to a value that calls for it"
                : $"is missing (or null), but {selector} = {value} calls for it on the wire; give it a value, or set {selector} to a value that leaves it off");
        }

        return present;
    }

    /// <summary>Reads a boolean property.</summary>
    public static bool GetBoolean(JsonElement element, string name) => GetProperty(element, name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Expected(name, "true or false", GetProperty(element, name)),
    };

    /// <summary>Reads a <see cref="byte"/> property.</summary>
    public static byte GetByte(JsonElement element, string name) => ToByte(GetProperty(element, name), name);

    /// <summary>Reads an <see cref="sbyte"/> property.</summary>
    public static sbyte GetSByte(JsonElement element, string name) => ToSByte(GetProperty(element, name), name);

    /// <summary>Reads a <see cref="ushort"/> property.</summary>
    public static ushort GetUInt16(JsonElement element, string name) => ToUInt16(GetProperty(element, name), name);

    /// <summary>Reads a <see cref="short"/> property.</summary>
    public static short GetInt16(JsonElement element, string name) => ToInt16(GetProperty(element, name), name);

    /// <summary>Reads a <see cref="uint"/> property.</summary>
    public static uint GetUInt32(JsonElement element, string name) => ToUInt32(GetProperty(element, name), name);

    /// <summary>Reads an <see cref="int"/> property.</summary>
    public static int GetInt32(JsonElement element, string name) => ToInt32(GetProperty(element, name), name);

    /// <summary>Reads a <see cref="ulong"/> property.</summary>
    public static ulong GetUInt64(JsonElement element, string name) => ToUInt64(GetProperty(element, name), name);

    /// <summary>Reads a <see cref="long"/> property.</summary>
    public static long GetInt64(JsonElement element, string name) => ToInt64(GetProperty(element, name), name);

    /// <summary>Converts a number to <see cref="byte"/>, or an error naming <paramref name="field"/>.</summary>
    public static byte ToByte(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetByte(out var result) ? result : throw Expected(field, "an integer from 0 to 255", value);

    /// <summary>Converts a number to <see cref="sbyte"/>.</summary>
    public static sbyte ToSByte(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetSByte(out var result) && (result != 0 || !IsNegativeZero(value)) ? result : throw Expected(field, "an integer from -128 to 127", value);

    /// <summary>Converts a number to <see cref="ushort"/>.</summary>
    public static ushort ToUInt16(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetUInt16(out var result) ? result : throw Expected(field, "an integer from 0 to 65535", value);

    /// <summary>Converts a number to <see cref="short"/>.</summary>
    public static short ToInt16(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt16(out var result) && (result != 0 || !IsNegativeZero(value)) ? result : throw Expected(field, "a 16-bit signed integer", value);

    /// <summary>Converts a number to <see cref="uint"/>.</summary>
    public static uint ToUInt32(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetUInt32(out var result) ? result : throw Expected(field, "a 32-bit unsigned integer", value);

    /// <summary>Converts a number to <see cref="int"/>.</summary>
    public static int ToInt32(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var result) && (result != 0 || !IsNegativeZero(value)) ? result : throw Expected(field, "a 32-bit signed integer", value);

    /// <summary>Converts a number to <see cref="ulong"/>.</summary>
    public static ulong ToUInt64(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var result) ? result : throw Expected(field, "a 64-bit unsigned integer", value);

    /// <summary>Converts a number to <see cref="long"/>.</summary>
    public static long ToInt64(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var result) && (result != 0 || !IsNegativeZero(value)) ? result : throw Expected(field, "a 64-bit signed integer", value);

    // "-0" is refused for every integer field, signed or not (the unsigned parsers refuse it already): one rule,
    // and a sign is never dropped silently. Only a zero pays for the look at the text.
    private static bool IsNegativeZero(JsonElement value) => value.GetRawText().StartsWith('-');

    /// <summary>Reads a string property; a lone surrogate escape or invalid UTF-8 in it is an error naming it.</summary>
    /// <exception cref="WireJsonException">Missing, not a string, or not valid text.</exception>
    public static string GetString(JsonElement element, string name) => ToText(GetProperty(element, name), name);

    /// <summary>Reads a property of lowercase or uppercase hex digits as bytes.</summary>
    public static byte[] GetHex(JsonElement element, string name) => ToHex(GetProperty(element, name), name);

    // A string of lowercase or uppercase hex digits as bytes, or an error naming the field.
    private static byte[] ToHex(JsonElement value, string field)
    {
        var text = ToText(value, field);
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            throw new WireJsonException(field, "expected hex digits, two per byte");
        }
    }

    /// <summary>Reads a <typeparamref name="T"/> from its JSON form.</summary>
    public static T Read<T>(JsonElement element)
        where T : IWireJson<T> => T.ReadJson(element);

    /// <summary>Reads a hex property that must hold exactly <paramref name="length"/> bytes.</summary>
    public static byte[] GetHex(JsonElement element, string name, int length)
    {
        var bytes = GetHex(element, name);
        return bytes.Length == length
            ? bytes
            : throw new WireJsonException(name, string.Create(CultureInfo.InvariantCulture, $"expected exactly {length} bytes ({length * 2} hex digits), found {bytes.Length}"));
    }

    /// <summary>Reads a nested structure property.</summary>
    public static T GetStruct<T>(JsonElement element, string name)
        where T : IWireJson<T>
    {
        var value = GetProperty(element, name);
        try
        {
            return T.ReadJson(value);
        }
        catch (WireJsonException inner)
        {
            throw inner.Within(name);
        }
    }

    /// <summary>Reads an array property of nested structures.</summary>
    public static ImmutableArray<T> GetImmutableArray<T>(JsonElement element, string name)
        where T : IWireJson<T> => ImmutableArray.Create(GetArray<T>(element, name));

    /// <summary>Reads an array property of nested structures.</summary>
    public static T[] GetArray<T>(JsonElement element, string name)
        where T : IWireJson<T>
    {
        var value = GetProperty(element, name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Expected(name, "an array", value);
        }

        var items = new T[value.GetArrayLength()];
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            try
            {
                items[index] = T.ReadJson(item);
            }
            catch (WireJsonException inner)
            {
                throw inner.Within(string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]"));
            }

            index++;
        }

        return items;
    }

    /// <summary>Writes a value as a JSON string of its invariant text, formatted without allocating.</summary>
    public static void WriteText<T>(Utf8JsonWriter writer, T value)
        where T : ISpanFormattable
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> text = stackalloc char[64];
        if (value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture))
        {
            writer.WriteStringValue(text.Slice(0, written));
        }
        else
        {
            writer.WriteStringValue(value.ToString(null, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes bytes as a lowercase hex string property.</summary>
    public static void WriteHex(Utf8JsonWriter writer, string name, ReadOnlySpan<byte> value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString(name, LowercaseHex(value));
    }

    // The one spelling of bytes in JSON: lowercase hex (Convert.ToHexStringLower is .NET 9+; this also serves net8.0).
    private static string LowercaseHex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>Writes a nested structure property.</summary>
    public static void WriteStruct<T>(Utf8JsonWriter writer, string name, T value)
        where T : IJsonWritable
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        value.WriteJson(writer);
    }

    /// <summary>Writes an array property of nested structures; a default array is written empty.</summary>
    public static void WriteArray<T>(Utf8JsonWriter writer, string name, ImmutableArray<T> items)
        where T : IJsonWritable => WriteArray(writer, name, items.IsDefault ? ReadOnlySpan<T>.Empty : items.AsSpan());

    /// <summary>Writes an array property of nested structures; null is written empty.</summary>
    public static void WriteArray<T>(Utf8JsonWriter writer, string name, T[]? items)
        where T : IJsonWritable => WriteArray(writer, name, (ReadOnlySpan<T>)items);

    /// <summary>Writes an array property of nested structures.</summary>
    public static void WriteArray<T>(Utf8JsonWriter writer, string name, ReadOnlySpan<T> items)
        where T : IJsonWritable
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            item.WriteJson(writer);
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Writes a nested structure that has no JSON form (a hand-written codec without <see cref="IWireJson{TSelf}"/>,
    /// PG0021) as its wire bytes in lowercase hex.
    /// </summary>
    public static void WriteWireHex<T>(Utf8JsonWriter writer, string name, T value)
        where T : IWireStruct<T>
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        WriteWireHexValue(writer, value);
    }

    /// <summary>Writes an array property of structures without a JSON form, each as its wire bytes in hex; a default array is written empty.</summary>
    public static void WriteWireHexArray<T>(Utf8JsonWriter writer, string name, ImmutableArray<T> items)
        where T : IWireStruct<T> => WriteWireHexArray(writer, name, items.IsDefault ? ReadOnlySpan<T>.Empty : items.AsSpan());

    /// <summary>Writes an array property of structures without a JSON form, each as its wire bytes in hex; null is written empty.</summary>
    public static void WriteWireHexArray<T>(Utf8JsonWriter writer, string name, T[]? items)
        where T : IWireStruct<T> => WriteWireHexArray(writer, name, (ReadOnlySpan<T>)items);

    /// <summary>Writes an array property of structures without a JSON form, each as its wire bytes in hex.</summary>
    public static void WriteWireHexArray<T>(Utf8JsonWriter writer, string name, ReadOnlySpan<T> items)
        where T : IWireStruct<T>
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            WriteWireHexValue(writer, item);
        }

        writer.WriteEndArray();
    }

    private static void WriteWireHexValue<T>(Utf8JsonWriter writer, T value)
        where T : IWireStruct<T> =>
        writer.WriteStringValue(LowercaseHex(WireCodec.ToArray(value)));

    /// <summary>Reads a nested structure without a JSON form from the hex of its wire bytes; bytes it leaves unread are an error.</summary>
    public static T GetWireHex<T>(JsonElement element, string name)
        where T : IWireStruct<T> => ToWireStruct<T>(GetProperty(element, name), name);

    /// <summary>Reads an array property of structures without a JSON form, each from the hex of its wire bytes.</summary>
    public static ImmutableArray<T> GetImmutableWireHexArray<T>(JsonElement element, string name)
        where T : IWireStruct<T> => ImmutableArray.Create(GetWireHexArray<T>(element, name));

    /// <summary>Reads an array property of structures without a JSON form, each from the hex of its wire bytes.</summary>
    public static T[] GetWireHexArray<T>(JsonElement element, string name)
        where T : IWireStruct<T> => GetValues(element, name, static (item, field) => ToWireStruct<T>(item, field));

    private static T ToWireStruct<T>(JsonElement value, string field)
        where T : IWireStruct<T>
    {
        var bytes = ToHex(value, field);
        var reader = new WireReader(bytes);
        if (!T.TryReadFrom(ref reader, out var result) || reader.HasFailed)
        {
            throw new WireJsonException(field, "the hex does not hold one " + typeof(T).Name);
        }

        return reader.Remaining == 0
            ? result
            : throw new WireJsonException(field, string.Create(CultureInfo.InvariantCulture, $"{reader.Remaining} bytes after one {typeof(T).Name}"));
    }

    /// <summary>Converts <c>true</c> or <c>false</c> to <see cref="bool"/>, or an error naming <paramref name="field"/>.</summary>
    public static bool ToBoolean(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Expected(field, "true or false", value),
    };

    /// <summary>
    /// Reads an array property of integers, booleans or enums, each with <paramref name="read"/>; an element's
    /// error names its index (<c>values[3]</c>).
    /// </summary>
    public static T[] GetValues<T>(JsonElement element, string name, Func<JsonElement, string, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var value = GetProperty(element, name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Expected(name, "an array", value);
        }

        var items = new T[value.GetArrayLength()];
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            try
            {
                items[index] = read(item, string.Empty);
            }
            catch (WireJsonException inner)
            {
                throw inner.Within(string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]"));
            }

            index++;
        }

        return items;
    }

    /// <summary>Reads an array property of integers, booleans or enums, as <see cref="GetValues{T}"/> does.</summary>
    public static ImmutableArray<T> GetImmutableValues<T>(JsonElement element, string name, Func<JsonElement, string, T> read) =>
        ImmutableCollectionsMarshal.AsImmutableArray(GetValues(element, name, read));

    /// <summary>Writes an array property of integers, booleans or enums, each with <paramref name="write"/>.</summary>
    public static void WriteValues<T>(Utf8JsonWriter writer, string name, ReadOnlySpan<T> items, Action<Utf8JsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(write);
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            write(writer, item);
        }

        writer.WriteEndArray();
    }

    private static WireJsonException Expected(string field, string what, JsonElement found) =>
        new(field, $"expected {what}, found {Describe(found)}");

    /// <summary>A found value as an error message shows it: a short prefix of a string or number, never all of it.</summary>
    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => value.GetRawText(),
        JsonValueKind.Number => value.GetRawText() is var number && number.Length > QuotedPrefixLength
            ? string.Create(CultureInfo.InvariantCulture, $"{number.AsSpan(0, QuotedPrefixLength)}... ({number.Length} characters)")
            : number,
        JsonValueKind.String => DescribeString(value),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "nothing",
    };

    private static string DescribeString(JsonElement value)
    {
        try
        {
            return Quote(value.GetString()!);
        }
        catch (InvalidOperationException)
        {
            return "a string that is not valid text";
        }
    }

    private static int IndexOf(JsonProperty property, string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (NameEquals(property, names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // An unknown property's name as the error's field: a short prefix, escaped like any quoted value.
    private static string NameOf(JsonProperty property)
    {
        try
        {
            var name = property.Name;
            var quoted = Quote(name);
            return quoted.Length == name.Length + 2 ? name : quoted;
        }
        catch (InvalidOperationException)
        {
            return InvalidName;
        }
    }

    private static int FindLoneSurrogate(string text)
    {
        var span = text.AsSpan();
        var i = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (i >= 0 && i < span.Length)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                var next = span.Slice(i + 2).IndexOfAnyInRange('\uD800', '\uDFFF');
                i = next < 0 ? -1 : i + 2 + next;
                continue;
            }

            return i;
        }

        return -1;
    }
}
