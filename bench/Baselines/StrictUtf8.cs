using System;
using ProtocolGen.Benchmarks.Micro;

namespace ProtocolGen.Benchmarks.Baselines;

/// <summary>
/// The strict UTF-8 the hand-written baseline uses: the fastest candidates of <see cref="Utf8Candidates"/> as
/// measured by <c>Utf8CandidateBenchmarks</c> on this machine, on ASCII and on multi-byte lines alike: decode
/// checks for ASCII (vectorized) and widens it, and transcodes anything else once into a stack buffer; encode
/// narrows ASCII in one pass and transcodes anything else once, straight into the destination. Invalid text is
/// refused (null), never replaced, exactly as the generated reader refuses it.
/// </summary>
public static class StrictUtf8
{
    /// <summary>The text, or null when <paramref name="bytes"/> is not valid UTF-8.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes) => Utf8Candidates.AsciiIsValidThenLatin1(bytes);

    /// <summary>Writes <paramref name="text"/> as UTF-8 (a lone surrogate as U+FFFD, as the generated writer does) and returns the byte count.</summary>
    public static int Encode(string text, Span<byte> destination) => Utf8Candidates.AsciiThenFromUtf16(text, destination);
}
