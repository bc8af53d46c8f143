using System;
using System.Text.Json;

namespace ProtocolGen.Cli.Decode;

/// <summary>
/// The JSON object that stands for a bad frame: <c>"error"</c> (the kind's wire name), <c>"offset"</c>,
/// <c>"type"</c> and <c>"length"</c> (the declared body length; null where the header has none), then the
/// packet's name, when the type byte names one, a message, and <c>"raw"</c>: the frame's bytes as lowercase
/// hex, header included, which <c>encode</c> writes back verbatim. A frame over the size cap has no
/// <c>"raw"</c>: its bytes are skipped, never held. It has no <c>"kind"</c>, so it can never be mistaken for a packet.
/// </summary>
internal static class ErrorJson
{
    public const string ErrorProperty = "error";

    public static void Write(Utf8JsonWriter writer, ProtocolError error, ReadOnlySpan<byte> bytes)
    {
        writer.WriteStartObject();
        writer.WriteString(ErrorProperty, ProtocolErrorKinds.ToWireName(error.Kind));
        writer.WriteNumber("offset", error.Offset);
        WriteNumberOrNull(writer, "type", error.PacketType);
        WriteNumberOrNull(writer, "length", error.DeclaredLength);
        if (error.PacketName is { } name)
        {
            writer.WriteString("packet", name);
        }

        writer.WriteString("message", error.Message);
        if (FrameBytes.IsWholeFrame(error))
        {
            writer.WriteString(FrameBytes.RawProperty, Convert.ToHexStringLower(bytes));
        }

        writer.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
