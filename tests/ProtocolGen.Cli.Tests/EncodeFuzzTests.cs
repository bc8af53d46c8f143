using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ProtocolGen.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace ProtocolGen.Cli.Tests;

/// <summary>
/// Mutated JSON Lines through <c>encode</c>: the lines <c>decode --json</c> makes of the upstream captures, some
/// of them mutated (bytes flipped or overwritten, invalid UTF-8, lone surrogate escapes, repeated and unknown
/// keys, cut, garbage, spans duplicated or removed). Only typed errors (reported lines, never an exception);
/// every untouched line gives exactly its frame; a bad line costs nothing but itself.
/// </summary>
public sealed class EncodeFuzzTests(ITestOutputHelper output)
{
    private const int FixedSeed = 20261201;
    private const int Batches = 400;
    private const int LinesPerBatch = 50;

    private static readonly Lazy<string[]> InfoLines = new(() => CliRun.Of("decode", "--json", TestData.RustInfoPath).Lines);
    private static readonly Lazy<string[]> CommandLines = new(() => CliRun.Of("decode", "--json", "--commands", TestData.GoCommandPath).Lines);

    private static readonly string[] Insertions =
    [
        "\\ud800", "\\udfff", "\\u0000", "\"", "\\", "{", "}", "[", "]", ",", ":", "null", "true", "-0", "1e999",
        "99999999999999999999999", "\"kind\":\"LogLine\",", "\"extra\":1,", "%eth0", "[::1]:80", "01.", "\t", " ",
        "\"trailing\":\"00\",", "\"trailing\":\"\\ud800\",", ",\"trailing\":\"ab\"",
    ];

    // What a line may carry as "trailing" (a newer peer's fields), good and bad.
    private static readonly string[] TrailingValues = ["00", "aabb", "", "0", "zz", "\\ud800", "\\udc00aa", "\\u0041", "ab\\\"", "null"];

    private static readonly byte[][] BadBytes = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF0, 0x9F]];

    [Fact]
    public void MutatedInfoLines_GiveOnlyReportedBadLines_AndKeepEveryGoodLine()
    {
        var report = Run<Portmaster.Info>(InfoLines.Value, FixedSeed, []);

        output.WriteLine($"info lines, seed {FixedSeed}: {report}");
    }

    [Fact]
    public void MutatedCommandLines_GiveOnlyReportedBadLines_AndKeepEveryGoodLine()
    {
        var report = Run<Portmaster.Command>(CommandLines.Value, FixedSeed, ["--commands"]);

        output.WriteLine($"command lines, seed {FixedSeed}: {report}");
    }

    [Fact]
    public void MutatedLines_FromARandomSeed_GiveOnlyReportedBadLines_AndKeepEveryGoodLine()
    {
        var seed = Environment.GetEnvironmentVariable("PROTOCOLGEN_FUZZ_SEED") is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : Random.Shared.Next();

        var report = Run<Portmaster.Info>(InfoLines.Value, seed, [], batches: Batches / 4);

        output.WriteLine($"info lines, seed {seed}: {report}");
    }

    private static string Run<TUnion>(string[] source, int seed, string[] extra, int batches = Batches)
        where TUnion : IPacketUnion<TUnion>
    {
        var random = new Random(seed);
        var originals = source.Select(l => Encoding.UTF8.GetBytes(l)).ToArray();
        var frames = originals.Select(EncodeOne<TUnion>).ToArray();
        long lines = 0, mutated = 0, bad = 0;
        for (var batch = 0; batch < batches; batch++)
        {
            var picked = Enumerable.Range(0, LinesPerBatch).Select(_ => random.Next(originals.Length)).ToArray();
            var isMutated = picked.Select(_ => random.Next(3) == 0).ToArray();
            var input = picked.Select((p, i) => isMutated[i] ? Mutate(random, originals[p]) : originals[p]).ToArray();

            // Each line alone, then the batch: a bad line must change nothing for the others.
            var alone = new List<byte>();
            for (var i = 0; i < input.Length; i++)
            {
                var one = EncodeOne<TUnion>(input[i]);
                if (!isMutated[i] && !one.Output.AsSpan().SequenceEqual(frames[picked[i]].Output))
                {
                    Fail(seed, batch, $"untouched line {i + 1} gave {Convert.ToHexString(one.Output)}, not its frame", input[i]);
                }

                alone.AddRange(one.Output);
            }

            var joined = input.SelectMany(l => l.Concat(new[] { (byte)'\n' })).ToArray();
            var whole = EncodeMany<TUnion>(joined, out var problems, out var escaped);
            if (escaped is not null)
            {
                Fail(seed, batch, "an exception escaped the encoder: " + escaped, joined);
            }

            if (!whole.AsSpan().SequenceEqual(alone.ToArray()))
            {
                Fail(seed, batch, "the batch's output is not its lines' outputs end to end", joined);
            }

            foreach (var problem in problems)
            {
                var number = int.Parse(problem.AsSpan(5, problem.IndexOf(':') - 5), CultureInfo.InvariantCulture);
                if (!problem.StartsWith("line ", StringComparison.Ordinal) || !isMutated[number - 1] || problem.Length > 300)
                {
                    Fail(seed, batch, "a report that does not name a mutated line briefly: " + problem[..Math.Min(problem.Length, 300)], joined);
                }

                if (problem.Contains("cannot be encoded (", StringComparison.Ordinal))
                {
                    // The encoder's last resort caught an exception no check turned into a typed error: a bug.
                    Fail(seed, batch, "an untyped exception, caught only by the last resort: " + problem[..Math.Min(problem.Length, 300)], joined);
                }
            }

            lines += input.Length;
            mutated += isMutated.Count(m => m);
            bad += problems.Count;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{lines} lines, {mutated} mutated, {bad} reported bad");
    }

    private static (byte[] Output, int Problems) EncodeOne<TUnion>(byte[] line)
        where TUnion : IPacketUnion<TUnion>
    {
        var output = EncodeMany<TUnion>(line, out var problems, out var escaped);
        return escaped is null ? (output, problems.Count) : throw new InvalidOperationException("an exception escaped the encoder", escaped);
    }

    private static byte[] EncodeMany<TUnion>(byte[] input, out List<string> problems, out Exception? escaped)
        where TUnion : IPacketUnion<TUnion>
    {
        var output = new MemoryStream();
        // As the CLI does: a command stream refuses "raw" bytes.
        var encoder = new Encode.JsonLinesEncoder<TUnion>(output, allowRaw: typeof(TUnion) != typeof(Portmaster.Command));
        problems = new List<string>();
        escaped = null;
        try
        {
            encoder.EncodeAll(new MemoryStream(input), problems.Add);
        }
        catch (Exception e)
        {
            escaped = e;
        }

        return output.ToArray();
    }

    // One to three mutations; never a line end, so lines keep their numbers.
    private static byte[] Mutate(Random random, byte[] line)
    {
        var bytes = line.ToList();
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(10))
            {
                case 0 when at < bytes.Count:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when at < bytes.Count:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 3:
                    bytes.InsertRange(at, BadBytes[random.Next(BadBytes.Length)]);
                    break;
                case 4:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Insertions[random.Next(Insertions.Length)]));
                    break;
                case 5 when bytes.Count > 0:
                {
                    var from = random.Next(bytes.Count);
                    bytes.InsertRange(at, bytes.GetRange(from, Math.Min(random.Next(1, 40), bytes.Count - from)));
                    break;
                }

                case 6 when at < bytes.Count:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 20), bytes.Count - at));
                    break;
                case 7:
                {
                    // A key repeated: the first "name":value pair copied right after the opening brace.
                    var text = Encoding.UTF8.GetString(bytes.ToArray());
                    var comma = text.IndexOf(',', StringComparison.Ordinal);
                    if (text.StartsWith('{') && comma > 1)
                    {
                        bytes.InsertRange(1, Encoding.UTF8.GetBytes(text[1..(comma + 1)]));
                    }

                    break;
                }

                case 8:
                {
                    // The line carries "trailing", before or after its other members, so that the cut that takes
                    // it out meets every other mutation.
                    var value = TrailingValues[random.Next(TrailingValues.Length)];
                    var member = value == "null" ? "\"trailing\":null" : $"\"trailing\":\"{value}\"";
                    var text = Encoding.UTF8.GetString(bytes.ToArray());
                    if (random.Next(2) == 0 && text.StartsWith('{'))
                    {
                        bytes.InsertRange(1, Encoding.UTF8.GetBytes(member + ","));
                    }
                    else if (text.LastIndexOf('}') is var close and > 0)
                    {
                        bytes.InsertRange(close, Encoding.UTF8.GetBytes("," + member));
                    }

                    break;
                }

                default:
                {
                    var garbage = new byte[random.Next(1, 9)];
                    random.NextBytes(garbage);
                    bytes.InsertRange(at, garbage);
                    break;
                }
            }
        }

        return bytes.Select(b => b is (byte)'\n' or (byte)'\r' ? (byte)' ' : b).ToArray();
    }

    private static void Fail(int seed, int batch, string problem, byte[] input) =>
        throw new Xunit.Sdk.XunitException(string.Create(
            CultureInfo.InvariantCulture,
            $"seed {seed}, batch {batch}: {problem}\ninput: {Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 2048)))}"));
}
