namespace ProtocolGen.Benchmarks.Harness;

/// <summary>
/// A benchmark class whose variants must agree before any of them is timed. The bench finds every class that
/// implements this by reflection (in any file or folder), runs its <c>[GlobalSetup]</c> for each
/// <c>[Params]</c> combination, then <see cref="Verify"/>; the first disagreement stops the run. Its
/// <c>[Benchmark]</c> methods carry a <see cref="VariantAttribute"/> and a <c>[BenchmarkCategory]</c> (the row),
/// which is all the ratio table needs.
/// </summary>
public interface IVerifiedBenchmark
{
    /// <summary>Runs every variant once and throws <see cref="VerificationException"/> if their values or bytes differ.</summary>
    void Verify();
}
