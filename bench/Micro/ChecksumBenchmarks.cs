using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ProtocolGen.Benchmarks.Harness;
using ProtocolGen.Wire;

namespace ProtocolGen.Benchmarks.Micro;

/// <summary>
/// <see cref="Checksums"/> against the candidates it was chosen over (<see cref="ChecksumCandidates"/>), on an
/// IPv4 header (20 B), a full Ethernet payload (1500 B) and 64 KiB. Not in the ratio table (no generated row):
/// run it with <c>--filter '*Checksum*'</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ChecksumBenchmarks : IVerifiedBenchmark
{
    private byte[] _data = [];

    [Params(20, 1500, 65536)]
    public int Length { get; set; } = 1500;

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Length];
        new Random(Length).NextBytes(_data);
    }

    public void Verify()
    {
        for (var length = 0; length <= Math.Min(_data.Length, 300); length++)
        {
            var data = _data.AsSpan(0, length);
            Check.Equal(ChecksumCandidates.InternetWordLoop(data, 12345), Checksums.Internet(data, 12345), $"Internet checksum of {length} bytes");
            Check.Equal(ChecksumCandidates.Crc32SlicingBy8(data), Checksums.Crc32(data), $"CRC-32 of {length} bytes");
        }

        Check.Equal(ChecksumCandidates.InternetWordLoop(_data), Checksums.Internet(_data), $"Internet checksum of {_data.Length} bytes");
        Check.Equal(ChecksumCandidates.Crc32SlicingBy8(_data), Checksums.Crc32(_data), $"CRC-32 of {_data.Length} bytes");
        Check.Equal(0xCBF43926u, ChecksumCandidates.Crc32SlicingBy8("123456789"u8), "slicing-by-8 check value");
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Internet")]
    public ushort InternetWordLoop() => ChecksumCandidates.InternetWordLoop(_data);

    [Benchmark]
    [BenchmarkCategory("Internet")]
    public ushort Internet() => Checksums.Internet(_data);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Crc32")]
    public uint Crc32SlicingBy8() => ChecksumCandidates.Crc32SlicingBy8(_data);

    [Benchmark]
    [BenchmarkCategory("Crc32")]
    public uint Crc32SystemIOHashing() => Checksums.Crc32(_data);
}
