using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using ProtocolGen.Cli.Decode;
using ProtocolGen.Framing;
using ProtocolGen.Json;

namespace ProtocolGen.Cli.Encode;

/// <summary>
/// Turns JSON Lines (the form <c>decode --json</c> prints) into frames, one line at a time, so that decoding
/// and encoding again gives back the input bytes: a packet line becomes its frame, with its
/// <c>"trailing"</c> bytes (a newer peer's fields) inside it; an error line's <c>"raw"</c> bytes are
/// written verbatim. Only an error line without <c>"raw"</c> (a frame over the size cap, whose bytes were
/// never held) is skipped.
/// </summary>
/// <remarks>
/// Input is strict: each line must be valid UTF-8 (no overlong forms, no encoded surrogates) holding one JSON
/// object with known properties, each once. A bad line is reported by number and field and skipped; the
/// lines around it are still encoded. A line longer than <see cref="MaxLineLength"/> is skipped unread, so
/// the memory one line costs is bounded.
/// </remarks>
/// <typeparam name="TUnion">The union the packets belong to.</typeparam>
internal sealed class JsonLinesEncoder<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    /// <summary>
    /// The longest line read: the JSON of the largest frame the decoder accepts, with room for the 6 characters
    /// a <c>\u00XX</c> escape takes per byte of text, and 64 KiB for the rest of the line.
    /// </summary>
    public const int MaxLineLength = 6 * FrameDecoderOptions.DefaultMaxBodyLength + 64 * 1024;

    // What an error line may hold; only "raw" is read back.
    private static readonly string[] s_errorLineProperties = [ErrorJson.ErrorProperty, "offset", "type", "length", "packet", "message", FrameBytes.RawProperty];

    private readonly Stream _output;
    private readonly bool _allowRaw;
    private readonly ArrayBufferWriter<byte> _frame = new();
    private readonly ArrayBufferWriter<byte> _withoutTrailing = new();
    private long _packets;
    private long _rawFrames;
    private long _skippedErrors;

    /// <param name="output">Where the frames go.</param>
    /// <param name="allowRaw">
    /// Whether an error line's <c>"raw"</c> bytes are written verbatim. Without it such a line is a bad line:
    /// bytes nobody checked must not reach a device as a command.
    /// </param>
    public JsonLinesEncoder(Stream output, bool allowRaw = true)
    {
        _output = output;
        _allowRaw = allowRaw;
    }

    /// <summary>Lines that could not be encoded.</summary>
    public long BadLines { get; private set; }

    /// <summary>
    /// Encodes every line of <paramref name="input"/>, reporting each bad one to <paramref name="report"/>, and
    /// <paramref name="progress"/> after each line with the bytes and lines read so far.
    /// </summary>
    public void EncodeAll(Stream input, Action<string> report, Action<long, long>? progress = null, int maxLineLength = MaxLineLength)
    {
        var lines = new JsonLineReader(input, maxLineLength);
        var lineNumber = 0L;
        while (lines.TryReadLine(out var line, out var skipped))
        {
            lineNumber++;
            var problem = skipped > 0
                ? LineTooLong(lineNumber, skipped, maxLineLength)
                : TryEncode(line, lineNumber);
            if (problem is not null)
            {
                report(problem);
            }

            progress?.Invoke(lines.BytesRead, lineNumber);
        }
    }

    /// <summary>Encodes one line (UTF-8, without its line end); returns a message naming the line and field when it cannot.</summary>
    public string? TryEncode(ReadOnlyMemory<byte> line, long lineNumber)
    {
        if (line.Span.TrimStart(" \t"u8).IsEmpty)
        {
            return null;
        }

        if (InvalidUtf8At(line.Span) is var invalid and >= 0)
        {
            BadLines++;
            return string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: not valid UTF-8 at column {invalid + 1} (byte 0x{line.Span[invalid]:x2})");
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WireJsonException(string.Empty, "expected a JSON object per line");
            }

            if (IsErrorLine(root))
            {
                CheckErrorLine(root);
                WriteRaw(root);
                return null;
            }

            var packet = ReadPacket(line.Span, root, out var trailing);
            if (trailing.Length > 0 && TUnion.FrameFormat != FrameFormat.TypeAndLength32)
            {
                throw new WireJsonException(FrameBytes.TrailingProperty, "frames without a length cannot carry bytes after their fields");
            }

            _frame.ResetWrittenCount();
            FrameEncoder.Write(packet, trailing, _frame);
            _output.Write(_frame.WrittenSpan);
            _packets++;
            return null;
        }
        catch (WireJsonException e)
        {
            BadLines++;
            return string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: field '{e.Field}': {e.Problem}");
        }
        catch (JsonException e)
        {
            BadLines++;
            return string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: not valid JSON at column {e.BytePositionInLine + 1}");
        }
        catch (ArgumentException e)
        {
            // A value JSON can hold but the wire cannot (text too long for its length prefix, say).
            BadLines++;
            return string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: cannot be encoded: {Shorten(e.Message)}");
        }
        catch (Exception e) when (e is not IOException and not OutOfMemoryException)
        {
            // The last resort: whatever one line does, it costs only that line, never the run. (Output errors
            // still end it: they are not the line's fault.)
            BadLines++;
            return string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: cannot be encoded ({e.GetType().Name}): {Shorten(e.Message)}");
        }
    }

    /// <summary>What was written, for standard error.</summary>
    public string Summary(string source) => string.Create(
        CultureInfo.InvariantCulture,
        $"{source}: wrote {_packets} packets and {_rawFrames} bad frames verbatim; skipped {_skippedErrors} error lines without raw bytes; {BadLines} bad lines");

    private string LineTooLong(long lineNumber, long length, int maxLineLength)
    {
        BadLines++;
        return string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: {length} bytes long, over the {maxLineLength}-byte limit for one line; skipped unread");
    }

    // The packet, and the bytes of its "trailing" property (a newer peer's fields), which is the only property a
    // line may add to the packet's own JSON form. The packet is read from the line's bytes with that member cut
    // out by its byte offsets: the other members are copied as written, never decoded and written again (a
    // lone surrogate escape would throw from the writer instead of being reported by the field's own check).
    private TUnion ReadPacket(ReadOnlySpan<byte> line, JsonElement root, out byte[] trailing)
    {
        if (!WireJson.TryGetProperty(root, FrameBytes.TrailingProperty, out _))
        {
            trailing = [];
            return TUnion.ReadJson(root);
        }

        var reader = new Utf8JsonReader(line);
        reader.Read();
        var kept = 0;
        var seen = false;
        _withoutTrailing.ResetWrittenCount();
        _withoutTrailing.Write("{"u8);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var start = checked((int)reader.TokenStartIndex);
            var isTrailing = IsTrailingName(ref reader);
            reader.Skip();
            var member = line[start..checked((int)reader.BytesConsumed)];
            if (isTrailing)
            {
                seen = seen ? throw new WireJsonException(FrameBytes.TrailingProperty, "appears more than once; give each field once") : true;
                continue;
            }

            _withoutTrailing.Write(kept++ == 0 ? [] : ","u8);
            _withoutTrailing.Write(member);
        }

        _withoutTrailing.Write("}"u8);
        trailing = WireJson.GetHex(root, FrameBytes.TrailingProperty);
        using var packet = JsonDocument.Parse(_withoutTrailing.WrittenMemory);
        return TUnion.ReadJson(packet.RootElement);
    }

    private static bool IsTrailingName(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.ValueTextEquals(FrameBytes.TrailingProperty);
        }
        catch (InvalidOperationException)
        {
            throw new WireJsonException("(a name that is not valid text)", "is a property name that is not valid text: a lone surrogate escape");
        }
    }

    // The index of the first byte that does not start a valid UTF-8 sequence (overlong forms and encoded
    // surrogates included), or -1 when the whole line is valid.
    private static int InvalidUtf8At(ReadOnlySpan<byte> line)
    {
        if (System.Text.Unicode.Utf8.IsValid(line))
        {
            return -1;
        }

        var index = 0;
        while (Rune.DecodeFromUtf8(line.Slice(index), out _, out var consumed) == OperationStatus.Done)
        {
            index += consumed;
        }

        return index;
    }

    private static string Shorten(string message) => message.Length <= 200 ? message : message.Substring(0, 200) + "...";

    private static bool IsErrorLine(JsonElement root) =>
        WireJson.TryGetProperty(root, ErrorJson.ErrorProperty, out _)
        && !WireJson.TryGetProperty(root, WireJson.KindProperty, out _);

    // An error line holds what decode --json writes, each field once and of its own type.
    private static void CheckErrorLine(JsonElement errorLine)
    {
        WireJson.CheckMembers(errorLine, s_errorLineProperties);
        foreach (var property in errorLine.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            var ok = name switch
            {
                "offset" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var offset) && offset >= 0,
                "type" or "length" => value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= 0),
                _ => value.ValueKind == JsonValueKind.String,
            };
            if (!ok)
            {
                throw new WireJsonException(name, name switch
                {
                    "offset" => "expected a byte offset: an integer, 0 or more",
                    "type" or "length" => "expected an integer, 0 or more, or null",
                    _ => "expected a string",
                });
            }
        }
    }

    private void WriteRaw(JsonElement errorLine)
    {
        if (!WireJson.TryGetProperty(errorLine, FrameBytes.RawProperty, out _))
        {
            _skippedErrors++;
            return;
        }

        if (!_allowRaw)
        {
            throw new WireJsonException(FrameBytes.RawProperty, "is refused here: its bytes are not a checked command and must not reach the device; give --allow-raw to write them verbatim");
        }

        _output.Write(WireJson.GetHex(errorLine, FrameBytes.RawProperty));
        _rawFrames++;
    }
}
