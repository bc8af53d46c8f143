using System;
using System.Diagnostics;
using System.Threading.Tasks;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Streaming;

/// <summary>
/// One measured run outside BenchmarkDotNet: streams a count of infos through the handler reader over a pipe
/// in a fresh process, then prints the process's peak working set and the GC's largest heap, to show that
/// memory does not grow with the count. Run it once per count: <c>-- peak 1000000</c>, <c>-- peak 10000000</c>.
/// </summary>
internal static class PeakMemoryRun
{
    public static async Task<int> RunAsync(int infos)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var (reader, writing) = InfoStream.Start(infos);
        var handler = await Info.ReadAsync(reader, new CountingHandler());
        await writing;
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var bytes = (double)infos * InfoStream.FrameSize;
        Console.WriteLine($"infos: {handler.Connections:N0} (expected {infos:N0}), other frames: {handler.Others}");
        Console.WriteLine($"stream: {bytes / 1e6:N1} MB in {clock.Elapsed.TotalSeconds:N2} s = {bytes / 1e6 / clock.Elapsed.TotalSeconds:N0} MB/s");
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1048576.0:N1} MiB");
        Console.WriteLine($"GC heap after the run: {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:N1} MiB; gen2 collections: {GC.CollectionCount(2)}");
        Console.WriteLine($"allocated: {allocated / 1048576.0:N1} MiB = {(double)allocated / infos:N1} bytes per info");
        return handler.Connections == infos && handler.Others == 0 ? 0 : 1;
    }
}
