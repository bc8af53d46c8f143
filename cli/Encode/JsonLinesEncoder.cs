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
/// <typeparam name="TUnion">The union the packets belong to.</typeparam>
internal sealed class JsonLinesEncoder<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _frame = new();
    private long _packets;
    private long _rawFrames;
    private long _skippedErrors;

    public JsonLinesEncoder(Stream output) => _output = output;

    /// <summary>Bytes of UTF-8 text read so far, counting one newline per line (for progress).</summary>
    public long BytesRead { get; private set; }

    /// <summary>Lines that could not be encoded.</summary>
    public long BadLines { get; private set; }

    /// <summary>Encodes one line; returns a message naming the line and field when it cannot.</summary>
    public string? TryEncode(string line, long lineNumber)
    {
        BytesRead += Encoding.UTF8.GetByteCount(line) + 1;
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (IsErrorLine(root))
            {
                WriteRaw(root);
                return null;
            }

            var packet = TUnion.ReadJson(root);
            var trailing = root.TryGetProperty(FrameBytes.TrailingProperty, out _)
                ? WireJson.GetHex(root, FrameBytes.TrailingProperty)
                : [];
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
    }

    /// <summary>What was written, for standard error.</summary>
    public string Summary(string source) => string.Create(
        CultureInfo.InvariantCulture,
        $"{source}: wrote {_packets} packets and {_rawFrames} bad frames verbatim; skipped {_skippedErrors} error lines without raw bytes; {BadLines} bad lines");

    private static bool IsErrorLine(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty(ErrorJson.ErrorProperty, out _)
        && !root.TryGetProperty(WireJson.KindProperty, out _);

    private void WriteRaw(JsonElement errorLine)
    {
        if (!errorLine.TryGetProperty(FrameBytes.RawProperty, out _))
        {
            _skippedErrors++;
            return;
        }

        _output.Write(WireJson.GetHex(errorLine, FrameBytes.RawProperty));
        _rawFrames++;
    }
}
