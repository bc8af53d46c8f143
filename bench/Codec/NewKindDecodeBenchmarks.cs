using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ProtocolGen.Benchmarks.Baselines;
using ProtocolGen.Benchmarks.Data;
using ProtocolGen.Benchmarks.Harness;
using ProtocolGen.Benchmarks.Schema;
using ProtocolGen.Wire;

namespace ProtocolGen.Benchmarks.Codec;

/// <summary>
/// Decoding 1,000 records of one new kind (bit groups, constants, checksums, C text), back to back, through the
/// records' public API: one <see cref="WireReader"/> over the bytes and <c>TryReadFrom(ref reader)</c> per record
/// (the API for records that follow each other; <c>ReadFrom(span)</c> would not say where one ends), checksums
/// verified. Against hand-written span code building the same records (a). Times and allocations are per record.
/// </summary>
[BenchmarkCategory(Rows.DecodeNewKinds)]
public class NewKindDecodeBenchmarks : IVerifiedBenchmark
{
    private const int N = Samples.PerOperation;

    private byte[] _bytes = [];
    private Ipv4Header[] _ipv4 = [];
    private TcpHeader[] _tcp = [];
    private DeviceRecord[] _devices = [];
    private LinkFrame[] _switched = [];
    private OptionalHeader[] _optional = [];
    private BusFrame[] _framed = [];
    private readonly Ipv4Header?[] _ipv4Decoded = new Ipv4Header?[N];
    private readonly TcpHeader?[] _tcpDecoded = new TcpHeader?[N];
    private readonly DeviceRecord?[] _devicesDecoded = new DeviceRecord?[N];
    private readonly LinkFrame?[] _switchedDecoded = new LinkFrame?[N];
    private readonly OptionalHeader?[] _optionalDecoded = new OptionalHeader?[N];
    private readonly BusFrame?[] _framedDecoded = new BusFrame?[N];

    [Params(NewKindSamples.Ipv4, NewKindSamples.Tcp, NewKindSamples.Device, NewKindSamples.Switched, NewKindSamples.Conditional, NewKindSamples.Framed)]
    public string Kind { get; set; } = NewKindSamples.Ipv4;

    [GlobalSetup]
    public void Setup()
    {
        switch (Kind)
        {
            case NewKindSamples.Ipv4:
                _ipv4 = NewKindSamples.Ipv4Headers();
                _bytes = NewKindSamples.Encode(_ipv4);
                break;
            case NewKindSamples.Tcp:
                _tcp = NewKindSamples.TcpHeaders();
                _bytes = NewKindSamples.Encode(_tcp);
                break;
            case NewKindSamples.Switched:
                _switched = NewKindSamples.SwitchedFrames();
                _bytes = NewKindSamples.Encode(_switched);
                break;
            case NewKindSamples.Conditional:
                _optional = NewKindSamples.OptionalHeaders();
                _bytes = NewKindSamples.Encode(_optional);
                break;
            case NewKindSamples.Framed:
                _framed = NewKindSamples.BusFrames();
                _bytes = NewKindSamples.EncodeFrames(_framed);
                break;
            default:
                _devices = NewKindSamples.Devices();
                _bytes = NewKindSamples.Encode(_devices);
                break;
        }
    }

    public void Verify()
    {
        // Generated equality skips checksums and fixed fields (encoding derives them), so the checksums are compared too.
        Clear();
        Check.Equal(N, Generated(), "generated decode: records");
        CheckDecoded("generated decode");
        Clear();
        Check.Equal(N, HandWritten(), "(a) hand-written decode: records");
        CheckDecoded("(a) hand-written decode");
    }

    [Benchmark(OperationsPerInvoke = N), Variant(Variant.Generated)]
    public int Generated()
    {
        var reader = new WireReader(_bytes);
        var count = 0;
        switch (Kind)
        {
            case NewKindSamples.Ipv4:
                var ipv4 = _ipv4Decoded;
                while (reader.Remaining > 0 && Ipv4Header.TryReadFrom(ref reader, out var header))
                {
                    ipv4[count++] = header;
                }

                break;
            case NewKindSamples.Tcp:
                var tcp = _tcpDecoded;
                while (reader.Remaining > 0 && TcpHeader.TryReadFrom(ref reader, out var segment))
                {
                    tcp[count++] = segment;
                }

                break;
            case NewKindSamples.Switched:
                var frames = _switchedDecoded;
                while (reader.Remaining > 0 && LinkFrame.TryReadFrom(ref reader, out var frame))
                {
                    frames[count++] = frame;
                }

                break;
            case NewKindSamples.Conditional:
                var optional = _optionalDecoded;
                while (reader.Remaining > 0 && OptionalHeader.TryReadFrom(ref reader, out var header))
                {
                    optional[count++] = header;
                }

                break;
            case NewKindSamples.Framed:
                // Frames through the union's public API: each a packet or a typed error, a bad one skipped.
                var framed = _framedDecoded;
                foreach (var frame in BusFrame.DecodeFrames(_bytes))
                {
                    if (!frame.IsPacket)
                    {
                        break;
                    }

                    framed[count++] = frame.Packet;
                }

                break;
            default:
                var devices = _devicesDecoded;
                while (reader.Remaining > 0 && DeviceRecord.TryReadFrom(ref reader, out var device))
                {
                    devices[count++] = device;
                }

                break;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = N), Variant(Variant.HandWritten)]
    public int HandWritten()
    {
        ReadOnlySpan<byte> bytes = _bytes;
        var count = 0;
        switch (Kind)
        {
            case NewKindSamples.Ipv4:
                var ipv4 = _ipv4Decoded;
                while (!bytes.IsEmpty && HandWrittenHeaderCodec.ReadIpv4(bytes) is { } header)
                {
                    ipv4[count++] = header;
                    bytes = bytes.Slice(HandWrittenHeaderCodec.Ipv4Size);
                }

                break;
            case NewKindSamples.Tcp:
                var tcp = _tcpDecoded;
                while (!bytes.IsEmpty && HandWrittenHeaderCodec.ReadTcp(bytes) is { } segment)
                {
                    tcp[count++] = segment;
                    bytes = bytes.Slice(HandWrittenHeaderCodec.TcpSize);
                }

                break;
            case NewKindSamples.Switched:
                var frames = _switchedDecoded;
                while (!bytes.IsEmpty && HandWrittenSwitchCodec.Read(bytes, out var consumed) is { } frame)
                {
                    frames[count++] = frame;
                    bytes = bytes.Slice(consumed);
                }

                break;
            case NewKindSamples.Conditional:
                var optional = _optionalDecoded;
                while (!bytes.IsEmpty && HandWrittenConditionalCodec.Read(bytes, out var read) is { } header)
                {
                    optional[count++] = header;
                    bytes = bytes.Slice(read);
                }

                break;
            case NewKindSamples.Framed:
                var framed = _framedDecoded;
                while (!bytes.IsEmpty && HandWrittenBusCodec.Read(bytes, ProtocolGen.Framing.FrameDecoderOptions.DefaultMaxBodyLength, out var length) is { } frame)
                {
                    framed[count++] = frame;
                    bytes = bytes.Slice(length);
                }

                break;
            default:
                var devices = _devicesDecoded;
                while (!bytes.IsEmpty && HandWrittenHeaderCodec.ReadDevice(bytes, out var size) is { } device)
                {
                    devices[count++] = device;
                    bytes = bytes.Slice(size);
                }

                break;
        }

        return count;
    }

    private void Clear()
    {
        Array.Clear(_ipv4Decoded);
        Array.Clear(_tcpDecoded);
        Array.Clear(_devicesDecoded);
        Array.Clear(_switchedDecoded);
        Array.Clear(_optionalDecoded);
        Array.Clear(_framedDecoded);
    }

    private void CheckDecoded(string what)
    {
        switch (Kind)
        {
            case NewKindSamples.Ipv4:
                Check.SameSequence<Ipv4Header?>(_ipv4, _ipv4Decoded, what);
                Check.SameSequence<ushort>(_ipv4.Select(h => h.HeaderChecksum).ToArray(), _ipv4Decoded.Select(h => h!.HeaderChecksum).ToArray(), what + ": checksums");
                Check.That(_ipv4.Select(h => h.HeaderChecksum).Distinct().Count() > N / 2, "the IPv4 checksums vary");
                break;
            case NewKindSamples.Tcp:
                Check.SameSequence<TcpHeader?>(_tcp, _tcpDecoded, what);
                Check.SameSequence<ushort>(_tcp.Select(h => h.Checksum).ToArray(), _tcpDecoded.Select(h => h!.Checksum).ToArray(), what + ": checksums");
                Check.That(_tcp.Select(h => h.Checksum).Distinct().Count() > N / 2, "the TCP checksums vary");
                break;
            case NewKindSamples.Switched:
                // Equality skips lengths and checksums (encoding derives them), so both are compared too, layer by layer.
                Check.SameSequence<LinkFrame?>(_switched, _switchedDecoded, what);
                Check.SameSequence(_switched.Select(Derived).ToArray(), _switchedDecoded.Select(f => Derived(f!)).ToArray(), what + ": lengths and checksums");
                Check.That(_switched.Select(f => ((RoutedUdp)((RoutedIpv4)f.Body).Body).Checksum).Distinct().Count() > N / 2, "the UDP checksums vary");
                break;
            case NewKindSamples.Conditional:
                Check.SameSequence<OptionalHeader?>(_optional, _optionalDecoded, what);
                Check.That(_optional.Any(h => h.Range is not null) && _optional.Any(h => h.Range is null) && _optional.Any(h => h.Window is null), "members are present in some records and absent in others");
                break;
            case NewKindSamples.Framed:
                Check.SameSequence<BusFrame?>(_framed, _framedDecoded, what);
                Check.That(_framed.OfType<BusReading>().Any() && _framed.OfType<BusHeartbeat>().Any(), "both packets are framed");
                break;
            default:
                Check.SameSequence<DeviceRecord?>(_devices, _devicesDecoded, what);
                Check.That(_devices.Any(d => d.Location.Any(c => c > 0x7F)) && _devices.Any(d => d.Model.Any(c => c > 0x7F)), "some texts are beyond ASCII");
                break;
        }

        Check.That(Checksums.Internet(_bytes.AsSpan(Kind == NewKindSamples.Switched ? 2 : 0, 20)) == 0 || Kind is NewKindSamples.Device or NewKindSamples.Conditional or NewKindSamples.Framed, "the first header's checksum is real");
    }

    private static (ushort TotalLength, ushort HeaderChecksum, ushort Length, ushort Checksum) Derived(LinkFrame frame)
    {
        var packet = (RoutedIpv4)frame.Body;
        var datagram = (RoutedUdp)packet.Body;
        return (packet.TotalLength, packet.HeaderChecksum, datagram.Length, datagram.Checksum);
    }
}
