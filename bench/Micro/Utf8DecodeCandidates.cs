using System;
using System.Runtime.CompilerServices;
using System.Text;
using ProtocolGen.Internal;

namespace ProtocolGen.Benchmarks.Micro;

/// <summary>
/// Strict UTF-8 decoders and validators built on the runtime's vectorised <see cref="Utf8Validator"/> and
/// <see cref="Utf8Transcoder"/>, measured by <see cref="Utf8DecodeCandidateBenchmarks"/> against the BCL's.
/// </summary>
public static class Utf8DecodeCandidates
{
    /// <summary>ASCII checked and widened as today; other text validated by the lookup algorithm, then transcoded unchecked.</summary>
    public static string? AsciiThenValidateThenTranscode(ReadOnlySpan<byte> bytes) =>
        Ascii.IsValid(bytes) ? Encoding.Latin1.GetString(bytes) : ValidateThenTranscode(bytes);

    /// <summary>Validated by the lookup algorithm, then transcoded unchecked into a stack buffer (not zeroed) and copied into the string.</summary>
    [SkipLocalsInit]
    public static string? ValidateThenTranscode(ReadOnlySpan<byte> bytes)
    {
        if (!Utf8Validator.IsValid(bytes))
        {
            return null;
        }

        if (bytes.Length > 496)
        {
            var rented = new char[bytes.Length + 16];
            return new string(rented, 0, Utf8Transcoder.Transcode(bytes, rented));
        }

        Span<char> chars = stackalloc char[512];
        return new string(chars.Slice(0, Utf8Transcoder.Transcode(bytes, chars)));
    }

    /// <summary>The unchecked transcoder alone, into <paramref name="chars"/> (for text already validated).</summary>
    public static int TranscodeValidated(ReadOnlySpan<byte> bytes, Span<char> chars) => Utf8Transcoder.Transcode(bytes, chars);

    /// <summary>The lookup validator with 128-bit vectors only.</summary>
    public static bool IsValid128(ReadOnlySpan<byte> bytes) => Utf8Validator.IsValidVector128(bytes);

    /// <summary>The lookup validator, 256-bit vectors where the text is long enough.</summary>
    public static bool IsValid(ReadOnlySpan<byte> bytes) => Utf8Validator.IsValid(bytes);
}
