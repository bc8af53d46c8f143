using System;
using System.Text;
using System.Text.Unicode;
using BenchmarkDotNet.Attributes;

namespace ProtocolGen.Benchmarks.Micro;

/// <summary>
/// Strict UTF-8 to string, the candidates for the generated text reader: each must refuse invalid UTF-8 without
/// throwing (a bad frame allocates only its error). Run: dotnet run -c Release --project bench -- --filter '*Utf8Decode*'
/// </summary>
[MemoryDiagnoser]
public class Utf8DecodeBenchmarks
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private byte[] _text = Array.Empty<byte>();

    /// <summary>ASCII log lines of 100 bytes, and long lines of random non-ASCII text.</summary>
    [Params("ascii100", "mixed500")]
    public string Text { get; set; } = "ascii100";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var builder = new StringBuilder();
        if (Text == "ascii100")
        {
            while (builder.Length < 100)
            {
                builder.Append((char)random.Next(0x20, 0x7F));
            }
        }
        else
        {
            while (Encoding.UTF8.GetByteCount(builder.ToString()) < 500)
            {
                builder.Append(random.Next(4) switch { 0 => (char)random.Next(0x20, 0x7F), 1 => (char)random.Next(0xA0, 0x800), 2 => (char)random.Next(0x800, 0xD000), _ => 'x' });
            }
        }

        _text = Encoding.UTF8.GetBytes(builder.ToString());
        var results = new[] { IsValidThenGetString(), StrictGetString(), AsciiFastPath(), ToUtf16IntoStringCreate(), CountThenStrictToUtf16(), AsciiThenCountThenStrictToUtf16() };
        foreach (var result in results)
        {
            if (result != results[0])
            {
                throw new InvalidOperationException("The candidates disagree.");
            }
        }
    }

    /// <summary>Today's reader: validate, then transcode.</summary>
    [Benchmark(Baseline = true)]
    public string? IsValidThenGetString() => Utf8.IsValid(_text) ? Encoding.UTF8.GetString(_text) : null;

    /// <summary>The same transcoder as GetString with no separate validation; refusal throws (ruled out for hostile input, measured for reference).</summary>
    [Benchmark]
    public string? StrictGetString() => Strict.GetString(_text);

    /// <summary>ASCII checked and widened; anything else the baseline way.</summary>
    [Benchmark]
    public string? AsciiFastPath() => System.Text.Ascii.IsValid(_text)
        ? Encoding.Latin1.GetString(_text)
        : IsValidThenGetString();

    /// <summary>Count UTF-16 units with validation (GetCharCount after IsValid), then Utf8.ToUtf16 into string.Create.</summary>
    [Benchmark]
    public string? ToUtf16IntoStringCreate()
    {
        var bytes = _text;
        if (!Utf8.IsValid(bytes))
        {
            return null;
        }

        return string.Create(Encoding.UTF8.GetCharCount(bytes), bytes, static (chars, source) => Utf8.ToUtf16(source, chars, out _, out _, replaceInvalidSequences: false));
    }

    /// <summary>Count UTF-16 units (lenient, one pass), then transcode strictly into string.Create; a refusal wastes the string.</summary>
    [Benchmark]
    public string? CountThenStrictToUtf16() => CountThenStrict(_text);

    /// <summary>ASCII checked and widened; anything else counted, then transcoded strictly.</summary>
    [Benchmark]
    public string? AsciiThenCountThenStrictToUtf16() => System.Text.Ascii.IsValid(_text) ? Encoding.Latin1.GetString(_text) : CountThenStrict(_text);

    private static string? CountThenStrict(byte[] bytes)
    {
        var text = new string('\0', Encoding.UTF8.GetCharCount(bytes));
        var chars = System.Runtime.InteropServices.MemoryMarshal.AsMemory(text.AsMemory()).Span;
        return Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done && written == chars.Length ? text : null;
    }
}
