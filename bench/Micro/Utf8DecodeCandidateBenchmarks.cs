using System;
using System.Linq;
using System.Text;
using System.Text.Unicode;
using BenchmarkDotNet.Attributes;
using ProtocolGen.Benchmarks.Data;
using ProtocolGen.Benchmarks.Harness;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Micro;

/// <summary>
/// Strict UTF-8 decoding and validation, the BCL's (today's <c>WireText.TryDecode</c>, and <see cref="Utf8.IsValid"/>
/// as the views use it) against <see cref="Utf8DecodeCandidates"/>, on the log capture's own lines and on ASCII,
/// 2-byte-only and CJK-heavy lines of 100 to 500 bytes. Not in the ratio table (no generated row): run it with
/// <c>--filter '*Utf8DecodeCandidate*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class Utf8DecodeCandidateBenchmarks : IVerifiedBenchmark
{
    // All the capture's log lines: fewer, repeated, would let the branch predictor learn them, which flatters the
    // BCL's branchy scalar code (64 lines made its decode look 2x faster than on the capture).
    private const int Lines = Captures.LogFrames / 2;
    private byte[][] _lines = [];
    private string[] _texts = [];
    private readonly char[] _chars = new char[4096];

    [Params("capture", "ascii", "2-byte", "cjk")]
    public string Text { get; set; } = "capture";

    [GlobalSetup]
    public void Setup()
    {
        _texts = Text switch
        {
            "capture" => Info.DecodeFrames(Captures.Logs).ToArrayOf<LogLine>().Select(l => l.Line).ToArray(),
            "ascii" => Made("connection blocked allowed process verdict port id= ok".Split(' ')),
            "2-byte" => Made(["соединение", "заблокировано", "процесс", "разрешено", "ß", "ø", "é", "ü", "Ωμέγα"], separator: "·"),
            _ => Made(["接続", "遮断されました", "进程", "允许", "连接已建立", "ok", "。", "、"], separator: "　"),
        };
        _lines = _texts.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    public void Verify()
    {
        foreach (var decode in new Func<ReadOnlySpan<byte>, string?>[] { Utf8DecodeCandidates.AsciiThenValidateThenTranscode, Utf8DecodeCandidates.ValidateThenTranscode, Baselines.StrictUtf8.Decode, Baselines.StrictUtf8.DecodeBcl })
        {
            Utf8CandidateBenchmarks.VerifyDecode(decode, _lines, _texts);
        }

        foreach (var validate in new Func<ReadOnlySpan<byte>, bool>[] { Utf8DecodeCandidates.IsValid, Utf8DecodeCandidates.IsValid128 })
        {
            Utf8CandidateBenchmarks.VerifyDecode(bytes => validate(bytes) ? Encoding.UTF8.GetString(bytes) : null, _lines, _texts);
        }

        Check.That(_lines.Length == Lines, $"{Lines} {Text} lines");
        Check.That(Text == "ascii" ? _lines.All(l => Ascii.IsValid(l)) : _lines.All(l => !Ascii.IsValid(l)), $"{Text} lines are {(Text == "ascii" ? string.Empty : "not ")}ASCII");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public int DecodeBcl() => Decode(Utf8Candidates.AsciiIsValidThenLatin1);

    [Benchmark(OperationsPerInvoke = Lines)]
    public int DecodeValidateThenTranscode() => Decode(Utf8DecodeCandidates.AsciiThenValidateThenTranscode);

    [Benchmark(OperationsPerInvoke = Lines)]
    public int TranscodeValidated()
    {
        var total = 0;
        foreach (var line in _lines)
        {
            total += Utf8DecodeCandidates.TranscodeValidated(line, _chars);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int ValidateBcl() => Validate(Utf8.IsValid);

    [Benchmark(OperationsPerInvoke = Lines)]
    public int ValidateLookup() => Validate(Utf8DecodeCandidates.IsValid);

    [Benchmark(OperationsPerInvoke = Lines)]
    public int ValidateLookup128() => Validate(Utf8DecodeCandidates.IsValid128);

    // Lines of 100 to 500 UTF-8 bytes of the given words, from a fixed seed.
    private static string[] Made(string[] words, string separator = " ")
    {
        var random = new Random(8);
        return Enumerable.Range(0, Lines).Select(_ =>
        {
            var target = random.Next(100, 501);
            var text = new StringBuilder();
            while (Encoding.UTF8.GetByteCount(text.ToString()) < target)
            {
                text.Append(words[random.Next(words.Length)]).Append(separator);
            }

            return text.ToString();
        }).ToArray();
    }

    private int Decode(Func<ReadOnlySpan<byte>, string?> decode)
    {
        var total = 0;
        foreach (var line in _lines)
        {
            total += decode(line)!.Length;
        }

        return total;
    }

    private int Validate(Func<ReadOnlySpan<byte>, bool> validate)
    {
        var total = 0;
        foreach (var line in _lines)
        {
            total += validate(line) ? 1 : 0;
        }

        return total;
    }
}
