using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ProtocolGen.Benchmarks.Baselines;
using ProtocolGen.Benchmarks.Data;
using ProtocolGen.Benchmarks.Harness;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Codec;

/// <summary>
/// Decoding 1,000 frames of one kind, back to back, into records: generated <c>Info.DecodeFrames</c> against the
/// hand-written span decoder (a), the BinaryReader port (b) and MemoryPack on the same values (d). Times and
/// allocations are per packet.
/// </summary>
[BenchmarkCategory(Rows.DecodePerKind)]
public class PerKindDecodeBenchmarks : IVerifiedBenchmark
{
    private const int N = Samples.PerOperation;

    private byte[] _frames = [];
    private byte[] _memoryPack = [];
    private readonly Info?[] _decoded = new Info?[N];
    private readonly MpInfo?[] _mpDecoded = new MpInfo?[N];

    [Params(Samples.ConnectionV4, Samples.ConnectionEndV4, Samples.BandwidthStatsV4, Samples.LogLine)]
    public string Kind { get; set; } = Samples.ConnectionV4;

    [GlobalSetup]
    public void Setup()
    {
        var packets = Samples.Infos(Kind);
        _frames = packets.SelectMany(Info.EncodeFrame).ToArray();
        _memoryPack = MemoryPackCapture.Serialize(packets);
    }

    public void Verify()
    {
        var expected = Samples.Infos(Kind);
        Array.Clear(_decoded);
        Check.Equal(N, Generated(), "generated decode: frames");
        Check.SameSequence<Info?>(expected, _decoded, "generated decode");
        Array.Clear(_decoded);
        Check.Equal(N, HandWritten(), "(a) hand-written decode: frames");
        Check.SameSequence<Info?>(expected, _decoded, "(a) hand-written decode");
        Array.Clear(_decoded);
        Check.Equal(N, BinaryReaderPort(), "(b) BinaryReader decode: frames");
        Check.SameSequence<Info?>(expected, _decoded, "(b) BinaryReader decode");
        Check.Equal(N, MemoryPack(), "(d) MemoryPack decode: values");
        Check.SameSequence<Info?>(expected, _mpDecoded.Select(p => p?.ToInfo()).ToArray(), "(d) MemoryPack decode");
    }

    [Benchmark(OperationsPerInvoke = N), Variant(Variant.Generated)]
    public int Generated()
    {
        Span<Info?> decoded = _decoded;
        var count = 0;
        foreach (var frame in Info.DecodeFrames(_frames))
        {
            decoded[count++] = frame.Packet;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = N), Variant(Variant.HandWritten)]
    public int HandWritten() => HandWrittenInfoCodec.DecodeFrames(_frames, _decoded);

    [Benchmark(OperationsPerInvoke = N), Variant(Variant.BinaryReader)]
    public int BinaryReaderPort() => BinaryReaderInfoCodec.DecodeFrames(_frames, _decoded);

    [Benchmark(OperationsPerInvoke = N), Variant(Variant.MemoryPack)]
    public int MemoryPack() => MemoryPackCapture.Deserialize(_memoryPack, _mpDecoded);
}
