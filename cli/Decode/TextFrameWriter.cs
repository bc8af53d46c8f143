using System;
using System.Buffers;
using System.Buffers.Text;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ProtocolGen.Framing;

namespace ProtocolGen.Cli.Decode;

/// <summary>
/// Prints each frame as one readable line: its offset, its kind, then <c>field=value</c> pairs. The pairs
/// are read off the packet's canonical JSON form, so text and JSON output always agree; bytes a newer peer
/// appended after the fields follow as <c>trailing=</c> hex.
/// </summary>
/// <remarks>
/// The line is built as UTF-8 bytes straight from the JSON tokens (names and values are copied, strings
/// unescaped in place), with no string per value, so text output costs about what JSON output does.
/// </remarks>
/// <typeparam name="TUnion">The union the frames belong to.</typeparam>
internal sealed class TextFrameWriter<TUnion> : IFrameWriter<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    private const int OffsetWidth = 10;

    // The bytes that would break a value out of its "name=value" pair: such text is quoted.
    private static readonly SearchValues<byte> NeedsQuotes = SearchValues.Create(" \"=[]{},\t\r\n"u8);

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _jsonBuffer = new();
    private readonly Utf8JsonWriter _json;
    private readonly ArrayBufferWriter<byte> _line = new();
    private byte[] _text = new byte[256];

    public TextFrameWriter(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_jsonBuffer, JsonOptions);
    }

    public void Write(in FrameResult<TUnion> frame, ReadOnlySpan<byte> bytes)
    {
        _line.ResetWrittenCount();
        AppendOffset(frame.Offset);
        if (frame.IsPacket)
        {
            _jsonBuffer.ResetWrittenCount();
            _json.Reset();
            TUnion.WriteJson(_json, frame.Packet);
            _json.Flush();
            AppendPacket(_jsonBuffer.WrittenSpan);
            if (FrameBytes.Trailing(frame, bytes) is { IsEmpty: false } trailing)
            {
                Append((byte)' ');
                Append(FrameBytes.TrailingProperty + "=" + Convert.ToHexStringLower(trailing));
            }
        }
        else
        {
            Append("error " + ProtocolErrorKinds.ToWireName(frame.Error.Kind) + ": " + frame.Error.Message);
        }

        Append((byte)'\n');
        _output.Write(_line.WrittenSpan);
    }

    public void Dispose()
    {
        _json.Dispose();
        _output.Dispose();
    }

    private void AppendOffset(long offset)
    {
        // Right-aligned in ten columns, then two spaces: "{offset,10}  ".
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(offset, digits, out var length);
        var padding = Math.Max(0, OffsetWidth - length);
        var span = _line.GetSpan(padding + length + 2);
        span[..padding].Fill((byte)' ');
        digits[..length].CopyTo(span[padding..]);
        span.Slice(padding + length, 2).Fill((byte)' ');
        _line.Advance(padding + length + 2);
    }

    private void AppendPacket(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var first = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isKind = first && reader.ValueTextEquals("kind"u8);
            if (!isKind)
            {
                Append((byte)' ');
                AppendUnescaped(ref reader);
                Append((byte)'=');
            }

            reader.Read();
            if (isKind)
            {
                AppendUnescaped(ref reader);
            }
            else
            {
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
                Append((byte)'{');
                var firstProperty = true;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (!firstProperty)
                    {
                        Append((byte)' ');
                    }

                    AppendUnescaped(ref reader);
                    Append((byte)'=');
                    reader.Read();
                    AppendValue(ref reader);
                    firstProperty = false;
                }

                Append((byte)'}');
                break;

            case JsonTokenType.StartArray:
                Append((byte)'[');
                var firstElement = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!firstElement)
                    {
                        Append(", "u8);
                    }

                    AppendValue(ref reader);
                    firstElement = false;
                }

                Append((byte)']');
                break;

            case JsonTokenType.String:
                AppendText(ref reader);
                break;

            default:
                // Numbers, booleans and null print as their JSON text.
                Append(reader.ValueSpan);
                break;
        }
    }

    /// <summary>Appends a string or property name as its text, without the JSON escapes.</summary>
    private void AppendUnescaped(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            Append(reader.ValueSpan);
            return;
        }

        // Unescaped text is never longer than its escaped form.
        var written = reader.CopyString(_line.GetSpan(reader.ValueSpan.Length));
        _line.Advance(written);
    }

    private void AppendText(ref Utf8JsonReader reader)
    {
        if (_text.Length < reader.ValueSpan.Length)
        {
            _text = new byte[Math.Max(reader.ValueSpan.Length, _text.Length * 2)];
        }

        var text = _text.AsSpan(0, reader.ValueIsEscaped ? reader.CopyString(_text) : Copy(reader.ValueSpan, _text));

        // Quote only text that would not read as one value: empty, or holding spaces, quotes or brackets.
        if (text.Length > 0 && !text.ContainsAny(NeedsQuotes))
        {
            Append(text);
            return;
        }

        Append((byte)'"');
        while (true)
        {
            var status = JavaScriptEncoder.UnsafeRelaxedJsonEscaping.EncodeUtf8(text, _line.GetSpan(text.Length + 16), out var consumed, out var written);
            _line.Advance(written);
            text = text[consumed..];
            if (status != OperationStatus.DestinationTooSmall)
            {
                break;
            }
        }

        Append((byte)'"');
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }

    private void Append(byte value)
    {
        _line.GetSpan(1)[0] = value;
        _line.Advance(1);
    }

    private void Append(ReadOnlySpan<byte> bytes) => _line.Write(bytes);

    private void Append(string text)
    {
        var span = _line.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        _line.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
