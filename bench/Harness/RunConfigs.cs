using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace ProtocolGen.Benchmarks.Harness;

/// <summary>The two ways the ratio table is measured.</summary>
public static class RunConfigs
{
    /// <summary>
    /// <c>--quick</c>: every case in this process (no per-case build or process start), 3 warm-up and 15 measured
    /// iterations of about 25 ms, of which the ratio table takes the fastest (<see cref="RatioTable.Statistic.Minimum"/>):
    /// many short iterations give each case some undisturbed ones on a shared machine, in under two minutes.
    /// </summary>
    public static IConfig Quick() => Base()
        .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(BenchmarkDotNet.Engines.RunStrategy.Throughput)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithIterationTime(TimeInterval.FromMilliseconds(25))
            .WithEvaluateOverhead(false)
            .WithId("quick"));

    /// <summary><c>--full</c>: BenchmarkDotNet's default job (a process per case, pilot and warm-up until stable): README figures.</summary>
    public static IConfig Full() => Base().AddJob(Job.Default.WithId("full"));

    private static ManualConfig Base() => ManualConfig.CreateEmpty()
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddLogger(new ProgressLogger(ConsoleLogger.Default))
        .WithOptions(ConfigOptions.DisableLogFile);
}
