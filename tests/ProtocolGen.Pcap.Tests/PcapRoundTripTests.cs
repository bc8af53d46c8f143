using System;
using System.Collections.Generic;
using System.Linq;
using ProtocolGen.Samples.Pcap;
using Xunit;

namespace ProtocolGen.Pcap.Tests;

/// <summary>Byte-exact re-encoding of the captures: each file as a whole, and every frame from its layers with their derived fields zeroed.</summary>
public sealed class PcapRoundTripTests
{
    public static IEnumerable<object[]> EveryFrame => Capture.EveryFrame;

    [Theory]
    [InlineData("loopback")]
    [InlineData("fragments")]
    public void TheCapture_DecodesToItsFrames_AndReencodesToTheFilesBytes(string name)
    {
        var capture = Capture.Named(name);
        var file = capture.File;

        Assert.Equal(capture.FrameCount, file.Frames.Length);
        Assert.Equal((2, 4, LinkType.Ethernet), (file.Header.VersionMajor, file.Header.VersionMinor, file.Header.Network));
        Assert.Equal(capture.Bytes, file.ToArray());
    }

    [Fact]
    public void EveryFragment_KeepsItsPayloadAsBytes_ThoughItsProtocolIsUdp()
    {
        var fragments = Capture.Fragments.Frames.Select(f => (Ipv4Packet)f.Network!).ToList();

        Assert.Equal([(true, 0), (true, 60), (false, 1)], fragments.Select(ip => (ip.MoreFragments, (int)ip.FragmentOffset)));
        Assert.All(fragments, ip => Assert.Equal(IpProtocol.Udp, ip.Protocol));
        Assert.All(fragments, ip => Assert.IsType<UnknownIpPayload>(ip.Payload));
        Assert.Equal([480, 480, 18], fragments.Select(ip => ((UnknownIpPayload)ip.Payload).Bytes.Length));
    }

    [Fact]
    public void EveryFrame_IsReadToItsTransportLayer_IPv4AndIPv6_TcpAndUdp()
    {
        var layers = Capture.Loopback.Frames.Select(f => $"{f.Network!.GetType().Name}/{f.Transport?.GetType().Name}").ToList();

        Assert.Equal(20, layers.Count(l => l == "Ipv4Packet/TcpSegment"));
        Assert.Equal(10, layers.Count(l => l == "Ipv6Packet/TcpSegment"));
        Assert.Equal(5, layers.Count(l => l == "Ipv4Packet/UdpDatagram"));
        Assert.Equal(2, layers.Count(l => l == "Ipv6Packet/UdpDatagram"));
        Assert.All(Capture.Loopback.Frames, f => Assert.True(f.Trailer.IsEmpty));
    }

    [Fact]
    public void TheOptions_AreReadByTheirRecords_ThroughTheirEndOfList()
    {
        IIpv4Option[] recordRoute = [new Ipv4RecordRoute(7, 11, 8, [new Ipv4Address(127, 0, 0, 1), Ipv4Address.Any]), new Ipv4EndOfOptions(0, ReadOnlyMemory<byte>.Empty)];
        IIpv4Option[] timestamp = [new Ipv4Timestamp(68, 12, 9, 0, 0, [24015912, 0])];
        ITcpOption[] syn =
        [
            new TcpMaximumSegmentSize(2, 4, 65495), new TcpSackPermitted(4, 2), new TcpTimestamps(8, 10, 2551755771, 0),
            new TcpNoOperation(1), new TcpWindowScale(3, 3, 10),
        ];

        Assert.Equal(recordRoute, Ipv4Options.Read(((Ipv4Packet)Capture.Loopback.Frame(21).Network!).Options));
        Assert.Equal(timestamp, Ipv4Options.Read(((Ipv4Packet)Capture.Loopback.Frame(37).Network!).Options));
        Assert.Equal(syn, TcpOptions.Read(((TcpSegment)Capture.Loopback.Frame(1).Transport!).Options));
    }

    [Theory]
    [MemberData(nameof(EveryFrame))]
    public void AFrameWithItsLengthsAndChecksumsZeroed_ReencodesToTheCapturedBytes(string capture, int number)
    {
        var frame = Capture.Named(capture).Frame(number);

        var zeroed = DerivedFields.Zeroed(frame);

        Assert.Equal(WireCodec.ToArray(frame.Record), WireCodec.ToArray(zeroed.ToRecord()));
    }

    [Theory]
    [MemberData(nameof(EveryFrame))]
    public void AFrameWrittenInPlace_IsItsRecordsBytes_AndItsWireSizeSaysHowMany(string capture, int number)
    {
        var frame = DerivedFields.Zeroed(Capture.Named(capture).Frame(number));
        var expected = WireCodec.ToArray(frame.ToRecord());
        var destination = new byte[expected.Length + 3];

        var written = frame.WriteTo(destination);

        Assert.Equal((expected.Length, expected.Length), (written, frame.WireSize));
        Assert.Equal(expected, destination.AsSpan(0, written).ToArray());
        Assert.Throws<ArgumentException>(() => frame.WriteTo(new byte[expected.Length - 1]));
    }

    [Fact]
    public void AnEditedFrame_IsWrittenWhole_WithItsNewLengths_AndEqualsTheFrameItsBytesDecodeTo()
    {
        var frame = Capture.Loopback.Frame(4); // a data segment over IPv4
        var ethernet = (EthernetFrame)frame.Ethernet;
        var ip = (Ipv4Packet)ethernet.Payload;
        var edited = frame with { Ethernet = ethernet with { Payload = ip with { TimeToLive = 9, Payload = (TcpSegment)ip.Payload with { Data = new byte[1] } } } };

        var record = edited.ToRecord();
        var again = PcapFrameReader.Read(record, 4, 0);

        Assert.Equal((record.Data.Length, record.Data.Length), ((int)record.IncludedLength, (int)record.OriginalLength));
        Assert.IsType<EthernetFrame>(again.Ethernet);
        Assert.Equal(edited, again);
        Assert.NotEqual(frame, again);
    }

    [Fact]
    public void ACutFrameNoLongerOnTheWireThanItKeeps_IsRefusedAtEncode()
    {
        var whole = Capture.Loopback.Frame(4);
        var cut = new CutEthernetFrame(whole.Ethernet.Destination, whole.Ethernet.Source, whole.Ethernet.Type, new byte[46]);
        var frame = whole with { Ethernet = cut, Record = whole.Record with { OriginalLength = 60 } };

        var error = Assert.Throws<WireEncodeException>(() => frame.ToRecord());
        var destination = new byte[128];
        Assert.Throws<WireEncodeException>(() => frame.WriteTo(destination));

        Assert.Contains("original_length", error.Message);
        Assert.All(destination, b => Assert.Equal(0, b));
        Assert.Equal(100u, PcapFrameReader.Read((frame with { Record = frame.Record with { OriginalLength = 100 } }).ToRecord(), 1, 0).Record.OriginalLength);
    }

    [Theory]
    [MemberData(nameof(EveryFrame))]
    public void AReencodedFrame_DecodesToTheSameLayers(string capture, int number)
    {
        var frame = Capture.Named(capture).Frame(number);

        var again = PcapFrameReader.Read(frame.ToRecord(), number, Capture.Named(capture).RecordOffset(number));

        Assert.Equal(frame, again);
    }

    [Fact]
    public void EqualityOfDecodedLayers_SkipsDerivedFields_SoAZeroedFrameEqualsTheOriginal()
    {
        var frame = Capture.Loopback.Frame(35);

        Assert.Equal(frame, DerivedFields.Zeroed(frame));
        Assert.NotEqual(frame, frame with { Ethernet = (EthernetFrame)frame.Ethernet with { Trailer = new byte[] { 0 } } });
    }
}
