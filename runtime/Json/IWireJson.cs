using System.Text.Json;

namespace ProtocolGen.Json;

/// <summary>
/// A wire type's canonical JSON form, both ways. Generated records and the runtime's values implement it beside
/// <see cref="IWireStruct{TSelf}"/>; a codec of one's own need not.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IWireJson<TSelf> : IJsonWritable
    where TSelf : IWireJson<TSelf>
{
    /// <summary>Reads a value from its JSON form, or throws <see cref="WireJsonException"/> naming the bad field.</summary>
    static abstract TSelf ReadJson(JsonElement element);
}
