using System;
using System.Buffers;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MemoryPack;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Codec;

/// <summary>
/// Encodes and decodes 1,000 connection infos and one 1,000-entry bandwidth report, against MemoryPack
/// doing the same with the same values in its own format (the baseline of each category).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CodecBenchmarks
{
    private const int Count = 1000;

    private readonly ArrayBufferWriter<byte> _output = new(1 << 20);
    private Info[] _connections = [];
    private MpConnectionV4[] _mpConnections = [];
    private byte[] _connectionFrames = [];
    private byte[][] _mpConnectionBytes = [];
    private BandwidthStatsV4 _stats = null!;
    private MpBandwidthStatsV4 _mpStats = null!;
    private byte[] _statsFrame = [];
    private byte[] _mpStatsBytes = [];

    [GlobalSetup]
    public void Setup()
    {
        var payload = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
        _connections = Enumerable.Range(0, Count)
            .Select(i => (Info)new ConnectionV4((ulong)i, 4242, Direction.Outbound, IpProtocol.Tcp, new Ipv4Address(10, 0, 0, 1), new Ipv4Address(93, 184, 216, (byte)i), 50000, 443, 4, payload))
            .ToArray();
        _mpConnections = Enumerable.Range(0, Count)
            .Select(i => new MpConnectionV4((ulong)i, 4242, 0, 6, 0x0A000001, 0x5DB8D800u | (byte)i, 50000, 443, 4, payload))
            .ToArray();
        _connectionFrames = _connections.SelectMany(Info.EncodeFrame).ToArray();
        _mpConnectionBytes = _mpConnections.Select(c => MemoryPackSerializer.Serialize(c)).ToArray();

        _stats = new BandwidthStatsV4(IpProtocol.Tcp, Enumerable.Range(0, Count)
            .Select(i => new BandwidthValueV4(new Ipv4Address(10, 0, 0, 1), (ushort)i, new Ipv4Address(1, 1, 1, 1), 443, (ulong)i * 1000, (ulong)i * 10))
            .ToImmutableArray());
        _mpStats = new MpBandwidthStatsV4(6, Enumerable.Range(0, Count)
            .Select(i => new MpBandwidthValueV4(0x0A000001, (ushort)i, 0x01010101, 443, (ulong)i * 1000, (ulong)i * 10))
            .ToArray());
        _statsFrame = Info.EncodeFrame(_stats);
        _mpStatsBytes = MemoryPackSerializer.Serialize(_mpStats);
    }

    [BenchmarkCategory("encode 1,000 connections"), Benchmark(Baseline = true, Description = "MemoryPack")]
    public int EncodeConnectionsMemoryPack()
    {
        _output.ResetWrittenCount();
        foreach (var connection in _mpConnections)
        {
            MemoryPackSerializer.Serialize(_output, connection);
        }

        return _output.WrittenCount;
    }

    [BenchmarkCategory("encode 1,000 connections"), Benchmark(Description = "ProtocolGen")]
    public int EncodeConnections()
    {
        _output.ResetWrittenCount();
        foreach (var connection in _connections)
        {
            Info.EncodeFrame(connection, _output);
        }

        return _output.WrittenCount;
    }

    [BenchmarkCategory("decode 1,000 connections"), Benchmark(Baseline = true, Description = "MemoryPack")]
    public ulong DecodeConnectionsMemoryPack()
    {
        ulong sum = 0;
        foreach (var bytes in _mpConnectionBytes)
        {
            sum += MemoryPackSerializer.Deserialize<MpConnectionV4>(bytes)!.Id;
        }

        return sum;
    }

    [BenchmarkCategory("decode 1,000 connections"), Benchmark(Description = "ProtocolGen")]
    public ulong DecodeConnections()
    {
        ulong sum = 0;
        foreach (var frame in Info.DecodeFrames(_connectionFrames))
        {
            sum += ((ConnectionV4)frame.Packet!).Id;
        }

        return sum;
    }

    [BenchmarkCategory("encode a 1,000-entry bandwidth report"), Benchmark(Baseline = true, Description = "MemoryPack")]
    public int EncodeStatsMemoryPack()
    {
        _output.ResetWrittenCount();
        MemoryPackSerializer.Serialize(_output, _mpStats);
        return _output.WrittenCount;
    }

    [BenchmarkCategory("encode a 1,000-entry bandwidth report"), Benchmark(Description = "ProtocolGen")]
    public int EncodeStats()
    {
        _output.ResetWrittenCount();
        Info.EncodeFrame(_stats, _output);
        return _output.WrittenCount;
    }

    [BenchmarkCategory("decode a 1,000-entry bandwidth report"), Benchmark(Baseline = true, Description = "MemoryPack")]
    public int DecodeStatsMemoryPack() => MemoryPackSerializer.Deserialize<MpBandwidthStatsV4>(_mpStatsBytes)!.Values.Length;

    [BenchmarkCategory("decode a 1,000-entry bandwidth report"), Benchmark(Description = "ProtocolGen")]
    public int DecodeStats() => ((BandwidthStatsV4)Info.DecodeFrame(_statsFrame)).Values.Length;
}
