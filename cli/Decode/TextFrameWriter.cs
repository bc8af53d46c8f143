using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProtocolGen.Cli.Decode;

/// <summary>
/// Prints each frame as one readable line: its offset, its kind, then <c>field=value</c> pairs. The pairs
/// are read off the packet's canonical JSON form, so text and JSON output always agree; bytes a newer peer
/// appended after the fields follow as <c>trailing=</c> hex.
/// </summary>
/// <typeparam name="TUnion">The union the frames belong to.</typeparam>
internal sealed class TextFrameWriter<TUnion> : IFrameWriter<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    private readonly TextWriter _output;
    private readonly ArrayBufferWriter<byte> _jsonBuffer = new();
    private readonly Utf8JsonWriter _json;
    private readonly StringBuilder _line = new();

    public TextFrameWriter(TextWriter output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_jsonBuffer);
    }

    public void Write(in FrameResult<TUnion> frame, ReadOnlySpan<byte> bytes)
    {
        _line.Clear();
        _line.Append(CultureInfo.InvariantCulture, $"{frame.Offset,10}  ");
        if (frame.IsPacket)
        {
            _jsonBuffer.ResetWrittenCount();
            _json.Reset();
            TUnion.WriteJson(_json, frame.Packet);
            _json.Flush();
            AppendPacket(_jsonBuffer.WrittenSpan);
            if (FrameBytes.Trailing(frame, bytes) is { IsEmpty: false } trailing)
            {
                _line.Append(' ').Append(FrameBytes.TrailingProperty).Append('=').Append(Convert.ToHexStringLower(trailing));
            }
        }
        else
        {
            _line.Append("error ").Append(ProtocolErrorKinds.ToWireName(frame.Error.Kind)).Append(": ").Append(frame.Error.Message);
        }

        _output.WriteLine(_line);
    }

    public void Dispose()
    {
        _json.Dispose();
        _output.Dispose();
    }

    private void AppendPacket(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var first = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (first && name == "kind")
            {
                _line.Append(reader.GetString());
            }
            else
            {
                _line.Append(' ').Append(name).Append('=');
                AppendValue(ref reader);
            }

            first = false;
        }
    }

    private void AppendValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                _line.Append('{');
                var firstProperty = true;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    _line.Append(firstProperty ? string.Empty : " ").Append(reader.GetString()).Append('=');
                    reader.Read();
                    AppendValue(ref reader);
                    firstProperty = false;
                }

                _line.Append('}');
                break;

            case JsonTokenType.StartArray:
                _line.Append('[');
                var firstElement = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    _line.Append(firstElement ? string.Empty : ", ");
                    AppendValue(ref reader);
                    firstElement = false;
                }

                _line.Append(']');
                break;

            case JsonTokenType.String:
                AppendText(reader.GetString()!);
                break;

            default:
                // Numbers, booleans and null print as their JSON text.
                _line.Append(Encoding.UTF8.GetString(reader.ValueSpan));
                break;
        }
    }

    private void AppendText(string text)
    {
        // Quote only text that would not read as one value: empty, or holding spaces, quotes or brackets.
        if (text.Length > 0 && text.AsSpan().IndexOfAny(" \"=[]{},\t\r\n") < 0)
        {
            _line.Append(text);
        }
        else
        {
            _line.Append('"').Append(JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(text)).Append('"');
        }
    }
}
