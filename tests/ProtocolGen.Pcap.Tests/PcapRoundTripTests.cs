using System;
using System.Collections.Generic;
using System.Linq;
using ProtocolGen.Samples.Pcap;
using Xunit;

namespace ProtocolGen.Pcap.Tests;

/// <summary>Byte-exact re-encoding of loopback.pcap: the file as a whole, and every frame from its layers with their derived fields zeroed.</summary>
public sealed class PcapRoundTripTests
{
    public static IEnumerable<object[]> FrameNumbers => Enumerable.Range(1, Loopback.FrameCount).Select(n => new object[] { n });

    [Fact]
    public void TheCapture_DecodesToItsFrames_AndReencodesToTheFilesBytes()
    {
        var file = Loopback.File;

        Assert.Equal(Loopback.FrameCount, file.Frames.Length);
        Assert.Equal((2, 4, LinkType.Ethernet), (file.Header.VersionMajor, file.Header.VersionMinor, file.Header.Network));
        Assert.Equal(Loopback.Bytes, file.ToArray());
    }

    [Theory]
    [MemberData(nameof(FrameNumbers))]
    public void AFrameWithItsLengthsAndChecksumsZeroed_ReencodesToTheCapturedBytes(int number)
    {
        var frame = Loopback.Frame(number);

        var zeroed = DerivedFields.Zeroed(frame);

        Assert.Equal(WireCodec.ToArray(frame.Record), WireCodec.ToArray(zeroed.ToRecord()));
    }

    [Theory]
    [MemberData(nameof(FrameNumbers))]
    public void AReencodedFrame_DecodesToTheSameLayers(int number)
    {
        var frame = Loopback.Frame(number);

        var again = PcapFrameReader.Read(frame.ToRecord(), number, Loopback.RecordOffset(number));

        Assert.Equal(frame, again);
    }

    [Fact]
    public void EqualityOfDecodedLayers_SkipsDerivedFields_SoAZeroedFrameEqualsTheOriginal()
    {
        var frame = Loopback.Frame(35);

        Assert.Equal(frame, DerivedFields.Zeroed(frame));
        Assert.NotEqual(frame, frame with { Trailer = new byte[] { 0 } });
    }
}
