using System.Text.Json;

namespace ProtocolGen.Json;

/// <summary>A value with a canonical JSON form (fields under their protocol names, snake_case).</summary>
public interface IJsonWritable
{
    /// <summary>Writes this value as one JSON value: an object for records, a string for addresses.</summary>
    void WriteJson(Utf8JsonWriter writer);
}
