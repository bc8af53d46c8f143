using System.Text.Json;

namespace ProtocolGen.Json;

/// <summary>A wire type's canonical JSON form, both ways. Every <see cref="IWireStruct{TSelf}"/> has one.</summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IWireJson<TSelf> : IJsonWritable
    where TSelf : IWireJson<TSelf>
{
    /// <summary>Reads a value from its JSON form, or throws <see cref="WireJsonException"/> naming the bad field.</summary>
    static abstract TSelf ReadJson(JsonElement element);
}
