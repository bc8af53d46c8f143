using System.Text.Json;

namespace ProtocolGen.Json;

/// <summary>
/// The JSON form of a converted member's value (a converter's optional third interface): without it, JSON holds
/// the member's wire value (a number, boolean or enum name, or the bytes in hex), which diagnostic PG0044 notes.
/// </summary>
/// <typeparam name="TValue">The member's type.</typeparam>
public interface IWireJsonConverter<TValue>
{
    /// <summary>Writes <paramref name="value"/> as one JSON value.</summary>
    static abstract void WriteJson(Utf8JsonWriter writer, TValue value);

    /// <summary>Reads a value from its JSON form, or throws <see cref="WireJsonException"/> (the generated reader names the field).</summary>
    static abstract TValue ReadJson(JsonElement element);
}
