using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace ProtocolGen;

/// <summary>
/// Strict UTF-8 both ways for generated codecs: invalid UTF-8 is refused on reading (never replaced), and text that
/// is not valid UTF-16 is refused on writing (never written as U+FFFD), without throwing on the read side.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireText
{
    // Throws on a lone surrogate instead of counting a replacement character.
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="utf8"/>; false when it is not valid UTF-8.</summary>
    /// <remarks>
    /// ASCII, most log text, is checked and widened (two vectorised passes); anything else is validated and then
    /// transcoded. bench/Micro/Utf8DecodeBenchmarks.cs measures the candidates.
    /// </remarks>
    public static bool TryDecode(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out string? text)
    {
        if (Ascii.IsValid(utf8))
        {
            text = Encoding.Latin1.GetString(utf8);
            return true;
        }

        if (Utf8.IsValid(utf8))
        {
            text = Encoding.UTF8.GetString(utf8);
            return true;
        }

        text = null;
        return false;
    }

    /// <summary>The UTF-8 size of <paramref name="text"/>; null or invalid UTF-16 throws <see cref="WireEncodeException"/> naming <paramref name="field"/>.</summary>
    public static int Count(string? text, string field)
    {
        if (text is null)
        {
            throw WireEncodeException.Null(field);
        }

        try
        {
            return Strict.GetByteCount(text);
        }
        catch (EncoderFallbackException e)
        {
            throw WireEncodeException.InvalidText(field, e.Index);
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> (already counted by <see cref="Count"/>) as UTF-8 at the start of
    /// <paramref name="destination"/> and returns the bytes written.
    /// </summary>
    public static int Write(string text, Span<byte> destination, string field)
    {
        var status = Utf8.FromUtf16(text, destination, out _, out var written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            // Only a caller that skipped WireSize gets here; the text is refused rather than altered.
            throw status == System.Buffers.OperationStatus.InvalidData
                ? WireEncodeException.InvalidText(field, 0)
                : new ArgumentException("The destination is shorter than the value's WireSize.", nameof(destination));
        }

        return written;
    }
}
