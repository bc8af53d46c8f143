using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Cli;

/// <summary>
/// The command line against the library it is built on, in one run: <c>protocolgen decode</c> (text and
/// <c>--json</c>) and <c>protocolgen encode</c>, run in-process over an in-memory capture (standard input)
/// into a counting sink (standard output), against the library's own in-memory decode-and-format
/// (<see cref="Info.DecodeFrames(ReadOnlySpan{byte})"/> then <see cref="Info.WriteJson"/>) and
/// encode-from-JSON (<see cref="Info.ReadJson"/> then <see cref="Info.EncodeFrame(Info, IBufferWriter{byte})"/>).
/// Each category's ratio is the CLI's cost over the library's for the same bytes.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CliThroughputBenchmarks
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private byte[] _capture = [];
    private byte[] _jsonLines = [];

    [GlobalSetup]
    public void Setup()
    {
        // The upstream capture's good frames (every info kind), repeated to about 16 MB.
        var frames = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "testdata", "rust_info_test.bin")).AsSpan(5 + 69).ToArray();
        _capture = Enumerable.Repeat(frames, (16 << 20) / frames.Length).SelectMany(f => f).ToArray();
        _jsonLines = LibraryJsonLines(_capture);

        // Verify: the CLI prints exactly the library's JSON Lines, and encoding them gives back the capture.
        if (!CliOutput(_capture, "decode", "--json").SequenceEqual(_jsonLines))
        {
            throw new InvalidOperationException("decode --json differs from the library's JSON Lines");
        }

        if (!CliOutput(_jsonLines, "encode", "-o", "-").SequenceEqual(_capture) || !LibraryEncode(_jsonLines).SequenceEqual(_capture))
        {
            throw new InvalidOperationException("encoding the JSON Lines did not give back the capture");
        }
    }

    [Benchmark(Baseline = true, Description = "library: DecodeFrames + WriteJson")]
    [BenchmarkCategory("decode")]
    public long LibraryDecodeToJson()
    {
        var sink = new CountingStream();
        using var json = new Utf8JsonWriter(sink, JsonOptions);
        foreach (var frame in Info.DecodeFrames(_capture))
        {
            Info.WriteJson(json, frame.IsPacket ? frame.Packet : throw new InvalidOperationException(frame.Error.Message));
            json.Flush();
            json.Reset();
            sink.WriteByte((byte)'\n');
        }

        return sink.Length;
    }

    [Benchmark(Description = "protocolgen decode --json")]
    [BenchmarkCategory("decode")]
    public long CliDecodeJson() => RunCli(_capture, "decode", "--json");

    [Benchmark(Description = "protocolgen decode")]
    [BenchmarkCategory("decode")]
    public long CliDecodeText() => RunCli(_capture, "decode");

    [Benchmark(Baseline = true, Description = "library: ReadJson + EncodeFrame")]
    [BenchmarkCategory("encode")]
    public long LibraryEncodeFromJson() => LibraryEncode(_jsonLines).Length;

    [Benchmark(Description = "protocolgen encode")]
    [BenchmarkCategory("encode")]
    public long CliEncode() => RunCli(_jsonLines, "encode", "-o", "-");

    private static byte[] LibraryJsonLines(byte[] capture)
    {
        var lines = new MemoryStream();
        using var json = new Utf8JsonWriter(lines, JsonOptions);
        foreach (var frame in Info.DecodeFrames(capture))
        {
            Info.WriteJson(json, frame.IsPacket ? frame.Packet : throw new InvalidOperationException(frame.Error.Message));
            json.Flush();
            json.Reset();
            lines.WriteByte((byte)'\n');
        }

        return lines.ToArray();
    }

    private static byte[] LibraryEncode(byte[] jsonLines)
    {
        var frames = new ArrayBufferWriter<byte>(jsonLines.Length);
        var rest = jsonLines.AsSpan();
        while (rest.Length > 0)
        {
            var end = rest.IndexOf((byte)'\n');
            using (var document = JsonDocument.Parse(rest[..end].ToArray()))
            {
                Info.EncodeFrame(Info.ReadJson(document.RootElement), frames);
            }

            rest = rest[(end + 1)..];
        }

        return frames.WrittenSpan.ToArray();
    }

    private static long RunCli(byte[] input, params string[] args)
    {
        var output = new CountingStream();
        var exitCode = ProtocolGen.Cli.Cli.Run(args, new MemoryStream(input, writable: false), output, TextWriter.Null);
        return exitCode == 0 ? output.Length : throw new InvalidOperationException($"protocolgen {string.Join(' ', args)} exited with {exitCode}");
    }

    private static byte[] CliOutput(byte[] input, params string[] args)
    {
        var output = new MemoryStream();
        var exitCode = ProtocolGen.Cli.Cli.Run(args, new MemoryStream(input, writable: false), output, TextWriter.Null);
        return exitCode == 0 ? output.ToArray() : throw new InvalidOperationException($"protocolgen {string.Join(' ', args)} exited with {exitCode}");
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // Each operation moves 16 MB of frames (about 60 MB of JSON); a few iterations give a stable mean.
            AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(8).WithInvocationCount(1).WithUnrollFactor(1));
        }
    }
}
