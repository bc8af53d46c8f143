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
/// Decoding the pcap sample's capture (37 frames of Ethernet, IPv4 with and without options, IPv6, TCP with options,
/// UDP) into its records through the sample's public API, <see cref="PcapFile.Read(ReadOnlySpan{byte}, bool)"/>:
/// each record's data one <see cref="EthernetFrame"/> read by its generated reader, each layer inside it a schema record
/// picked by the layer before (<c>[Switch]</c> on the EtherType, then on the IP protocol), every checksum verified and
/// every option list checked. Against hand-written span code building the same
/// <see cref="PcapFile"/> (a). Times and allocations are per frame.
/// </summary>
[BenchmarkCategory(Rows.DecodePcap)]
public class PcapDecodeBenchmarks : IVerifiedBenchmark
{
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup() => _bytes = PcapCapture.Bytes;

    public void Verify()
    {
        var generated = Generated();
        Check.Equal(PcapCapture.Frames, generated.Frames.Length, "generated decode: frames");
        Check.That(generated.Frames.All(f => f.Transport is TcpSegment or UdpDatagram), "every frame is read to its TCP or UDP layer");
        Check.That(generated.Frames.Any(f => f.Network is Ipv6Packet) && PcapDerivedFields.HasEveryOptionKind(generated), "the capture has IPv6, and IPv4 and TCP options of every kind decoded");
        Check.That(generated.Frames.Select(f => f.Transport).OfType<UdpDatagram>().All(u => u.Checksum != 0), "every UDP checksum is real (none is 0, which skips it)");
        PcapAgreement.Compare(generated, HandWritten(), "(a) hand-written decode");

        // Frames the capture lacks (fragments, a snap-cut frame, trailers, undecoded types, SACK), checksums on and off.
        var lacking = PcapCapture.FramesTheCaptureLacks();
        foreach (var verifyChecksums in new[] { true, false })
        {
            var expected = PcapFile.Read(lacking, verifyChecksums);
            Check.That(
                expected.Frames.Any(f => f.Transport is UnknownIpPayload) && expected.Frames.Any(f => f.Network is UnknownEtherPayload) && expected.Frames.Any(f => !f.Trailer.IsEmpty)
                && expected.Frames.Any(f => f.Ethernet is CutEthernetFrame)
                && expected.Frames.Select(f => f.Transport).OfType<TcpSegment>().Any(t => TcpOptions.Read(t.Options).Any(o => o is TcpSack))
                && expected.Frames.Select(f => f.Network).OfType<Ipv4Packet>().Any(p => Ipv4Options.Read(p.Options).Any(o => o is UnknownIpv4Option)),
                "the frames the capture lacks are read as such");
            var what = $"(a) hand-written decode of the frames the capture lacks (checksums {(verifyChecksums ? "verified" : "not verified")})";
            PcapAgreement.Compare(expected, HandWrittenPcapReader.Read(lacking, verifyChecksums), what);
        }

        PcapAgreement.CheckRefusals(_bytes);
        PcapAgreement.CheckRefusals(lacking);
    }

    [Benchmark(OperationsPerInvoke = PcapCapture.Frames), Variant(Variant.Generated)]
    public PcapFile Generated() => PcapFile.Read(_bytes);

    [Benchmark(OperationsPerInvoke = PcapCapture.Frames), Variant(Variant.HandWritten)]
    public PcapFile? HandWritten() => HandWrittenPcapReader.Read(_bytes);
}
