using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ProtocolGen.Benchmarks.Baselines;
using ProtocolGen.Benchmarks.Data;
using ProtocolGen.Benchmarks.Harness;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Codec;

/// <summary>
/// Decoding a whole capture into records: the upstream test capture (1,001 frames, the first one bad) and the
/// generated capture of long multi-byte log lines among other kinds. Every variant skips the bad frame as one
/// error (a null); times and allocations are per frame.
/// </summary>
public class CaptureDecodeBenchmarks : IVerifiedBenchmark
{
    private readonly Info?[] _decoded = new Info?[Math.Max(Captures.UpstreamFrames, Captures.LogFrames)];
    private readonly MpInfo?[] _mpDecoded = new MpInfo?[Math.Max(Captures.UpstreamFrames, Captures.LogFrames)];
    private byte[] _upstream = [];
    private byte[] _logs = [];
    private byte[] _mpUpstream = [];
    private byte[] _mpLogs = [];

    [GlobalSetup]
    public void Setup()
    {
        _upstream = Captures.Upstream;
        _logs = Captures.Logs;
        _mpUpstream = MemoryPackCapture.Serialize(Expected(_upstream));
        _mpLogs = MemoryPackCapture.Serialize(Expected(_logs));
    }

    public void Verify()
    {
        foreach (var (name, capture, frames) in new[] { ("upstream", _upstream, Captures.UpstreamFrames), ("logs", _logs, Captures.LogFrames) })
        {
            var expected = Expected(capture);
            Check.Equal(frames, expected.Length, $"{name} capture: frames");
            Check.That(name != "upstream" || (expected[0] is null && expected.Skip(1).All(p => p is not null)), "upstream capture: only its first frame is bad");
            Check.That(name != "logs" || expected.OfType<LogLine>().Count() == frames / 2 && expected.OfType<LogLine>().All(l => l.Line.Any(c => c > 0x7F)), "log capture: half log lines, each with multi-byte text");
            var upstream = name == "upstream";
            Compare(expected, upstream ? Generated() : GeneratedLogs(), frames, $"generated, {name}");
            Compare(expected, upstream ? HandWritten() : HandWrittenLogs(), frames, $"(a) hand-written, {name}");
            Compare(expected, upstream ? BinaryReaderPort() : BinaryReaderLogs(), frames, $"(b) BinaryReader, {name}");
            Array.Clear(_mpDecoded);
            var count = upstream ? MemoryPack() : MemoryPackLogs();
            Check.SameSequence<Info?>(expected, _mpDecoded.Take(count).Select(p => p?.ToInfo()).ToArray(), $"(d) MemoryPack, {name}");
        }
    }

    [Benchmark(OperationsPerInvoke = Captures.UpstreamFrames), BenchmarkCategory(Rows.DecodeUpstreamCapture), Variant(Variant.Generated)]
    public int Generated() => DecodeGenerated(_upstream);

    [Benchmark(OperationsPerInvoke = Captures.UpstreamFrames), BenchmarkCategory(Rows.DecodeUpstreamCapture), Variant(Variant.HandWritten)]
    public int HandWritten() => HandWrittenInfoCodec.DecodeFrames(_upstream, _decoded);

    [Benchmark(OperationsPerInvoke = Captures.UpstreamFrames), BenchmarkCategory(Rows.DecodeUpstreamCapture), Variant(Variant.BinaryReader)]
    public int BinaryReaderPort() => BinaryReaderInfoCodec.DecodeFrames(_upstream, _decoded);

    [Benchmark(OperationsPerInvoke = Captures.UpstreamFrames), BenchmarkCategory(Rows.DecodeUpstreamCapture), Variant(Variant.MemoryPack)]
    public int MemoryPack() => MemoryPackCapture.Deserialize(_mpUpstream, _mpDecoded);

    [Benchmark(OperationsPerInvoke = Captures.LogFrames), BenchmarkCategory(Rows.DecodeLogCapture), Variant(Variant.Generated)]
    public int GeneratedLogs() => DecodeGenerated(_logs);

    [Benchmark(OperationsPerInvoke = Captures.LogFrames), BenchmarkCategory(Rows.DecodeLogCapture), Variant(Variant.HandWritten)]
    public int HandWrittenLogs() => HandWrittenInfoCodec.DecodeFrames(_logs, _decoded);

    [Benchmark(OperationsPerInvoke = Captures.LogFrames), BenchmarkCategory(Rows.DecodeLogCapture), Variant(Variant.BinaryReader)]
    public int BinaryReaderLogs() => BinaryReaderInfoCodec.DecodeFrames(_logs, _decoded);

    [Benchmark(OperationsPerInvoke = Captures.LogFrames), BenchmarkCategory(Rows.DecodeLogCapture), Variant(Variant.MemoryPack)]
    public int MemoryPackLogs() => MemoryPackCapture.Deserialize(_mpLogs, _mpDecoded);

    private int DecodeGenerated(ReadOnlySpan<byte> capture)
    {
        Span<Info?> decoded = _decoded;
        var count = 0;
        foreach (var frame in Info.DecodeFrames(capture))
        {
            decoded[count++] = frame.Packet;
        }

        return count;
    }

    // The reference: what Info.DecodeFrames yields, each bad frame as null.
    private static Info?[] Expected(byte[] capture)
    {
        var packets = new System.Collections.Generic.List<Info?>();
        foreach (var frame in Info.DecodeFrames(capture))
        {
            packets.Add(frame.IsPacket ? frame.Packet : null);
        }

        return packets.ToArray();
    }

    private void Compare(Info?[] expected, int count, int frames, string what)
    {
        Check.Equal(frames, count, $"{what}: frames");
        Check.SameSequence<Info?>(expected, _decoded.AsSpan(0, count), what);
        Array.Clear(_decoded);
    }
}
