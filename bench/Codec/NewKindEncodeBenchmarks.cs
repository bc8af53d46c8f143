using System;
using BenchmarkDotNet.Attributes;
using ProtocolGen.Benchmarks.Baselines;
using ProtocolGen.Benchmarks.Data;
using ProtocolGen.Benchmarks.Harness;
using ProtocolGen.Benchmarks.Schema;

namespace ProtocolGen.Benchmarks.Codec;

/// <summary>
/// Encoding 1,000 records of one new kind back to back into one span through the records' public API,
/// <c>WriteTo(span)</c> (which checks every field, then writes, then patches the checksum), against hand-written
/// span code that does the same (a). Times and allocations are per record.
/// </summary>
[BenchmarkCategory(Rows.EncodeNewKinds)]
public class NewKindEncodeBenchmarks : IVerifiedBenchmark
{
    private Ipv4Header[] _ipv4 = [];
    private TcpHeader[] _tcp = [];
    private DeviceRecord[] _devices = [];
    private LinkFrame[] _switched = [];
    private OptionalHeader[] _optional = [];
    private BusFrame[] _framed = [];
    private byte[] _expected = [];
    private byte[] _output = [];

    [Params(NewKindSamples.Ipv4, NewKindSamples.Tcp, NewKindSamples.Device, NewKindSamples.Switched, NewKindSamples.Conditional, NewKindSamples.Framed)]
    public string Kind { get; set; } = NewKindSamples.Ipv4;

    [GlobalSetup]
    public void Setup()
    {
        switch (Kind)
        {
            case NewKindSamples.Ipv4:
                // Written with stale checksums: encode must compute each one, whatever the member holds.
                _ipv4 = Array.ConvertAll(NewKindSamples.Ipv4Headers(), h => h with { HeaderChecksum = 0 });
                _expected = NewKindSamples.Encode(NewKindSamples.Ipv4Headers());
                break;
            case NewKindSamples.Tcp:
                _tcp = Array.ConvertAll(NewKindSamples.TcpHeaders(), h => h with { Checksum = 0 });
                _expected = NewKindSamples.Encode(NewKindSamples.TcpHeaders());
                break;
            case NewKindSamples.Switched:
                // Stale lengths and checksums in both layers: encode derives them all.
                _switched = Array.ConvertAll(NewKindSamples.SwitchedFrames(), f => f with
                {
                    Body = (RoutedIpv4)f.Body with { TotalLength = 0, HeaderChecksum = 0, Body = ((RoutedUdp)((RoutedIpv4)f.Body).Body) with { Length = 0, Checksum = 0 } },
                });
                _expected = NewKindSamples.Encode(NewKindSamples.SwitchedFrames());
                break;
            case NewKindSamples.Conditional:
                _optional = NewKindSamples.OptionalHeaders();
                _expected = NewKindSamples.Encode(_optional);
                break;
            case NewKindSamples.Framed:
                _framed = NewKindSamples.BusFrames();
                _expected = NewKindSamples.EncodeFrames(_framed);
                break;
            default:
                _devices = NewKindSamples.Devices();
                _expected = NewKindSamples.Encode(_devices);
                break;
        }

        _output = new byte[_expected.Length + 4096];
    }

    public void Verify()
    {
        Check.Equal(_expected.Length, Generated(), "generated encode: size");
        Check.SameBytes(_expected, _output.AsSpan(0, _expected.Length), "generated encode into a span");
        Array.Clear(_output);
        Check.Equal(_expected.Length, HandWritten(), "(a) hand-written encode: size");
        Check.SameBytes(_expected, _output.AsSpan(0, _expected.Length), "(a) hand-written encode");
        Check.That(Kind is NewKindSamples.Device or NewKindSamples.Switched or NewKindSamples.Conditional or NewKindSamples.Framed || Wire.Checksums.Internet(_output.AsSpan(20, 20)) == 0, "the second header's checksum is real");
        Check.That(Kind != NewKindSamples.Switched || Wire.Checksums.Internet(_output.AsSpan(2, 20)) == 0, "the first IPv4 header's checksum is real");
    }

    [Benchmark(OperationsPerInvoke = Samples.PerOperation), Variant(Variant.Generated)]
    public int Generated()
    {
        Span<byte> output = _output;
        var position = 0;
        switch (Kind)
        {
            case NewKindSamples.Ipv4:
                foreach (var header in _ipv4)
                {
                    position += header.WriteTo(output.Slice(position));
                }

                break;
            case NewKindSamples.Tcp:
                foreach (var header in _tcp)
                {
                    position += header.WriteTo(output.Slice(position));
                }

                break;
            case NewKindSamples.Switched:
                foreach (var frame in _switched)
                {
                    position += frame.WriteTo(output.Slice(position));
                }

                break;
            case NewKindSamples.Conditional:
                foreach (var header in _optional)
                {
                    position += header.WriteTo(output.Slice(position));
                }

                break;
            case NewKindSamples.Framed:
                foreach (var frame in _framed)
                {
                    position += BusFrame.EncodeFrame(frame, output.Slice(position));
                }

                break;
            default:
                foreach (var device in _devices)
                {
                    position += device.WriteTo(output.Slice(position));
                }

                break;
        }

        return position;
    }

    [Benchmark(OperationsPerInvoke = Samples.PerOperation), Variant(Variant.HandWritten)]
    public int HandWritten()
    {
        Span<byte> output = _output;
        var position = 0;
        switch (Kind)
        {
            case NewKindSamples.Ipv4:
                foreach (var header in _ipv4)
                {
                    position += HandWrittenHeaderCodec.WriteIpv4(header, output.Slice(position));
                }

                break;
            case NewKindSamples.Tcp:
                foreach (var header in _tcp)
                {
                    position += HandWrittenHeaderCodec.WriteTcp(header, output.Slice(position));
                }

                break;
            case NewKindSamples.Switched:
                foreach (var frame in _switched)
                {
                    position += HandWrittenSwitchCodec.Write(frame, output.Slice(position));
                }

                break;
            case NewKindSamples.Conditional:
                foreach (var header in _optional)
                {
                    position += HandWrittenConditionalCodec.Write(header, output.Slice(position));
                }

                break;
            case NewKindSamples.Framed:
                foreach (var frame in _framed)
                {
                    position += HandWrittenBusCodec.Write(frame, output.Slice(position));
                }

                break;
            default:
                foreach (var device in _devices)
                {
                    position += HandWrittenHeaderCodec.WriteDevice(device, output.Slice(position));
                }

                break;
        }

        return position;
    }
}
