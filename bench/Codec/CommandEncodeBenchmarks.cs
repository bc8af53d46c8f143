using System;
using System.Buffers;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MemoryPack;
using ProtocolGen.Benchmarks.Baselines;
using ProtocolGen.Benchmarks.Harness;
using ProtocolGen.Portmaster;

namespace ProtocolGen.Benchmarks.Codec;

/// <summary>
/// Encoding 1,000 commands of one kind, into one span and each to a new array: generated <c>Command.EncodeFrame</c>
/// against hand-written span code (a) and MemoryPack (d, its own format). Per command.
/// </summary>
public class CommandEncodeBenchmarks : IVerifiedBenchmark
{
    private const int N = 1000;

    private Command[] _commands = [];
    private MpCommand[] _mpCommands = [];
    private readonly byte[] _output = new byte[N * 64];
    private readonly byte[][] _arrays = new byte[N][];
    private readonly ArrayBufferWriter<byte> _mpOutput = new(N * 128);

    [Params("Verdict", "UpdateV6")]
    public string Kind { get; set; } = "Verdict";

    [GlobalSetup]
    public void Setup()
    {
        _commands = Enumerable.Range(0, N).Select(i => Kind == "Verdict"
            ? (Command)new VerdictCommand((ulong)i * 7919, (Verdict)(i % 12))
            : new UpdateV6(IpProtocol.Tcp, Ipv6Address.Parse($"fe80::{i:x}"), (ushort)(49152 + i), Ipv6Address.Parse($"2001:db8::{i:x}:1"), 443, (Verdict)(i % 12))).ToArray();
        _mpCommands = _commands.Select(MpCommand.From).ToArray();
    }

    public void Verify()
    {
        var expected = _commands.SelectMany(Command.EncodeFrame).ToArray();
        Check.Equal(expected.Length, GeneratedIntoSpan(), "generated into a span: size");
        Check.SameBytes(expected, _output.AsSpan(0, expected.Length), "generated into a span");
        Array.Clear(_output);
        Check.Equal(expected.Length, HandWrittenIntoSpan(), "(a) hand-written into a span: size");
        Check.SameBytes(expected, _output.AsSpan(0, expected.Length), "(a) hand-written into a span");
        Check.Equal(expected.Length, GeneratedToArray(), "generated to arrays: size");
        Check.SameBytes(expected, _arrays.SelectMany(a => a).ToArray(), "generated to arrays");
        Check.Equal(expected.Length, HandWrittenToArray(), "(a) hand-written to arrays: size");
        Check.SameBytes(expected, _arrays.SelectMany(a => a).ToArray(), "(a) hand-written to arrays");
        MemoryPackIntoBuffer();
        var back = _mpOutput.WrittenMemory;
        for (var i = 0; i < N; i++)
        {
            MpCommand? command = null;
            back = back.Slice(MemoryPackSerializer.Deserialize(back.Span, ref command));
            Check.Equal(_commands[i], command?.ToCommand(), $"(d) MemoryPack into a buffer, read back, command {i}");
        }

        MemoryPackToArray();
        for (var i = 0; i < N; i++)
        {
            Check.Equal(_commands[i], MemoryPackSerializer.Deserialize<MpCommand>(_arrays[i])?.ToCommand(), $"(d) MemoryPack to arrays, read back, command {i}");
        }
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory(Rows.CommandIntoSpan), Variant(Variant.Generated)]
    public int GeneratedIntoSpan()
    {
        Span<byte> output = _output;
        var position = 0;
        foreach (var command in _commands)
        {
            position += Command.EncodeFrame(command, output.Slice(position));
        }

        return position;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory(Rows.CommandIntoSpan), Variant(Variant.HandWritten)]
    public int HandWrittenIntoSpan()
    {
        Span<byte> output = _output;
        var position = 0;
        foreach (var command in _commands)
        {
            position += HandWrittenCommandCodec.EncodeFrame(command, output.Slice(position));
        }

        return position;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory(Rows.CommandIntoSpan), Variant(Variant.MemoryPack, "(d) MemoryPack into a buffer writer")]
    public int MemoryPackIntoBuffer()
    {
        _mpOutput.ResetWrittenCount();
        foreach (var command in _mpCommands)
        {
            MemoryPackSerializer.Serialize(_mpOutput, command);
        }

        return _mpOutput.WrittenCount;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory(Rows.CommandToArray), Variant(Variant.Generated)]
    public int GeneratedToArray()
    {
        var total = 0;
        for (var i = 0; i < _commands.Length; i++)
        {
            total += (_arrays[i] = Command.EncodeFrame(_commands[i])).Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory(Rows.CommandToArray), Variant(Variant.HandWritten)]
    public int HandWrittenToArray()
    {
        var total = 0;
        for (var i = 0; i < _commands.Length; i++)
        {
            total += (_arrays[i] = HandWrittenCommandCodec.EncodeFrame(_commands[i])).Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory(Rows.CommandToArray), Variant(Variant.MemoryPack)]
    public int MemoryPackToArray()
    {
        var total = 0;
        for (var i = 0; i < _mpCommands.Length; i++)
        {
            total += (_arrays[i] = MemoryPackSerializer.Serialize(_mpCommands[i])).Length;
        }

        return total;
    }
}
