using System;
using System.Buffers;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

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
    /// The fastest strict candidates bench/Micro/Utf8CandidateBenchmarks.cs and Utf8DecodeCandidateBenchmarks.cs
    /// measured here: ASCII, most log text, is checked (vectorised) and widened; anything else is validated by the
    /// vectorised lookup algorithm (<see cref="Utf8Validator"/>, several times the BCL's speed on mixed text) and then
    /// transcoded unchecked (<see cref="Utf8Transcoder"/>) into a stack buffer (a rented one past 496 bytes), then
    /// copied into the string. Nothing throws and a refusal allocates nothing.
    /// </remarks>
    public static bool TryDecode(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out string? text)
    {
        if (Ascii.IsValid(utf8))
        {
            text = Encoding.Latin1.GetString(utf8);
            return true;
        }

        text = Utf8Validator.IsValid(utf8) ? TranscodeValid(utf8) : null;
        return text is not null;
    }

    // Out of line, so the ASCII path above sets up no stack buffer and no try/finally; the buffer is not zeroed, as
    // the transcoder writes every char that is copied out.
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    private static string TranscodeValid(ReadOnlySpan<byte> utf8)
    {
        // UTF-8 never has more UTF-16 units than bytes; the transcoder's vector stores need 16 chars to spare.
        const int Spare = 16;
        char[]? rented = null;
        var chars = utf8.Length <= 512 - Spare ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length + Spare));
        try
        {
            return new string(chars.Slice(0, Utf8Transcoder.Transcode(utf8, chars)));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The UTF-8 size of <paramref name="text"/>; null or invalid UTF-16 throws <see cref="WireEncodeException"/> naming <paramref name="field"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Count(string? text, string field) =>
        // ASCII (checked vectorised) is one byte a char; only other text pays for the strict encoder's count.
        text is not null && AsciiText.IsValid(text) ? text.Length : CountNotAscii(text, field);

    /// <summary>
    /// Writes <paramref name="text"/> (already counted by <see cref="Count"/>) as UTF-8 at the start of
    /// <paramref name="destination"/> and returns the bytes written.
    /// </summary>
    /// <exception cref="WireEncodeException">Null, or not valid UTF-16 (naming the first bad char's index).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(string? text, Span<byte> destination, string field)
    {
        // ASCII narrows in one pass and stops at the block of the first char that is not ASCII; the rest is one
        // strict UTF-8 pass. Only the ASCII case is inlined into the generated writer.
        if (text is null)
        {
            return WriteNotAscii(text, destination, 0, field);
        }

        var narrowed = AsciiText.Narrow(text, destination);
        return narrowed == text.Length ? narrowed : WriteNotAscii(text, destination, narrowed, field);
    }

    private static int CountNotAscii(string? text, string field)
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

    // Text from the block of its first char that is not ASCII (the ASCII before it, narrowed chars, is written).
    private static int WriteNotAscii(string? text, Span<byte> destination, int narrowed, string field)
    {
        if (text is null)
        {
            throw WireEncodeException.Null(field);
        }

        var status = Utf8.FromUtf16(text.AsSpan(narrowed), destination.Slice(narrowed), out var consumed, out var written, replaceInvalidSequences: false);
        written += narrowed;
        if (status != OperationStatus.Done)
        {
            // Only a caller that skipped WireSize gets here; the text is refused rather than altered.
            throw status == OperationStatus.InvalidData
                ? WireEncodeException.InvalidText(field, narrowed + consumed)
                : new ArgumentException("The destination is shorter than the value's WireSize.", nameof(destination));
        }

        return written;
    }
}
