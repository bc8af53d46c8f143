using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProtocolGen.Cli.Decode;

/// <summary>
/// Prints each frame as one JSON object on a line of its own: a packet in its union's canonical JSON form
/// (<c>"kind"</c> first, then its fields by wire name), or an error object that <c>encode</c> skips.
/// </summary>
/// <typeparam name="TUnion">The union the frames belong to.</typeparam>
internal sealed class JsonLinesFrameWriter<TUnion> : IFrameWriter<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Output for people and tools, not for embedding in HTML: print text as it is.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Stream _output;
    private readonly Utf8JsonWriter _json;

    public JsonLinesFrameWriter(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(output, Options);
    }

    public void Write(in FrameResult<TUnion> frame)
    {
        if (frame.IsPacket)
        {
            TUnion.WriteJson(_json, frame.Packet);
        }
        else
        {
            ErrorJson.Write(_json, frame.Error);
        }

        _json.Flush();
        _json.Reset();
        _output.WriteByte((byte)'\n');
    }

    public void Dispose()
    {
        _json.Dispose();
        _output.Dispose();
    }
}
