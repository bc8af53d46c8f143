using System;
using System.Buffers;
using System.IO;
using System.IO.Pipelines;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using ProtocolGen.Benchmarks.Data;
using ProtocolGen.Benchmarks.Handlers;
using ProtocolGen.Benchmarks.Harness;
using ProtocolGen.Portmaster;
using ProtocolGen.Streaming;

namespace ProtocolGen.Benchmarks.Streaming;

/// <summary>
/// The same bytes (the upstream capture 20 times over, 1.2 MB) through the runtime's reader over a
/// <see cref="Pipe"/>, fed in 16 KiB writes by a concurrent writer, against the same generated handler over one
/// span. The ratio is the price of streaming; the target is a pipe at 85% of span speed or better (at most 1.18×).
/// Two more rows feed the same readers from memory, with no writer, to show what the readers themselves cost.
/// </summary>
[BenchmarkCategory(Rows.PipeVsSpan)]
public class PipeVsSpanBenchmarks : IVerifiedBenchmark
{
    private const int Repeats = 20;
    private const int Frames = Captures.UpstreamFrames * Repeats;
    private const int WriteSize = 16 * 1024;

    private byte[] _stream = [];

    [GlobalSetup]
    public void Setup()
    {
        var capture = Captures.Upstream;
        _stream = new byte[capture.Length * Repeats];
        for (var i = 0; i < Repeats; i++)
        {
            capture.CopyTo(_stream, i * capture.Length);
        }
    }

    public void Verify()
    {
        var span = Span();
        Check.Equal(Frames, (int)span.Frames, "span: frames");
        Check.Equal(Repeats, (int)span.Errors, "span: one bad frame per copy of the capture");
        Check.Equal(span, HandlerOverPipe().GetAwaiter().GetResult(), "record handler over PipeReader");
        Check.Equal(span, HandlerOverPipeStream().GetAwaiter().GetResult(), "record handler over the pipe as a Stream");
        Check.Equal(span, HandlerOverMemoryPipe().GetAwaiter().GetResult(), "record handler over a PipeReader of memory");
        Check.Equal(span, HandlerOverMemoryStream().GetAwaiter().GetResult(), "record handler over a MemoryStream");
    }

    [Benchmark(OperationsPerInvoke = Frames), Variant(Variant.Generated, "record handler over PipeReader")]
    public async Task<InfoTally> HandlerOverPipe()
    {
        var pipe = new Pipe();
        var writing = WriteAsync(pipe.Writer);
        var handler = await Info.ReadAsync(pipe.Reader, new GeneratedTallyHandler());
        await writing;
        return handler.Tally;
    }

    [Benchmark(OperationsPerInvoke = Frames), Variant(Variant.Generated, "record handler over Stream (PacketStreamReader)")]
    public async Task<InfoTally> HandlerOverPipeStream()
    {
        var pipe = new Pipe();
        var writing = WriteAsync(pipe.Writer);
        await using var stream = pipe.Reader.AsStream();
        var handler = await Info.ReadAsync(stream, new GeneratedTallyHandler());
        await writing;
        return handler.Tally;
    }

    // The two rows below feed the same readers from memory, with no writer: they separate the reader's own cost
    // (the read loop, the stream decoder and, for a Stream, the copy into its read buffer) from the pipe's hand-off
    // between the writer's thread and the reader's, which the two rows above include.
    [Benchmark(OperationsPerInvoke = Frames), Variant(Variant.Generated, "record handler over PipeReader of memory (no writer)")]
    public async Task<InfoTally> HandlerOverMemoryPipe()
    {
        var reader = PipeReader.Create(new ReadOnlySequence<byte>(_stream));
        var handler = await Info.ReadAsync(reader, new GeneratedTallyHandler());
        return handler.Tally;
    }

    [Benchmark(OperationsPerInvoke = Frames), Variant(Variant.Generated, "record handler over Stream of memory (MemoryStream)")]
    public async Task<InfoTally> HandlerOverMemoryStream()
    {
        await using var stream = new MemoryStream(_stream, writable: false);
        var handler = await Info.ReadAsync(stream, new GeneratedTallyHandler());
        return handler.Tally;
    }

    [Benchmark(OperationsPerInvoke = Frames), Variant(Variant.Span, "record handler over one span")]
    public InfoTally Span() => GeneratedTallyHandler.OverSpan(_stream);

    private async Task WriteAsync(PipeWriter writer)
    {
        for (var offset = 0; offset < _stream.Length; offset += WriteSize)
        {
            await writer.WriteAsync(_stream.AsMemory(offset, Math.Min(WriteSize, _stream.Length - offset)));
        }

        await writer.CompleteAsync();
    }
}
