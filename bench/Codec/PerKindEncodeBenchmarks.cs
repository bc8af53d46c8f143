using System;
using System.Buffers;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MemoryPack;
using ProtocolGen.Benchmarks.Baselines;
using ProtocolGen.Benchmarks.Data;
using ProtocolGen.Benchmarks.Harness;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Codec;

/// <summary>
/// Encoding 1,000 packets of one kind as frames, back to back into one span: generated <c>Info.EncodeFrame(packet,
/// span)</c> against hand-written span code (a), a BinaryWriter port (b) and MemoryPack into a reused buffer
/// writer (d, its own format). Times and allocations are per packet.
/// </summary>
[BenchmarkCategory(Rows.EncodePerKind)]
public class PerKindEncodeBenchmarks : IVerifiedBenchmark
{
    private const int N = Samples.PerOperation;

    private Info[] _packets = [];
    private MpInfo[] _mpPackets = [];
    private byte[] _output = [];
    private ArrayBufferWriter<byte> _mpOutput = new();

    [Params(Samples.ConnectionV4, Samples.ConnectionEndV4, Samples.BandwidthStatsV4, Samples.LogLine)]
    public string Kind { get; set; } = Samples.ConnectionV4;

    [GlobalSetup]
    public void Setup()
    {
        _packets = Samples.Infos(Kind);
        _mpPackets = _packets.Select(MpInfo.From).ToArray();
        _output = new byte[_packets.Sum(p => Info.EncodeFrame(p).Length) + 4096];
        _mpOutput = new ArrayBufferWriter<byte>(_output.Length * 2);
    }

    public void Verify()
    {
        var expected = _packets.SelectMany(Info.EncodeFrame).ToArray();
        Check.Equal(expected.Length, Generated(), "generated encode: size");
        Check.SameBytes(expected, _output.AsSpan(0, expected.Length), "generated encode into a span");
        Array.Clear(_output);
        Check.Equal(expected.Length, HandWritten(), "(a) hand-written encode: size");
        Check.SameBytes(expected, _output.AsSpan(0, expected.Length), "(a) hand-written encode");
        Array.Clear(_output);
        Check.Equal(expected.Length, BinaryWriterPort(), "(b) BinaryWriter encode: size");
        Check.SameBytes(expected, _output.AsSpan(0, expected.Length), "(b) BinaryWriter encode");
        var written = MemoryPack();
        var decoded = new MpInfo?[N];
        Check.Equal(N, MemoryPackCapture.Deserialize(_mpOutput.WrittenSpan.Slice(0, written), decoded), "(d) MemoryPack encode: values");
        Check.SameSequence<Info?>(_packets, decoded.Select(p => p?.ToInfo()).ToArray(), "(d) MemoryPack encode, read back");
    }

    [Benchmark(OperationsPerInvoke = N), Variant(Variant.Generated)]
    public int Generated()
    {
        Span<byte> output = _output;
        var position = 0;
        foreach (var packet in _packets)
        {
            position += Info.EncodeFrame(packet, output.Slice(position));
        }

        return position;
    }

    [Benchmark(OperationsPerInvoke = N), Variant(Variant.HandWritten)]
    public int HandWritten()
    {
        Span<byte> output = _output;
        var position = 0;
        foreach (var packet in _packets)
        {
            position += HandWrittenInfoCodec.EncodeFrame(packet, output.Slice(position));
        }

        return position;
    }

    [Benchmark(OperationsPerInvoke = N), Variant(Variant.BinaryReader, "(b) BinaryWriter")]
    public int BinaryWriterPort() => BinaryWriterInfoCodec.EncodeFrames(_packets, _output);

    [Benchmark(OperationsPerInvoke = N), Variant(Variant.MemoryPack)]
    public int MemoryPack()
    {
        _mpOutput.ResetWrittenCount();
        foreach (var packet in _mpPackets)
        {
            MemoryPackSerializer.Serialize(_mpOutput, packet);
        }

        return _mpOutput.WrittenCount;
    }
}
