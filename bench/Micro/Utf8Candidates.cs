using System;
using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ProtocolGen.Benchmarks.Micro;

/// <summary>
/// Ways to turn strict UTF-8 into a string (invalid input must be refused, never replaced) and a string into
/// UTF-8, measured by <see cref="Utf8CandidateBenchmarks"/>; the hand-written baseline uses the fastest
/// (<see cref="Baselines.StrictUtf8"/>).
/// </summary>
public static class Utf8Candidates
{
    private static readonly UTF8Encoding s_throwing = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>What the generated code does today: validate, then decode (which counts, then transcodes).</summary>
    public static string? IsValidThenGetString(ReadOnlySpan<byte> bytes) =>
        Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>A throwing encoding: one counting-and-validating pass and one transcoding pass; bad input costs an exception.</summary>
    public static string? ThrowingGetString(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return s_throwing.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>One validating transcode into a stack buffer, then one copy into the string.</summary>
    public static string? ToUtf16ThenCopy(ReadOnlySpan<byte> bytes)
    {
        char[]? rented = null;
        var chars = bytes.Length <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(bytes.Length));
        try
        {
            return Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done
                ? new string(chars.Slice(0, written))
                : null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// ASCII first: validate and widen straight into the new string in one pass (<see cref="Ascii.ToUtf16"/> stops
    /// at the first byte that is not ASCII); other text goes through <see cref="ToUtf16ThenCopy"/>.
    /// </summary>
    public static string? AsciiThenToUtf16(ReadOnlySpan<byte> bytes)
    {
        var text = string.Create(bytes.Length, bytes, static (chars, source) =>
        {
            if (Ascii.ToUtf16(source, chars, out _) != OperationStatus.Done)
            {
                chars[0] = '\uFFFF'; // marks the string as not ASCII; it is dropped below
            }
        });

        return text.Length == 0 || text[0] != '\uFFFF' ? text : ToUtf16ThenCopy(bytes);
    }

    /// <summary>Validate as ASCII (vectorized), widen with the Latin-1 decoder; other text through <see cref="ToUtf16ThenCopy"/>.</summary>
    public static string? AsciiIsValidThenLatin1(ReadOnlySpan<byte> bytes) =>
        Ascii.IsValid(bytes) ? Encoding.Latin1.GetString(bytes) : ToUtf16ThenCopy(bytes);

    /// <summary>What the generated writer does today: count, then encode.</summary>
    public static int CountThenGetBytes(string text, Span<byte> destination)
    {
        var count = Encoding.UTF8.GetByteCount(text);
        return Encoding.UTF8.GetBytes(text, destination.Slice(0, count));
    }

    /// <summary>One pass straight into the destination when it has room for the worst case (3 bytes per char).</summary>
    public static int FromUtf16(string text, Span<byte> destination)
    {
        if (destination.Length >= text.Length * 3L)
        {
            Utf8.FromUtf16(text, destination, out _, out var written, replaceInvalidSequences: true);
            return written;
        }

        return CountThenGetBytes(text, destination);
    }

    /// <summary>ASCII first: narrow in one pass (it stops at the first char that is not ASCII), else one UTF-8 pass.</summary>
    public static int AsciiThenFromUtf16(string text, Span<byte> destination)
    {
        if (destination.Length >= text.Length && Ascii.FromUtf16(text, destination, out var written) == OperationStatus.Done)
        {
            return written;
        }

        return FromUtf16(text, destination);
    }
}
