using System;
using ProtocolGen.Benchmarks.Micro;

namespace ProtocolGen.Benchmarks.Baselines;

/// <summary>
/// The strict UTF-8 the baselines use: the fastest candidates of <see cref="Utf8Candidates"/> and
/// <see cref="Utf8DecodeCandidates"/> as measured by <c>Utf8CandidateBenchmarks</c> and
/// <c>Utf8DecodeCandidateBenchmarks</c> on this machine, on ASCII and on multi-byte lines alike. Decode checks for
/// ASCII (vectorized) and widens it; anything else the hand-written baseline (a) validates with the runtime's
/// vectorised lookup validator and transcodes unchecked into a stack buffer, as the generated reader does, while the
/// BinaryReader port (b) uses the best the BCL gives (<see cref="DecodeBcl"/>). Encode narrows ASCII in one pass and
/// transcodes anything else once, straight into the destination. Invalid text is refused (null), never replaced,
/// exactly as the generated reader refuses it.
/// </summary>
public static class StrictUtf8
{
    /// <summary>The text, or null when <paramref name="bytes"/> is not valid UTF-8 (the hand-written baseline's decoder).</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes) => Utf8DecodeCandidates.AsciiThenValidateThenTranscode(bytes);

    /// <summary>The same with the BCL alone: ASCII widened, anything else one strict <c>Utf8.ToUtf16</c> pass (the BinaryReader port's decoder).</summary>
    public static string? DecodeBcl(ReadOnlySpan<byte> bytes) => Utf8Candidates.AsciiIsValidThenLatin1(bytes);

    /// <summary>Writes <paramref name="text"/> as UTF-8 (a lone surrogate as U+FFFD, as the generated writer does) and returns the byte count.</summary>
    public static int Encode(string text, Span<byte> destination) => Utf8Candidates.AsciiThenFromUtf16(text, destination);
}
