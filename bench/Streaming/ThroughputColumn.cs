using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ProtocolGen.Benchmarks.Streaming;

/// <summary>Megabytes of frames per second (10^6 bytes), from the mean time and the stream's size.</summary>
internal sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Frame bytes read per second, in 10^6 bytes";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is not > 0)
        {
            return "-";
        }

        var infos = (int)benchmarkCase.Parameters["Infos"];
        var bytes = (double)infos * InfoStream.FrameSize;
        return (bytes / (mean.Value / 1e9) / 1e6).ToString("N0", CultureInfo.InvariantCulture);
    }
}
