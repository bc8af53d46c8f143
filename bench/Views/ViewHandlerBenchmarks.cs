using BenchmarkDotNet.Attributes;
using ProtocolGen.Benchmarks.Baselines;
using ProtocolGen.Benchmarks.Data;
using ProtocolGen.Benchmarks.Harness;

namespace ProtocolGen.Benchmarks.Views;

/// <summary>
/// The generated view handler (<c>Info.IViewHandler</c> through <c>Info.ReadViews</c>: the runtime's framing, one
/// check per frame, views read in place) on the handler rows, divided by the same hand-written struct handler (c)
/// as the record handler; and a view handler whose kinds but one take the default route to <c>HandleOther</c>
/// (its 0 B per frame and equal tally show the default route neither boxes nor loses the struct's state).
/// Times and allocations are per frame.
/// </summary>
public class ViewHandlerBenchmarks : IVerifiedBenchmark
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
        Check.Equal(StructHandlerBaseline.Tally(_upstream), ViewTallyHandler.OverSpan(_upstream), "generated view handler, upstream");
        Check.Equal(StructHandlerBaseline.Tally(_logs), ViewTallyHandler.OverSpan(_logs), "generated view handler, logs");
        Check.Equal(StructHandlerBaseline.Tally(_upstream), Views.DefaultRoutedViewHandler.OverSpan(_upstream), "generated view handler, kinds via HandleOther, upstream");
    }

    [Benchmark(OperationsPerInvoke = Captures.UpstreamFrames), BenchmarkCategory(Rows.HandlerUpstreamCapture), Variant(Variant.Generated, "view handler")]
    public Handlers.InfoTally ViewHandler() => ViewTallyHandler.OverSpan(_upstream);

    [Benchmark(OperationsPerInvoke = Captures.UpstreamFrames), BenchmarkCategory(Rows.HandlerUpstreamCapture), Variant(Variant.Generated, "view handler, kinds via HandleOther")]
    public Handlers.InfoTally ViewHandlerViaHandleOther() => Views.DefaultRoutedViewHandler.OverSpan(_upstream);

    [Benchmark(OperationsPerInvoke = Captures.LogFrames), BenchmarkCategory(Rows.HandlerLogCapture), Variant(Variant.Generated, "view handler")]
    public Handlers.InfoTally ViewHandlerLogs() => ViewTallyHandler.OverSpan(_logs);
}
