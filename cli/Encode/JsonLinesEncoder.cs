using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace ProtocolGen.Cli.Encode;

/// <summary>
/// Turns JSON Lines (the form <c>decode --json</c> prints) into frames, one line at a time. An error line,
/// which stands for a bad frame and holds no packet, is skipped: its bytes are not known, so re-encoding a
/// capture reproduces every good frame and leaves the bad ones out.
/// </summary>
/// <typeparam name="TUnion">The union the packets belong to.</typeparam>
internal sealed class JsonLinesEncoder<TUnion>
    where TUnion : IPacketUnion<TUnion>
{
    private readonly Stream _output;
    private readonly ArrayBufferWriter<byte> _frame = new();
    private long _frames;
    private long _skippedErrors;

    public JsonLinesEncoder(Stream output) => _output = output;

    /// <summary>Bytes of text read so far, roughly (for progress).</summary>
    public long BytesRead { get; private set; }

    /// <summary>Lines that could not be encoded.</summary>
    public long BadLines { get; private set; }

    /// <summary>Encodes one line; returns a message naming the line and field when it cannot.</summary>
    public string? TryEncode(string line, long lineNumber)
    {
        BytesRead += line.Length + 1;
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
                _skippedErrors++;
                return null;
            }

            var packet = TUnion.ReadJson(root);
            _frame.ResetWrittenCount();
            FrameEncoder.Write(packet, _frame);
            _output.Write(_frame.WrittenSpan);
            _frames++;
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
        $"{source}: wrote {_frames} frames; skipped {_skippedErrors} error lines; {BadLines} bad lines");

    private static bool IsErrorLine(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty(Decode.ErrorJson.ErrorProperty, out _)
        && !root.TryGetProperty("kind", out _);
}
