using System;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using ProtocolGen.Benchmarks.Data;
using ProtocolGen.Benchmarks.Harness;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Micro;

/// <summary>
/// The guarded strict UTF-8 writers of <see cref="Utf8EncodeCandidates"/> on 100-char ASCII log lines and on the
/// multi-byte lines of the log capture; the hand-written baseline's unguarded pass is the baseline. Not in the ratio
/// table (no generated row): run it with <c>--filter '*Utf8EncodeCandidate*'</c>.
/// </summary>
public class Utf8EncodeCandidateBenchmarks : IVerifiedBenchmark
{
    private string[] _texts = [];
    private readonly byte[] _output = new byte[4096];

    [Params("ascii 100 B", "multi-byte 100-500 B")]
    public string Text { get; set; } = "ascii 100 B";

    [GlobalSetup]
    public void Setup() =>
        _texts = Text.StartsWith("ascii", StringComparison.Ordinal)
            ? Samples.Infos(Samples.LogLine).Cast<LogLine>().Take(64).Select(l => l.Line).ToArray()
            : Info.DecodeFrames(Captures.Logs).ToArrayOf<LogLine>().Take(64).Select(l => l.Line).ToArray();

    public void Verify()
    {
        var guarded = new Func<string, Span<byte>, int>[]
        {
            Utf8EncodeCandidates.CheckThenFromUtf16, Utf8EncodeCandidates.SaveAndRestore,
            Utf8EncodeCandidates.InlineCheckThenNarrow, Utf8EncodeCandidates.RegistersThenStore,
            Utf8EncodeCandidates.WireTextCountThenWrite,
        };
        var lengths = Enumerable.Range(0, 300).ToArray();
        foreach (var encode in guarded.Append(Utf8EncodeCandidates.Unguarded))
        {
            // Every length across the block edges, ASCII and not, and the sample texts.
            var texts = _texts.Concat(lengths.Select(n => new string((char)('a' + n % 26), n)))
                .Concat(lengths.Where(n => n > 0).Select(n => new string('b', n - 1) + "é"));
            foreach (var text in texts)
            {
                Array.Fill(_output, (byte)0xAA);
                var written = encode(text, _output);
                Check.SameBytes(Encoding.UTF8.GetBytes(text), _output.AsSpan(0, written), $"guarded UTF-8 encode {encode.Method.Name}, {text.Length} chars");
                Check.Equal(true, _output.AsSpan(written).IndexOfAnyExcept((byte)0xAA) < 0, $"guarded UTF-8 encode {encode.Method.Name} writes only its bytes");
            }
        }

        foreach (var encode in guarded)
        {
            // Refusals anywhere in the text, and a destination one byte short, leave every byte as it was.
            var bad = lengths.Where(n => n > 0).Select(n => new string('c', n - 1) + "\uD800")
                .Concat(lengths.Where(n => n > 1).Select(n => "\uDC00" + new string('d', n - 1)));
            foreach (var text in bad)
            {
                Array.Fill(_output, (byte)0xAA);
                Check.Equal(-1, encode(text, _output), $"guarded UTF-8 encode {encode.Method.Name} refuses a lone surrogate");
                Check.Equal(true, _output.AsSpan().IndexOfAnyExcept((byte)0xAA) < 0, $"guarded UTF-8 encode {encode.Method.Name} refuses untouched, {text.Length} chars");
            }

            foreach (var text in _texts.Concat(lengths.Where(n => n > 0).Select(n => new string('e', n))))
            {
                var size = Encoding.UTF8.GetByteCount(text);
                Array.Fill(_output, (byte)0xAA);
                Check.Equal(-1, encode(text, _output.AsSpan(0, size - 1)), $"guarded UTF-8 encode {encode.Method.Name} refuses a short span");
                Check.Equal(true, _output.AsSpan().IndexOfAnyExcept((byte)0xAA) < 0, $"guarded UTF-8 encode {encode.Method.Name} short span untouched");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 64)]
    public int Unguarded() => Encode(Utf8EncodeCandidates.Unguarded);

    [Benchmark(OperationsPerInvoke = 64)]
    public int CheckThenFromUtf16() => Encode(Utf8EncodeCandidates.CheckThenFromUtf16);

    [Benchmark(OperationsPerInvoke = 64)]
    public int SaveAndRestore() => Encode(Utf8EncodeCandidates.SaveAndRestore);

    [Benchmark(OperationsPerInvoke = 64)]
    public int InlineCheckThenNarrow() => Encode(Utf8EncodeCandidates.InlineCheckThenNarrow);

    [Benchmark(OperationsPerInvoke = 64)]
    public int RegistersThenStore() => Encode(Utf8EncodeCandidates.RegistersThenStore);

    [Benchmark(OperationsPerInvoke = 64)]
    public int WireTextCountThenWrite() => Encode(Utf8EncodeCandidates.WireTextCountThenWrite);

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
