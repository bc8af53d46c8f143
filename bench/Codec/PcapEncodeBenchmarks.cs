extern alias PcapSample;

using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ProtocolGen.Benchmarks.Baselines;
using ProtocolGen.Benchmarks.Data;
using ProtocolGen.Benchmarks.Harness;
using PcapSample::ProtocolGen.Samples.Pcap;

namespace ProtocolGen.Benchmarks.Codec;

/// <summary>
/// Encoding the pcap capture's 37 decoded frames back to their records' bytes, one after another in one span, through
/// the sample's public API: <see cref="PcapFrame.WriteTo"/> (the record header's generated writer, and the Ethernet
/// frame's in place after it, which writes each nested layer inside it, every length and checksum computed, the TCP and
/// UDP ones with their IP pseudo-header). The frames hold stale
/// lengths and checksums (<see cref="PcapDerivedFields.Stale"/>), so both sides must compute them. Against
/// hand-written span code writing the same bytes straight into the span (a). Times and allocations are per frame.
/// </summary>
[BenchmarkCategory(Rows.EncodePcap)]
public class PcapEncodeBenchmarks : IVerifiedBenchmark
{
    private PcapFrame[] _frames = [];
    private byte[] _expected = [];
    private byte[] _output = [];

    [GlobalSetup]
    public void Setup()
    {
        _frames = PcapFile.Read(PcapCapture.Bytes).Frames.Select(PcapDerivedFields.Stale).ToArray();
        _expected = PcapCapture.Bytes.AsSpan(PcapCapture.FileHeaderSize).ToArray();
        _output = new byte[_expected.Length + 4096];
    }

    public void Verify()
    {
        Check.Equal(PcapCapture.Frames, _frames.Length, "frames");
        Check.That(_frames.All(f => f.Record.IncludedLength == 0), "the frames' lengths are stale");
        Check.That(_frames.Select(f => f.Transport).All(t => t is TcpSegment { Checksum: 0xBAD } or UdpDatagram { Checksum: 1 }), "the frames' checksums are stale");
        Check.Equal(_expected.Length, Generated(), "generated encode: size");
        Check.SameBytes(_expected, _output.AsSpan(0, _expected.Length), "generated encode into a span");
        Array.Clear(_output);
        Check.Equal(_expected.Length, HandWritten(), "(a) hand-written encode: size");
        Check.SameBytes(_expected, _output.AsSpan(0, _expected.Length), "(a) hand-written encode");

        // Frames the capture lacks (fragments, a snap-cut frame, trailers, undecoded types, SACK) write the same bytes too.
        var lacking = PcapCapture.FramesTheCaptureLacks();
        var stale = PcapFile.Read(lacking).Frames.Select(PcapDerivedFields.Stale).ToArray();
        var generated = 0;
        var handWritten = 0;
        foreach (var frame in stale)
        {
            generated += frame.WriteTo(_output.AsSpan(generated));
        }

        Check.SameBytes(lacking.AsSpan(PcapCapture.FileHeaderSize), _output.AsSpan(0, generated), "generated encode of the frames the capture lacks");
        foreach (var frame in stale)
        {
            handWritten += HandWrittenPcapWriter.Write(frame, _output.AsSpan(handWritten));
        }

        Check.SameBytes(lacking.AsSpan(PcapCapture.FileHeaderSize), _output.AsSpan(0, handWritten), "(a) hand-written encode of the frames the capture lacks");
    }

    [Benchmark(OperationsPerInvoke = PcapCapture.Frames), Variant(Variant.Generated)]
    public int Generated()
    {
        Span<byte> output = _output;
        var position = 0;
        foreach (var frame in _frames)
        {
            position += frame.WriteTo(output.Slice(position));
        }

        return position;
    }

    [Benchmark(OperationsPerInvoke = PcapCapture.Frames), Variant(Variant.HandWritten)]
    public int HandWritten()
    {
        Span<byte> output = _output;
        var position = 0;
        foreach (var frame in _frames)
        {
            position += HandWrittenPcapWriter.Write(frame, output.Slice(position));
        }

        return position;
    }
}
