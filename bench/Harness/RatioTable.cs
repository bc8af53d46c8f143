using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ProtocolGen.Benchmarks.Harness;

/// <summary>
/// The run's result: for each row (a <c>[BenchmarkCategory]</c>, with its <c>[Params]</c>), each generated
/// variant's time divided by each baseline's time, measured in the same run, and the bytes each allocates per
/// operation (per frame or packet: the benchmarks divide by <c>OperationsPerInvoke</c>). Times are BenchmarkDotNet's
/// medians (<c>--full</c>) or the fastest iteration (<c>--quick</c>, see <see cref="Statistic"/>).
/// </summary>
public static class RatioTable
{
    private static readonly Variant[] Baselines = [Variant.HandWritten, Variant.BinaryReader, Variant.StructHandler, Variant.MemoryPack, Variant.Span];

    /// <summary>Which of a case's iteration times stands for it.</summary>
    public enum Statistic
    {
        /// <summary>
        /// The median, not the mean: a preempted iteration is an outlier of the machine, not of the code. For
        /// <c>--full</c>, whose long runs per process outlast a neighbour's burst of work.
        /// </summary>
        Median,

        /// <summary>
        /// The fastest iteration. For <c>--quick</c>: its cases are short, so a neighbour's build can cover all of one
        /// case's iterations and none of the next's, and the median moves with it; load only ever adds time, so the
        /// fastest of many short iterations is the one least disturbed, on both sides of a ratio.
        /// </summary>
        Minimum,
    }

    public sealed record Measurement(string Row, string Label, Variant Variant, double Ns, double? AllocatedBytes);

    public static string Name(Statistic statistic) => statistic == Statistic.Median ? "median" : "fastest iteration";

    public static List<Measurement> Collect(IEnumerable<Summary> summaries, Statistic statistic)
    {
        var measurements = new List<Measurement>();
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            var method = report.BenchmarkCase.Descriptor.WorkloadMethod;
            if (method.GetCustomAttribute<VariantAttribute>() is not { } variant || report.ResultStatistics is not { } statistics)
            {
                continue;
            }

            var time = statistic == Statistic.Median ? statistics.Median : statistics.Min;
            measurements.Add(new Measurement(RowOf(report.BenchmarkCase), variant.Label, variant.Variant, time, report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase)));
        }

        return measurements;
    }

    public static string Render(IReadOnlyList<Measurement> measurements, Statistic statistic)
    {
        var ns = $"ns/op ({Name(statistic)})";
        var rows = measurements.Select(m => m.Row).Distinct().OrderBy(RowRank).ThenBy(r => r, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.AppendLine($"| row | generated path | {ns} | B/op | ÷ (a) hand-written | ÷ (b) BinaryReader/Writer | ÷ (c) struct handler | ÷ (d) MemoryPack | ÷ span |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var inRow = measurements.Where(m => m.Row == row).ToList();
            foreach (var generated in inRow.Where(m => m.Variant == Variant.Generated))
            {
                text.Append(CultureInfo.InvariantCulture, $"| {row} | {generated.Label} | {Format(generated.Ns)} | {Bytes(generated.AllocatedBytes)} |");
                foreach (var baseline in Baselines)
                {
                    var against = inRow.FirstOrDefault(m => m.Variant == baseline);
                    text.Append(against is null ? " |" : string.Create(CultureInfo.InvariantCulture, $" {generated.Ns / against.Ns:0.00}× |"));
                }

                text.AppendLine();
            }
        }

        text.AppendLine();
        text.AppendLine($"| row | variant | {ns} | B/op |");
        text.AppendLine("|---|---|---:|---:|");
        foreach (var row in rows)
        {
            foreach (var m in measurements.Where(m => m.Row == row).OrderBy(m => m.Variant))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {row} | {m.Label} | {Format(m.Ns)} | {Bytes(m.AllocatedBytes)} |");
            }
        }

        return text.ToString();
    }

    /// <summary>The machine's load, as <c>/proc/loadavg</c> has it (1, 5 and 15 minutes), or why it is unknown.</summary>
    public static string Load() => File.Exists("/proc/loadavg")
        ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "unknown (no /proc/loadavg)";

    private static string RowOf(BenchmarkCase benchmarkCase)
    {
        var category = benchmarkCase.Descriptor.Categories.FirstOrDefault() ?? benchmarkCase.Descriptor.Type.Name;
        var parameters = benchmarkCase.Parameters.Items.Select(p => p.Value?.ToString()).ToList();
        return parameters.Count == 0 ? category : $"{category} {string.Join(", ", parameters)}";
    }

    private static int RowRank(string row)
    {
        var index = Array.FindIndex(Rows.Order, r => row.StartsWith(r, StringComparison.Ordinal));
        return index < 0 ? int.MaxValue : index;
    }

    private static string Format(double ns) => ns.ToString(ns < 100 ? "0.0" : "N0", CultureInfo.InvariantCulture);

    private static string Bytes(double? bytes) => bytes is { } b ? b.ToString(b < 10 ? "0.##" : "N0", CultureInfo.InvariantCulture) : "?";
}
