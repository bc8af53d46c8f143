using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using ProtocolGen.Benchmarks.Harness;
using ProtocolGen.Tests.Shared;
using Xunit;

namespace ProtocolGen.Bench.Tests;

/// <summary>
/// The bench's verify step: every variant of every row must agree before anything is timed. These tests run it
/// as a user does (<c>--verify</c>), check that it finds the benchmark classes by itself, and that a variant that
/// disagrees stops the run.
/// </summary>
public sealed class BenchVerificationTests
{
    private static readonly string[] RatedClasses =
    [
        "CaptureDecodeBenchmarks", "PerKindDecodeBenchmarks", "PerKindEncodeBenchmarks", "CommandEncodeBenchmarks",
        "HandlerBenchmarks", "PipeVsSpanBenchmarks", "NewKindDecodeBenchmarks", "NewKindEncodeBenchmarks",
        "PcapDecodeBenchmarks", "PcapEncodeBenchmarks",
    ];

    [Fact]
    public void DashDashVerify_ExitsZero_AfterVerifyingEveryRowQuickly()
    {
        // --no-build: this project references the bench, so it is built already (in this configuration).
        var configuration = typeof(BenchVerificationTests).Assembly.Location.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (exitCode, output) = DotnetCli.Run(RepositoryRoot.Path, "run", "--no-build", "-c", configuration, "--project", "bench", "--", "--verify");

        Assert.True(exitCode == 0, $"--verify exited with {exitCode}:\n{output}");
        Assert.Matches(new Regex(@"verification: \d+ classes agree"), output);
        foreach (var rated in RatedClasses)
        {
            Assert.Contains($"verified {rated}", output, StringComparison.Ordinal);
        }

        Assert.Contains("verified PerKindDecodeBenchmarks (Kind=LogLine (100 B))", output, StringComparison.Ordinal);
        foreach (var kind in new[] { "IPv4 header", "TCP header", "char[16] + C string" })
        {
            Assert.Contains($"verified NewKindDecodeBenchmarks (Kind={kind}", output, StringComparison.Ordinal);
            Assert.Contains($"verified NewKindEncodeBenchmarks (Kind={kind}", output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("// Benchmark:", output, StringComparison.Ordinal); // nothing was timed
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"--verify took {clock.Elapsed}");
    }

    [Fact]
    public void EveryRatedClass_IsFoundByReflection_WithVariantsAndRows()
    {
        var rated = BenchmarkCatalog.Rated.Select(t => t.Name).ToList();

        Assert.All(RatedClasses, name => Assert.Contains(name, rated));
        foreach (var type in BenchmarkCatalog.Rated)
        {
            var benchmarks = type.GetMethods().Where(m => m.GetCustomAttributes(typeof(BenchmarkAttribute), false).Length > 0).ToList();
            Assert.All(benchmarks, m => Assert.True(
                m.GetCustomAttributes(typeof(VariantAttribute), false).Length == 1,
                $"{type.Name}.{m.Name} has no [Variant]: the ratio table could not place it"));
        }
    }

    [Fact]
    public void AVariantThatDisagrees_StopsVerification_NamingTheClassAndTheItem()
    {
        var log = new List<string>();

        var failure = Assert.Throws<VerificationException>(() => BenchmarkCatalog.VerifyAll([typeof(DisagreeingBenchmarks)], log.Add));

        Assert.Contains("DisagreeingBenchmarks (Size=3)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("item 2", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["verified DisagreeingBenchmarks (Size=2)"], log);
    }

    /// <summary>Two "variants" that agree on the first two items only: verification must pass Size=2 and stop at Size=3.</summary>
    public sealed class DisagreeingBenchmarks : IVerifiedBenchmark
    {
        private int[] _expected = [];
        private int[] _actual = [];

        [Params(2, 3)]
        public int Size { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _expected = Enumerable.Range(0, Size).ToArray();
            _actual = Enumerable.Range(0, Size).Select(i => i == 2 ? -1 : i).ToArray();
        }

        public void Verify() => Check.SameSequence<int>(_expected, _actual, "the disagreeing variant");
    }
}
