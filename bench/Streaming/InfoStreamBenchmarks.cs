using System.IO.Pipelines;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using ProtocolGen.Portmaster;
using ProtocolGen.Streaming;

namespace ProtocolGen.Benchmarks.Streaming;

/// <summary>
/// Streams connection infos through the reader over a pipe. The baseline drains the same pipe without
/// decoding, so the ratios are the reader's and the decoder's own cost.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class InfoStreamBenchmarks
{
    [Params(1_000_000, 10_000_000)]
    public int Infos { get; set; }

    [Benchmark(Baseline = true, Description = "pipe drained, no decoding")]
    public async Task<long> DrainPipe()
    {
        var (reader, writing) = InfoStream.Start(Infos);
        long bytes = 0;
        while (true)
        {
            var result = await reader.ReadAsync();
            bytes += result.Buffer.Length;
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }

        await writing;
        return bytes;
    }

    [Benchmark(Description = "handler over PipeReader")]
    public async Task<long> HandlerOverPipe()
    {
        var (reader, writing) = InfoStream.Start(Infos);
        var handler = await Info.ReadAsync(reader, new CountingHandler());
        await writing;
        return handler.Connections;
    }

    [Benchmark(Description = "handler over Stream")]
    public async Task<long> HandlerOverStream()
    {
        var (reader, writing) = InfoStream.Start(Infos);
        var handler = await Info.ReadAsync(reader.AsStream(), new CountingHandler());
        await writing;
        return handler.Connections;
    }

    [Benchmark(Description = "IAsyncEnumerable over PipeReader")]
    public async Task<long> EnumerableOverPipe()
    {
        var (reader, writing) = InfoStream.Start(Infos);
        long connections = 0;
        await foreach (var frame in PacketReader.ReadAllAsync<Info>(reader))
        {
            if (frame.Packet is ConnectionV4)
            {
                connections++;
            }
        }

        await writing;
        return connections;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // Each operation streams millions of infos; a few iterations give a stable mean without a long run.
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(12).WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(new ThroughputColumn());
        }
    }
}
