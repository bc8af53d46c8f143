using System;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using ProtocolGen.Benchmarks.Data;
using ProtocolGen.Benchmarks.Harness;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Micro;

/// <summary>
/// The strict UTF-8 candidates of <see cref="Utf8Candidates"/> on a 100-byte ASCII log line and on the multi-byte
/// lines of the log capture; today's generated approach is the baseline. Not in the ratio table (no generated
/// row): run it with <c>--filter '*Utf8Candidate*'</c>.
/// </summary>
[MemoryDiagnoser]
public class Utf8CandidateBenchmarks : IVerifiedBenchmark
{
    private byte[][] _lines = [];
    private string[] _texts = [];
    private readonly byte[] _output = new byte[4096];

    [Params("ascii 100 B", "multi-byte 100-500 B")]
    public string Text { get; set; } = "ascii 100 B";

    [GlobalSetup]
    public void Setup()
    {
        _texts = Text.StartsWith("ascii", StringComparison.Ordinal)
            ? Samples.Infos(Samples.LogLine).Cast<LogLine>().Take(64).Select(l => l.Line).ToArray()
            : Info.DecodeFrames(Captures.Logs).ToArrayOf<LogLine>().Take(64).Select(l => l.Line).ToArray();
        _lines = _texts.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    public void Verify()
    {
        foreach (var decode in new Func<ReadOnlySpan<byte>, string?>[]
        {
            Utf8Candidates.IsValidThenGetString, Utf8Candidates.ThrowingGetString, Utf8Candidates.ToUtf16ThenCopy,
            Utf8Candidates.AsciiThenToUtf16, Utf8Candidates.AsciiIsValidThenLatin1, Baselines.StrictUtf8.Decode, Baselines.StrictUtf8.DecodeBcl,
        })
        {
            VerifyDecode(decode, _lines, _texts);
        }

        foreach (var encode in new Func<string, Span<byte>, int>[]
        {
            Utf8Candidates.CountThenGetBytes, Utf8Candidates.FromUtf16, Utf8Candidates.AsciiThenFromUtf16, Baselines.StrictUtf8.Encode,
        })
        {
            foreach (var text in _texts.Append("lone \uD800 surrogate"))
            {
                var written = encode(text, _output);
                Check.SameBytes(Encoding.UTF8.GetBytes(text), _output.AsSpan(0, written), $"UTF-8 encode candidate {encode.Method.Name}");
            }
        }
    }

    /// <summary>
    /// Checks that <paramref name="decode"/> gives back each of <paramref name="texts"/> from its UTF-8
    /// <paramref name="lines"/>, and refuses (null) an overlong form, a byte never in UTF-8, a surrogate, a cut-short
    /// sequence and a value past U+10FFFF.
    /// </summary>
    internal static void VerifyDecode(Func<ReadOnlySpan<byte>, string?> decode, byte[][] lines, string[] texts)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            Check.Equal(texts[i], decode(lines[i]), $"UTF-8 decode candidate {decode.Method.Name}, line {i}");
        }

        foreach (var bad in new byte[][] { [0xC0, 0x80], [0x61, 0xFF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80] })
        {
            Check.Equal(null, decode(bad), $"UTF-8 decode candidate {decode.Method.Name} on invalid {Convert.ToHexString(bad)}");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 64)]
    public int IsValidThenGetString() => Decode(Utf8Candidates.IsValidThenGetString);

    [Benchmark(OperationsPerInvoke = 64)]
    public int ThrowingGetString() => Decode(Utf8Candidates.ThrowingGetString);

    [Benchmark(OperationsPerInvoke = 64)]
    public int ToUtf16ThenCopy() => Decode(Utf8Candidates.ToUtf16ThenCopy);

    [Benchmark(OperationsPerInvoke = 64)]
    public int AsciiThenToUtf16() => Decode(Utf8Candidates.AsciiThenToUtf16);

    [Benchmark(OperationsPerInvoke = 64)]
    public int AsciiIsValidThenLatin1() => Decode(Utf8Candidates.AsciiIsValidThenLatin1);

    [Benchmark(OperationsPerInvoke = 64)]
    public int EncodeCountThenGetBytes() => Encode(Utf8Candidates.CountThenGetBytes);

    [Benchmark(OperationsPerInvoke = 64)]
    public int EncodeFromUtf16() => Encode(Utf8Candidates.FromUtf16);

    [Benchmark(OperationsPerInvoke = 64)]
    public int EncodeAsciiThenFromUtf16() => Encode(Utf8Candidates.AsciiThenFromUtf16);

    private int Decode(Func<ReadOnlySpan<byte>, string?> decode)
    {
        var total = 0;
        foreach (var line in _lines)
        {
            total += decode(line)!.Length;
        }

        return total;
    }

    private int Encode(Func<string, Span<byte>, int> encode)
    {
        var total = 0;
        foreach (var text in _texts)
        {
            total += encode(text, _output);
        }

        return total;
    }
}
