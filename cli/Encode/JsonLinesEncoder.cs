using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using ProtocolGen.Cli.Decode;

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
    private readonly ArrayBufferWriter<byte> _frame = new();
    private readonly ArrayBufferWriter<byte> _withoutTrailing = new();
    private long _packets;
    private long _rawFrames;
    private long _skippedErrors;

    public JsonLinesEncoder(Stream output) => _output = output;

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
                WireJson.CheckMembers(root, s_errorLineProperties);
                WriteRaw(root);
                return null;
            }

            var packet = ReadPacket(root, out var trailing);
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
    // line may add to the packet's own JSON form: the packet is read from a copy of the object without it.
    private TUnion ReadPacket(JsonElement root, out byte[] trailing)
    {
        if (!WireJson.TryGetProperty(root, FrameBytes.TrailingProperty, out _))
        {
            trailing = [];
            return TUnion.ReadJson(root);
        }

        trailing = [];
        var seen = false;
        _withoutTrailing.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_withoutTrailing))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                if (!WireJson.NameEquals(property, FrameBytes.TrailingProperty))
                {
                    property.WriteTo(writer);
                    continue;
                }

                if (seen)
                {
                    throw new WireJsonException(FrameBytes.TrailingProperty, "appears more than once; give each field once");
                }

                seen = true;
                trailing = WireJson.GetHex(root, FrameBytes.TrailingProperty);
            }

            writer.WriteEndObject();
        }

        using var packet = JsonDocument.Parse(_withoutTrailing.WrittenMemory);
        return TUnion.ReadJson(packet.RootElement);
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

    private void WriteRaw(JsonElement errorLine)
    {
        if (!WireJson.TryGetProperty(errorLine, FrameBytes.RawProperty, out _))
        {
            _skippedErrors++;
            return;
        }

        _output.Write(WireJson.GetHex(errorLine, FrameBytes.RawProperty));
        _rawFrames++;
    }
}
