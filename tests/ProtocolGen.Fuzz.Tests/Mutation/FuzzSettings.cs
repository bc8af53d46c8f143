using System;
using System.Globalization;

namespace ProtocolGen.Fuzz.Tests.Mutation;

/// <summary>
/// How many cases a run makes, and from which seeds. CI: <see cref="FixedSeed"/> with
/// <see cref="DefaultFixedCases"/> cases per union, plus <see cref="DefaultRandomCases"/> from a seed drawn for
/// the run and printed on failure. Long mode: <c>PROTOCOLGEN_FUZZ_CASES=5000000</c> makes that many cases per
/// union in each of the two runs. <c>PROTOCOLGEN_FUZZ_SEED</c> replaces the drawn seed and
/// <c>PROTOCOLGEN_FUZZ_CASE</c> runs one case alone, to reproduce a failure.
/// </summary>
internal static class FuzzSettings
{
    public const int FixedSeed = 20261201;
    public const int DefaultFixedCases = 50_000;
    public const int DefaultRandomCases = 10_000;

    public static int FixedCases => Cases ?? DefaultFixedCases;

    public static int RandomCases => Cases ?? DefaultRandomCases;

    /// <summary>The seed of the random run: <c>PROTOCOLGEN_FUZZ_SEED</c>, or one drawn now.</summary>
    public static int RandomSeed { get; } = Number("PROTOCOLGEN_FUZZ_SEED") ?? Random.Shared.Next();

    /// <summary>One case to run alone, when reproducing.</summary>
    public static int? OnlyCase => Number("PROTOCOLGEN_FUZZ_CASE");

    private static int? Cases => Number("PROTOCOLGEN_FUZZ_CASES");

    private static int? Number(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>The case's own random source: a function of the run's seed and the case's number only.</summary>
    public static Random ForCase(int seed, int index) => new(unchecked((seed * 1_000_003) ^ (index * 7_919) ^ index));
}
