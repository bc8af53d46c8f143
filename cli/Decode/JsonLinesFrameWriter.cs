using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Json;
using ProtocolGen.Framing;

namespace ProtocolGen.Cli.Decode;

/// <summary>
/// Prints each frame as one JSON object on a line of its own: a packet in its union's canonical JSON form
/// (<c>"kind"</c> first, then its fields by wire name, then <c>"trailing"</c> when a newer peer appended
/// bytes), or an error object with the bad frame's <c>"raw"</c> bytes. <c>encode</c> turns each line back
/// into the very bytes it came from.
/// </summary>
/// <typeparam name="TUnion">The union the frames belong to.</typeparam>
internal sealed class JsonLinesFrameWriter<TUnion> : IFrameWriter<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Output for people and tools, not for embedding in HTML: print text as it is, but never a control,
        // bidi or other invisible format character raw (see TerminalSafeText).
        Encoder = TerminalSafeJsonEncoder.Instance,
    };

    private readonly Stream _output;
    private readonly Utf8JsonWriter _json;
    private readonly ArrayBufferWriter<byte> _packetBuffer = new();
    private readonly Utf8JsonWriter _packetJson;

    public JsonLinesFrameWriter(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(output, Options);
        _packetJson = new Utf8JsonWriter(_packetBuffer, Options);
    }

    public void Write(in FrameResult<TUnion> frame, ReadOnlySpan<byte> bytes)
    {
        if (!frame.IsPacket)
        {
            ErrorJson.Write(_json, frame.Error, bytes);
        }
        else if (FrameBytes.Trailing(frame, bytes) is { IsEmpty: false } trailing)
        {
            WriteWithTrailing(frame.Packet, trailing);
        }
        else
        {
            TUnion.WriteJson(_json, frame.Packet);
        }

        _json.Flush();
        _json.Reset();
        _output.WriteByte((byte)'\n');
    }

    public void Dispose()
    {
        _packetJson.Dispose();
        _json.Dispose();
        _output.Dispose();
    }

    /// <summary>
    /// Writes the packet's object with <c>"trailing"</c> as its last property. The union writes whole objects,
    /// so this one goes through a buffer and is reopened before its closing brace; only frames that a newer
    /// peer lengthened take this path.
    /// </summary>
    private void WriteWithTrailing(TUnion packet, ReadOnlySpan<byte> trailing)
    {
        _packetBuffer.ResetWrittenCount();
        _packetJson.Reset();
        TUnion.WriteJson(_packetJson, packet);
        _packetJson.Flush();

        var withoutClosingBrace = _packetBuffer.WrittenSpan[..^1];
        _output.Write(withoutClosingBrace);
        _output.Write(Encoding.ASCII.GetBytes($",\"{FrameBytes.TrailingProperty}\":\"{Convert.ToHexStringLower(trailing)}\"}}"));
    }
}
