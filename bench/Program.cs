using System;
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
    var summaries = BenchmarkRunner.Run(types, quick ? RunConfigs.Quick() : RunConfigs.Full());
    var table = RatioTable.Render(RatioTable.Collect(summaries));
    var header = $"""
        ProtocolGen benchmarks ({(quick ? "--quick: short in-process job, indicative only" : "--full: BenchmarkDotNet default job")}), {started:yyyy-MM-dd HH:mm} UTC, {(DateTime.UtcNow - started).TotalSeconds:0} s
        machine: {MachineInfo.Describe()}
        load (1/5/15 min) before: {loadBefore}; after: {RatioTable.Load()}
        ratio = generated time ÷ baseline time in the same run (below 1 is faster than the baseline); ns and B are per frame or packet
        """;
    Console.WriteLine();
    Console.WriteLine(header);
    Console.WriteLine();
    Console.WriteLine(table);
    var path = Path.Combine("BenchmarkDotNet.Artifacts", quick ? "ratios-quick.md" : "ratios-full.md");
    Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
    File.WriteAllText(path, header + "\n\n" + table);
    Console.WriteLine($"(also written to {Path.GetFullPath(path)})");
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
