using BenchmarkDotNet.Attributes;
using ProtocolGen.Benchmarks.Baselines;
using ProtocolGen.Benchmarks.Data;
using ProtocolGen.Benchmarks.Harness;

namespace ProtocolGen.Benchmarks.Handlers;

/// <summary>
/// A handler over a whole capture: the generated record handler (<c>Info.IHandler</c> through the generated
/// <c>HandlerSink</c>) against the hand-written struct handler (c), both tallying the same fields. Times and
/// allocations are per frame. A view handler joins these rows from its own file: a class in <c>bench/Views/</c>
/// with a <c>[Variant(Variant.Generated, "view handler")]</c> method in the same category and with the same
/// <c>OperationsPerInvoke</c>, whose <c>Verify</c> compares its tally with <see cref="StructHandlerBaseline.Tally"/>.
/// </summary>
public class HandlerBenchmarks : IVerifiedBenchmark
{
    private byte[] _upstream = [];
    private byte[] _logs = [];

    [GlobalSetup]
    public void Setup()
    {
        _upstream = Captures.Upstream;
        _logs = Captures.Logs;
    }

    public void Verify()
    {
        var upstream = StructHandlerBaseline.Tally(_upstream);
        Check.Equal(Captures.UpstreamFrames, (int)upstream.Frames, "(c) struct handler, upstream: frames");
        Check.Equal(1, (int)upstream.Errors, "(c) struct handler, upstream: the bad first frame");
        Check.Equal(upstream, GeneratedTallyHandler.OverSpan(_upstream), "generated record handler, upstream");
        var logs = StructHandlerBaseline.Tally(_logs);
        Check.Equal(Captures.LogFrames, (int)logs.Frames, "(c) struct handler, logs: frames");
        Check.Equal(logs, GeneratedTallyHandler.OverSpan(_logs), "generated record handler, logs");
    }

    [Benchmark(OperationsPerInvoke = Captures.UpstreamFrames), BenchmarkCategory(Rows.HandlerUpstreamCapture), Variant(Variant.Generated, "record handler")]
    public InfoTally RecordHandler() => GeneratedTallyHandler.OverSpan(_upstream);

    [Benchmark(OperationsPerInvoke = Captures.UpstreamFrames), BenchmarkCategory(Rows.HandlerUpstreamCapture), Variant(Variant.StructHandler)]
    public InfoTally StructHandler() => StructHandlerBaseline.Tally(_upstream);

    [Benchmark(OperationsPerInvoke = Captures.LogFrames), BenchmarkCategory(Rows.HandlerLogCapture), Variant(Variant.Generated, "record handler")]
    public InfoTally RecordHandlerLogs() => GeneratedTallyHandler.OverSpan(_logs);

    [Benchmark(OperationsPerInvoke = Captures.LogFrames), BenchmarkCategory(Rows.HandlerLogCapture), Variant(Variant.StructHandler)]
    public InfoTally StructHandlerLogs() => StructHandlerBaseline.Tally(_logs);
}
