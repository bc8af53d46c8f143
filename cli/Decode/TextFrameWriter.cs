using System;
using System.Buffers;
using System.Buffers.Text;
using System.IO;
using System.Text;
using System.Text.Json;
using ProtocolGen.Framing;

namespace ProtocolGen.Cli.Decode;

/// <summary>
/// Prints each frame as one readable line: its offset, its kind, then <c>field=value</c> pairs. The pairs
/// are read off the packet's canonical JSON form, so text and JSON output always agree; bytes a newer peer
/// appended after the fields follow as <c>trailing=</c> hex. A text value prints as it is unless it is empty,
/// holds a space, quote, <c>=</c>, bracket, brace or comma, or a character <see cref="TerminalSafeText"/> never
/// prints raw: then it is quoted, with the quote, the backslash and those characters escaped as in JSON.
/// </summary>
/// <remarks>
/// The packet's JSON (written with <see cref="TerminalSafeJsonEncoder"/>, so a string with no escape in it holds
/// nothing to escape) is turned into the line in one pass over its bytes, straight into a 64 KB batch that goes to
/// the output when full: no string, reader or stream call per value, so text output costs about what JSON does.
/// The JSON is the compact form <see cref="Utf8JsonWriter"/> writes, so the pass need not be a general parser.
/// </remarks>
/// <typeparam name="TUnion">The union the frames belong to.</typeparam>
internal sealed class TextFrameWriter<TUnion> : IFrameWriter<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    private const int OffsetWidth = 10;
    private const int BatchSize = 64 * 1024;

    // The bytes that would break a value out of its "name=value" pair: such text is quoted.
    private static readonly SearchValues<byte> NeedsQuotes = SearchValues.Create(" \"=[]{},\t\r\n"u8);
    private static readonly SearchValues<byte> QuoteOrBackslash = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> EndOfLiteral = SearchValues.Create(",}]"u8);

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = TerminalSafeJsonEncoder.Instance };

    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _jsonBuffer = new();
    private readonly Utf8JsonWriter _json;
    private byte[] _batch = new byte[BatchSize];
    private int _batched;
    private byte[] _text = new byte[256];

    /// <param name="output">Where the batches go; give it unbuffered, the batch is the buffer.</param>
    public TextFrameWriter(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_jsonBuffer, JsonOptions);
    }

    public void Write(in FrameResult<TUnion> frame, ReadOnlySpan<byte> bytes)
    {
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
                Append(" "u8);
                Append(FrameBytes.TrailingProperty + "=" + Convert.ToHexStringLower(trailing));
            }
        }
        else
        {
            Append("error "u8);
            Append(ProtocolErrorKinds.ToWireName(frame.Error.Kind));
            Append(": "u8);
            AppendEscaped(Encoding.UTF8.GetBytes(frame.Error.Message), json: false);
        }

        Append("\n"u8);
    }

    public void Dispose()
    {
        try
        {
            FlushBatch();
        }
        finally
        {
            _json.Dispose();
            _output.Dispose();
        }
    }

    private void AppendOffset(long offset)
    {
        // Right-aligned in ten columns, then two spaces: "{offset,10}  ".
        var span = Reserve(32);
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(offset, digits, out var length);
        var padding = Math.Max(0, OffsetWidth - length);
        span[..padding].Fill((byte)' ');
        digits[..length].CopyTo(span[padding..]);
        span.Slice(padding + length, 2).Fill((byte)' ');
        _batched += padding + length + 2;
    }

    /// <summary>The top-level object: <c>{"kind":"K","a":1,...}</c> becomes <c>K a=1 ...</c>.</summary>
    private void AppendPacket(ReadOnlySpan<byte> json)
    {
        var at = 1;
        var first = true;
        while (json[at] == (byte)'"')
        {
            var name = StringBody(json, at, out _);
            at += name.Length + 3;
            if (first && name.SequenceEqual("kind"u8) && json[at] == (byte)'"')
            {
                var kind = StringBody(json, at, out _);
                Append(kind);
                at += kind.Length + 2;
            }
            else
            {
                Append(" "u8);
                Append(name);
                Append("="u8);
                at = AppendValue(json, at);
            }

            first = false;
            if (json[at] == (byte)',')
            {
                at++;
            }
        }
    }

    /// <summary>Appends the JSON value at <paramref name="at"/> in the text form; returns the index after it.</summary>
    private int AppendValue(ReadOnlySpan<byte> json, int at)
    {
        switch (json[at])
        {
            case (byte)'{':
                // {"a":1,"b":2} becomes {a=1 b=2}.
                Append("{"u8);
                at++;
                while (json[at] != (byte)'}')
                {
                    if (json[at] == (byte)',')
                    {
                        Append(" "u8);
                        at++;
                    }

                    var name = StringBody(json, at, out _);
                    Append(name);
                    Append("="u8);
                    at = AppendValue(json, at + name.Length + 3);
                }

                Append("}"u8);
                return at + 1;

            case (byte)'[':
                // [1,2] becomes [1, 2].
                Append("["u8);
                at++;
                while (json[at] != (byte)']')
                {
                    if (json[at] == (byte)',')
                    {
                        Append(", "u8);
                        at++;
                    }

                    at = AppendValue(json, at);
                }

                Append("]"u8);
                return at + 1;

            case (byte)'"':
                var body = StringBody(json, at, out var escaped);
                AppendText(json.Slice(at, body.Length + 2), body, escaped);
                return at + body.Length + 2;

            default:
                // Numbers, booleans and null print as their JSON text.
                var end = json[at..].IndexOfAny(EndOfLiteral);
                Append(json.Slice(at, end));
                return at + end;
        }
    }

    /// <summary>
    /// Appends a string value. Its JSON escapes are exactly the quote, the backslash and the characters never
    /// printed raw, so a body without a backslash needs quotes only for a space or bracket, and once quoted the
    /// body is already the quoted text form.
    /// </summary>
    private void AppendText(ReadOnlySpan<byte> token, ReadOnlySpan<byte> body, bool escaped)
    {
        if (!escaped)
        {
            if (body.Length > 0 && !body.ContainsAny(NeedsQuotes))
            {
                Append(body);
                return;
            }

            Append("\""u8);
            Append(body);
            Append("\""u8);
            return;
        }

        // Unescape to see the text itself: only backslashes (C:\dir) print unquoted, as they always have.
        var reader = new Utf8JsonReader(token);
        reader.Read();
        if (_text.Length < body.Length)
        {
            _text = new byte[Math.Max(body.Length, _text.Length * 2)];
        }

        var text = _text.AsSpan(0, reader.CopyString(_text));
        if (!text.ContainsAny(NeedsQuotes) && TerminalSafeText.IndexOfFirstEscaped(text) < 0)
        {
            Append(text);
            return;
        }

        Append("\""u8);
        Append(body);
        Append("\""u8);
    }

    /// <summary>The body of the JSON string whose opening quote is at <paramref name="at"/>, escapes as they are.</summary>
    private static ReadOnlySpan<byte> StringBody(ReadOnlySpan<byte> json, int at, out bool escaped)
    {
        escaped = false;
        var start = at + 1;
        var end = start;
        while (true)
        {
            end += json[end..].IndexOfAny(QuoteOrBackslash);
            if (json[end] == (byte)'"')
            {
                return json[start..end];
            }

            // A backslash: skip it and the character it escapes (the hex digits of \uXXXX need no care).
            escaped = true;
            end += 2;
        }
    }

    /// <summary>Appends UTF-8 text (an error message) unquoted, with what is never printed raw escaped.</summary>
    private void AppendEscaped(ReadOnlySpan<byte> utf8, bool json)
    {
        var written = TerminalSafeText.WriteEscaped(utf8, Reserve(utf8.Length * 6), json);
        _batched += written;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _batch.Length - _batched)
        {
            FlushBatch();
            if (bytes.Length > _batch.Length)
            {
                _output.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(_batch.AsSpan(_batched));
        _batched += bytes.Length;
    }

    private void Append(string ascii)
    {
        var span = Reserve(ascii.Length);
        _batched += Encoding.ASCII.GetBytes(ascii, span);
    }

    /// <summary>Room for <paramref name="length"/> bytes at the end of the batch (a bigger batch if need be).</summary>
    private Span<byte> Reserve(int length)
    {
        if (length > _batch.Length - _batched)
        {
            FlushBatch();
            if (length > _batch.Length)
            {
                // A long trailing run or message: the batch grows to hold it, up to the decoder's frame cap.
                _batch = new byte[length];
            }
        }

        return _batch.AsSpan(_batched);
    }

    private void FlushBatch()
    {
        if (_batched > 0)
        {
            _output.Write(_batch, 0, _batched);
            _batched = 0;
        }
    }
}
