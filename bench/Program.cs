using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using ProtocolGen.Benchmarks.Harness;
using ProtocolGen.Benchmarks.Streaming;

// dotnet run -c Release --project bench -- --verify    every variant of every row agrees (values and bytes), then exit
// dotnet run -c Release --project bench -- --quick     verify, then the ratio table from a short in-process run (< 2 min)
// dotnet run -c Release --project bench -- --full      verify, then the ratio table from BenchmarkDotNet's default job (README)
// dotnet run -c Release --project bench -- --filter '*InfoStream*'   any BenchmarkDotNet arguments (verified first)
// dotnet run -c Release --project bench -- peak 10000000             peak memory of one streaming run in its own process
if (args is ["peak", var count])
{
    return await PeakMemoryRun.RunAsync(int.Parse(count, CultureInfo.InvariantCulture));
}

// --quick runs its cases in this process with tiering off (see the project file), so precompiled (ReadyToRun)
// framework code is never replaced by the JIT's, as it is in any tiered process once warm. That code differs: its
// SSE2 text widening, entered with the upper vector registers dirty, cost the LogLine row 3-4x. So the quick run
// restarts itself with ReadyToRun off, and times the code a warm process runs.
if (args is ["--quick", ..] && Environment.GetEnvironmentVariable("DOTNET_ReadyToRun") is null)
{
    var self = new System.Diagnostics.ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
    {
        self.ArgumentList.Add(typeof(BenchmarkCatalog).Assembly.Location);
    }

    foreach (var arg in args)
    {
        self.ArgumentList.Add(arg);
    }

    self.Environment["DOTNET_ReadyToRun"] = "0";
    using var child = System.Diagnostics.Process.Start(self)!;
    await child.WaitForExitAsync();
    return child.ExitCode;
}

try
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    BenchmarkCatalog.VerifyAll(Console.WriteLine);
    Console.WriteLine($"verification: {BenchmarkCatalog.Verified.Count} classes agree ({clock.Elapsed.TotalSeconds:0.0} s)");
}
catch (VerificationException e)
{
    Console.Error.WriteLine($"VERIFICATION FAILED, nothing was timed: {e.Message}");
    return 2;
}

if (args is ["--verify"])
{
    return 0;
}

if (args is ["--quick" or "--full", .. var filter])
{
    var quick = args[0] == "--quick";
    var loadBefore = RatioTable.Load();
    var started = DateTime.UtcNow;
    var types = BenchmarkCatalog.Rated.Where(t => filter.Length == 0 || filter.Any(f => t.Name.Contains(f, StringComparison.OrdinalIgnoreCase))).ToArray();
    var path = Path.Combine("BenchmarkDotNet.Artifacts", quick ? "ratios-quick.md" : "ratios-full.md");
    Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
    var summaries = new List<BenchmarkDotNet.Reports.Summary>();
    string Report()
    {
        var statistic = quick ? RatioTable.Statistic.Minimum : RatioTable.Statistic.Median;
        var table = RatioTable.Render(RatioTable.Collect(summaries, statistic), statistic);
        var done = summaries.Count == types.Length ? string.Empty : $" (partial: {summaries.Count} of {types.Length} classes)";
        var header = $"""
            ProtocolGen benchmarks ({(quick ? "--quick: short in-process job" : "--full: BenchmarkDotNet default job")}){done}, {started:yyyy-MM-dd HH:mm} UTC, {(DateTime.UtcNow - started).TotalSeconds:0} s
            machine: {MachineInfo.Describe()}
            load (1/5/15 min) before: {loadBefore}; now: {RatioTable.Load()}
            ratio = generated time ÷ baseline time ({RatioTable.Name(statistic)} of each) in the same run (below 1 is faster than the baseline); ns and B are per frame or packet
            """;
        var report = header + "\n\n" + table;
        File.WriteAllText(path, report);
        return report;
    }

    // One class at a time, the table rewritten after each: on a shared machine a long run that is cut short keeps what it measured.
    foreach (var type in types)
    {
        summaries.Add(BenchmarkRunner.Run(type, quick ? RunConfigs.Quick() : RunConfigs.Full()));
        Report();
    }

    Console.WriteLine();
    Console.WriteLine(Report());
    Console.WriteLine($"(also written to {Path.GetFullPath(path)})");
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
