using System;
using System.ComponentModel;
using System.Text.Json;
using ProtocolGen.Json;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>Converted members (<c>[WireConverter]</c>) for generated views and JSON.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireConverters
{
    /// <summary>The value of a wire value a view's <c>Check</c> accepted.</summary>
    public static TValue FromWire<TConverter, TValue, TWire>(TWire wire)
        where TConverter : IWireConverter<TValue, TWire> =>
        TConverter.TryFromWire(wire, out var value) ? value : throw Unchecked();

    /// <summary>The value of bytes a view's <c>Check</c> accepted.</summary>
    public static TValue Read<TConverter, TValue>(ReadOnlySpan<byte> bytes)
        where TConverter : IWireBytesConverter<TValue> =>
        TConverter.TryRead(bytes, out var value) ? value : throw Unchecked();

    /// <summary>Whether the converter takes <paramref name="wire"/>, for a view's <c>Check</c>.</summary>
    public static bool IsValue<TConverter, TValue, TWire>(TWire wire)
        where TConverter : IWireConverter<TValue, TWire> => TConverter.TryFromWire(wire, out _);

    /// <summary>Whether the converter takes <paramref name="bytes"/>, for a view's <c>Check</c>.</summary>
    public static bool IsValue<TConverter, TValue>(ReadOnlySpan<byte> bytes)
        where TConverter : IWireBytesConverter<TValue> => TConverter.TryRead(bytes, out _);

    /// <summary>The value of a wire value read from JSON; one the converter refuses is an error naming the field.</summary>
    public static TValue FromJsonWire<TConverter, TValue, TWire>(TWire wire, string field)
        where TConverter : IWireConverter<TValue, TWire> =>
        TConverter.TryFromWire(wire, out var value) ? value : throw new WireJsonException(field, $"{wire} is not a value {typeof(TConverter).Name} converts");

    /// <summary>The bytes of a converted value, for JSON's hex.</summary>
    public static byte[] ToBytes<TConverter, TValue>(TValue value)
        where TConverter : IWireBytesConverter<TValue>
    {
        var bytes = new byte[TConverter.Size];
        TConverter.Write(value, bytes);
        return bytes;
    }

    /// <summary>The value of JSON's hex bytes; bytes the converter refuses are an error naming the field.</summary>
    public static TValue FromJsonBytes<TConverter, TValue>(JsonElement element, string field)
        where TConverter : IWireBytesConverter<TValue> =>
        TConverter.TryRead(WireJsonFields.GetHex(element, field, TConverter.Size), out var value) ? value : throw new WireJsonException(field, $"the bytes are not a value {typeof(TConverter).Name} converts");

    /// <summary>Writes a converted member with the converter's own JSON form.</summary>
    public static void WriteJson<TConverter, TValue>(Utf8JsonWriter writer, string name, TValue value)
        where TConverter : IWireJsonConverter<TValue>
    {
        writer.WritePropertyName(name);
        TConverter.WriteJson(writer, value);
    }

    /// <summary>Reads a converted member with the converter's own JSON form.</summary>
    public static TValue ReadJson<TConverter, TValue>(JsonElement element, string name)
        where TConverter : IWireJsonConverter<TValue> => TConverter.ReadJson(WireJsonFields.GetProperty(element, name));

    private static InvalidOperationException Unchecked() =>
        new("The view's bytes were not checked (make views with TryCreate or Create): the converter refuses them.");
}
