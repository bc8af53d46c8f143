using System;
using ProtocolGen.Framing;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary>
/// <c>[Checksum(..., PseudoHeader = true)]</c> (see <c>ChecksumsSchema.cs</c>): UDP datagrams of testdata/pcap/loopback.pcap,
/// whose checksums add the IP pseudo-header the reader and writer carry; and checksummed structures in windows.
/// </summary>
public sealed class PseudoHeaderTests
{
    private const int Header = 5;

    // Frame 33: a UDP datagram over IPv4 from 127.0.0.1 to 127.0.0.1, "héllo, wörld ✓" (tshark: udp.checksum 0x95dd, good).
    private static readonly byte[] Ipv4Datagram = Convert.FromHexString("b16db79c001a95dd68c3a96c6c6f2c2077c3b6726c6420e29c93");

    // Frame 35: a UDP datagram over IPv6 from ::1 to ::1, "udp over ipv6" (tshark: udp.checksum 0xd97b, good).
    private static readonly byte[] Ipv6Datagram = Convert.FromHexString("ed5bb79d0015d97b756470206f7665722069707636");

    private static readonly Ipv4Address Loopback = new(127, 0, 0, 1);
    private static readonly Ipv6Address Ipv6Loopback = Ipv6Address.Parse("::1");

    private static ulong Ipv4PseudoHeader(int length) => Checksums.PseudoHeader(Loopback, Loopback, 17, length);

    private static ulong Ipv6PseudoHeader(int length) => Checksums.PseudoHeader(Ipv6Loopback, Ipv6Loopback, 17, length);

    [Fact]
    public void ACapturedDatagram_VerifiesWithItsPseudoHeader_OverIpv4AndIpv6()
    {
        var overIpv4 = new WireReader(Ipv4Datagram) { PseudoHeader = Ipv4PseudoHeader(Ipv4Datagram.Length) };
        var overIpv6 = new WireReader(Ipv6Datagram) { PseudoHeader = Ipv6PseudoHeader(Ipv6Datagram.Length) };

        Assert.True(PseudoHeaderUdp.TryReadFrom(ref overIpv4, out var first));
        Assert.True(PseudoHeaderUdp.TryReadFrom(ref overIpv6, out var second));

        Assert.Equal((0x95dd, "héllo, wörld ✓"), (first.Checksum, System.Text.Encoding.UTF8.GetString(first.Payload)));
        Assert.Equal((0xd97b, "udp over ipv6"), (second.Checksum, System.Text.Encoding.UTF8.GetString(second.Payload)));
        Assert.Equal(0, overIpv4.Remaining + overIpv6.Remaining);
    }

    [Fact]
    public void WithoutItsPseudoHeader_OrWithAnotherOne_ADatagramIsAChecksumMismatch_AtItsChecksum()
    {
        var alone = new WireReader(Ipv4Datagram);
        var otherAddress = new WireReader(Ipv4Datagram) { PseudoHeader = Checksums.PseudoHeader(new Ipv4Address(10, 0, 0, 1), Loopback, 17, Ipv4Datagram.Length) };

        Assert.False(PseudoHeaderUdp.TryReadFrom(ref alone, out _));
        Assert.False(PseudoHeaderUdp.TryReadFrom(ref otherAddress, out _));

        Assert.Equal((ProtocolErrorKind.ChecksumMismatch, 6), (alone.Fault, alone.FaultOffset));
        Assert.Equal((ProtocolErrorKind.ChecksumMismatch, 6), (otherAddress.Fault, otherAddress.FaultOffset));
    }

    [Fact]
    public void Encoding_AddsTheWritersPseudoHeader_SoACapturedDatagramReencodesToItsBytes()
    {
        var reader = new WireReader(Ipv6Datagram) { PseudoHeader = Ipv6PseudoHeader(Ipv6Datagram.Length) };
        Assert.True(PseudoHeaderUdp.TryReadFrom(ref reader, out var datagram));

        var withIt = new byte[datagram.WireSize];
        var writer = new WireWriter(withIt) { PseudoHeader = Ipv6PseudoHeader(withIt.Length) };
        datagram.WriteTo(ref writer);
        var without = new byte[datagram.WireSize];
        datagram.WriteTo(without);

        Assert.Equal(Ipv6Datagram, withIt);
        Assert.NotEqual(Ipv6Datagram.AsSpan(6, 2).ToArray(), without.AsSpan(6, 2).ToArray());
        Assert.Equal(Ipv6Datagram.AsSpan(8).ToArray(), without.AsSpan(8).ToArray());
    }

    [Fact]
    public void ThePseudoHeader_IsKeptFolded_WhichGivesTheSameChecksum()
    {
        var sum = Ipv6PseudoHeader(Ipv6Datagram.Length);
        var reader = new WireReader(Ipv6Datagram) { PseudoHeader = sum };

        Assert.True(reader.PseudoHeader <= ushort.MaxValue);
        Assert.Equal(Checksums.Internet(Ipv6Datagram, sum), Checksums.Internet(Ipv6Datagram, reader.PseudoHeader));
        Assert.Equal(0UL, new WireReader(Ipv6Datagram).PseudoHeader);
    }

    [Fact]
    public void AStructureInAWindow_IsReadWithItsFramesChecksumRule()
    {
        var frame = Checked.EncodeFrame(new Sealed(1, 0, new ChecksummedSample(7, "seven", 0)));
        frame[^1] ^= 0xFF; // the sample's CRC, the frame's last byte
        var off = new FrameDecoderOptions { VerifyChecksums = false };

        var refused = Assert.Throws<ProtocolException>(() => Checked.DecodeFrame(frame)).Error;
        var read = Assert.IsType<Sealed>(FrameDecoder.DecodeSingle<Checked>(frame, off));

        Assert.Equal(ProtocolErrorKind.ChecksumMismatch, refused.Kind);
        Assert.Equal(frame.Length - Header - 4, refused.BodyOffset);
        Assert.Equal(new ChecksummedSample(7, "seven", 0), read.Inner);
        Assert.NotEqual(frame, Checked.EncodeFrame(read));
    }
}
