using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace ProtocolGen;

/// <summary>
/// The JSON rules of every wire type, written once for generated code: integers as numbers, bytes as
/// lowercase hex, nested structures as objects, arrays as arrays, and errors that name the field.
/// </summary>
public static class WireJson
{
    /// <summary>The property that names a packet's kind.</summary>
    public const string KindProperty = "kind";

    /// <summary>The packet name in <paramref name="element"/>'s <c>kind</c> property.</summary>
    public static string GetKind(JsonElement element) => GetString(element, KindProperty);

    /// <summary>The error for a <c>kind</c> that names no packet of the union.</summary>
    public static WireJsonException UnknownKind(string kind, string union) =>
        new(KindProperty, $"'{kind}' is not a packet of {union}");

    /// <summary>The error for an enum name that the enum does not define.</summary>
    public static WireJsonException UnknownEnumName(string field, string? name, string enumName) =>
        new(field, $"'{name}' is not a {enumName} name; use a name or a number");

    /// <summary>The property <paramref name="name"/> of an object, or an error naming it.</summary>
    public static JsonElement GetProperty(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new WireJsonException(name, $"expected an object holding it, found {Describe(element)}");
        }

        return element.TryGetProperty(name, out var value) ? value : throw new WireJsonException(name, "missing");
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
        value.ValueKind == JsonValueKind.Number && value.TryGetSByte(out var result) ? result : throw Expected(field, "an integer from -128 to 127", value);

    /// <summary>Converts a number to <see cref="ushort"/>.</summary>
    public static ushort ToUInt16(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetUInt16(out var result) ? result : throw Expected(field, "an integer from 0 to 65535", value);

    /// <summary>Converts a number to <see cref="short"/>.</summary>
    public static short ToInt16(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt16(out var result) ? result : throw Expected(field, "a 16-bit signed integer", value);

    /// <summary>Converts a number to <see cref="uint"/>.</summary>
    public static uint ToUInt32(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetUInt32(out var result) ? result : throw Expected(field, "a 32-bit unsigned integer", value);

    /// <summary>Converts a number to <see cref="int"/>.</summary>
    public static int ToInt32(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var result) ? result : throw Expected(field, "a 32-bit signed integer", value);

    /// <summary>Converts a number to <see cref="ulong"/>.</summary>
    public static ulong ToUInt64(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var result) ? result : throw Expected(field, "a 64-bit unsigned integer", value);

    /// <summary>Converts a number to <see cref="long"/>.</summary>
    public static long ToInt64(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var result) ? result : throw Expected(field, "a 64-bit signed integer", value);

    /// <summary>Reads a string property.</summary>
    public static string GetString(JsonElement element, string name)
    {
        var value = GetProperty(element, name);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Expected(name, "a string", value);
    }

    /// <summary>Reads a property of lowercase or uppercase hex digits as bytes.</summary>
    public static byte[] GetHex(JsonElement element, string name)
    {
        var text = GetString(element, name);
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            throw new WireJsonException(name, "expected hex digits, two per byte");
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
        writer.WriteString(name, Convert.ToHexString(value).ToLowerInvariant());
    }

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

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => value.GetRawText(),
        JsonValueKind.String => "\"" + value.GetString() + "\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "nothing",
    };
}
