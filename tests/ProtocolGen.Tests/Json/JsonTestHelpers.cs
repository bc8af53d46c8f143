using System.IO;
using System.Text;
using System.Text.Json;

namespace ProtocolGen.Tests.Json;

internal static class JsonTestHelpers
{
    public static string ToJson<TUnion>(TUnion packet)
        where TUnion : IPacketUnion<TUnion>
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            TUnion.WriteJson(writer, packet);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static TUnion FromJson<TUnion>(string json)
        where TUnion : IPacketUnion<TUnion>
    {
        using var document = JsonDocument.Parse(json);
        return TUnion.ReadJson(document.RootElement);
    }
}
