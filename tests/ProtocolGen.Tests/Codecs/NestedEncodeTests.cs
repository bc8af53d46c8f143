using System;
using System.Linq;
using ProtocolGen.Tests.Schemas;
using Xunit;

namespace ProtocolGen.Tests.Codecs;

/// <summary>Nested structures are checked like top-level fields: a wrong value is refused before any byte is written.</summary>
public sealed class NestedEncodeTests
{
    private const byte Untouched = 0xAA;

    public static TheoryData<string, Func<INested>> BadNestedValues => new()
    {
        { "short mac", () => new WithMac(1, new Mac(new byte[3]), 2) },
        { "long mac", () => new WithMac(1, new Mac(new byte[9]), 2) },
        { "null mac bytes", () => new WithMac(1, new Mac(null!), 2) },
        { "short mac in an array", () => new WithMacs([new Mac(new byte[6]), new Mac(new byte[2])]) },
        { "long mac in an array", () => new WithMacs([new Mac(new byte[7])]) },
        { "null mac bytes in an array", () => new WithMacs([new Mac(null!)]) },
        { "short bytes in a non-plain structure", () => new WithTagged(new Tagged(true, new byte[1])) },
        { "null bytes in a non-plain structure", () => new WithTagged(new Tagged(true, null!)) },
    };

    [Theory]
    [MemberData(nameof(BadNestedValues))]
    public void AWrongFixedLengthInsideANestedStructure_IsRefusedNamingTheField_BeforeAnyByteIsWritten(string what, Func<INested> make)
    {
        var packet = make();
        var destination = Filled(64);

        var error = Assert.Throws<WireEncodeException>(() => INested.EncodeFrame(packet, destination));

        Assert.True(error.Field is "bytes" or "b", what + ": " + error.Field);
        Assert.Throws<WireEncodeException>(() => packet.WireSize);
        Assert.Throws<WireEncodeException>(() => INested.EncodeFrame(packet));
        Assert.All(destination, b => Assert.Equal(Untouched, b));
    }

    [Fact]
    public void ANullNestedStructure_IsRefusedNamingTheField()
    {
        Assert.Equal("addr", Assert.Throws<WireEncodeException>(() => INested.EncodeFrame(new WithMac(1, null!, 2))).Field);
        Assert.Equal("macs", Assert.Throws<WireEncodeException>(() => INested.EncodeFrame(new WithMacs([null!]))).Field);
    }

    [Fact]
    public void GoodNestedStructures_RoundTrip()
    {
        INested[] packets =
        [
            new WithMac(1, new Mac([1, 2, 3, 4, 5, 6]), 2),
            new WithMacs([new Mac([1, 2, 3, 4, 5, 6]), new Mac([6, 5, 4, 3, 2, 1])]),
            new WithTagged(new Tagged(true, [7, 8])),
        ];

        foreach (var packet in packets)
        {
            Assert.Equal(packet, INested.DecodeFrame(INested.EncodeFrame(packet)));
        }
    }

    // A count of zero-size elements is bounded by the bytes left in the frame (each counts as at least one byte),
    // so a hostile count cannot allocate more references than the frame has bytes.
    [Fact]
    public void AnEmptyStructure_WorksAsAFieldAndAsArrayElements()
    {
        var single = new WithNothing(new Nothing(), 9);
        var many = new WithNothings([new Nothing(), new Nothing(), new Nothing()], 7);

        Assert.Equal(single, INested.DecodeFrame(INested.EncodeFrame(single)));
        var decoded = Assert.IsType<WithNothings>(INested.DecodeFrame(INested.EncodeFrame(many)));
        Assert.Equal(3, decoded.Xs.Length);
    }

    [Fact]
    public void AHostileCountOfEmptyStructures_IsATypedError_NotAHugeAllocation()
    {
        foreach (var count in new uint[] { 0x7FFF_FFFF, 0xFFFF_FFFF })
        {
            // type 5, body length 4, the count.
            var frame = new byte[13];
            frame[0] = 5;
            frame[1] = 8;
            BitConverter.TryWriteBytes(frame.AsSpan(5), count);
            var before = GC.GetAllocatedBytesForCurrentThread();

            var error = Assert.Throws<ProtocolException>(() => INested.DecodeFrame(frame)).Error;

            Assert.Equal(ProtocolErrorKind.LengthBeyondFrame, error.Kind);
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 * 1024);
        }
    }

    private static byte[] Filled(int length) => Enumerable.Repeat(Untouched, length).ToArray();
}
