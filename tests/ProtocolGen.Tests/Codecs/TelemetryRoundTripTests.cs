using System;
using System.Collections.Immutable;
using System.Text;
using ProtocolGen.Tests.Schemas;
using Xunit;

namespace ProtocolGen.Tests.Codecs;

/// <summary>A schema rooted in an interface, with struct-record packets and field kinds beyond Portmaster's.</summary>
public sealed class TelemetryRoundTripTests
{
    public static TheoryData<ITelemetry> Packets() => new()
    {
        new Heartbeat(ulong.MaxValue, long.MinValue, sbyte.MinValue, Level.Low),
        new Heartbeat(0, long.MaxValue, sbyte.MaxValue, (Level)short.MinValue),
        new Samples(Encoding.ASCII.GetBytes("ABC"), new[] { new Sample(1, -2, true), new Sample(uint.MaxValue, short.MaxValue, false) }, ImmutableArray.Create(new Tag("k", new byte[] { 1 }), new Tag("ключ", new byte[300]))),
        new Samples(new byte[3], Array.Empty<Sample>(), ImmutableArray<Tag>.Empty),
        new Note(new Sample(5, 6, true), "title ✓", new byte[] { 9, 8, 7 }),
        new Note(default, string.Empty, ReadOnlyMemory<byte>.Empty),
        new Nested.Empty(),
    };

    [Theory]
    [MemberData(nameof(Packets))]
    public void StructAndClassRecordPackets_RoundTripThroughAnInterfaceUnion(ITelemetry packet)
    {
        var frame = ITelemetry.EncodeFrame(packet);
        var decoded = ITelemetry.DecodeFrame(frame);

        Assert.Equal(packet.GetType(), decoded.GetType());
        Assert.Equal(packet, decoded);
        Assert.Equal(frame, ITelemetry.EncodeFrame(decoded));
    }

    [Fact]
    public void AStructRecordPacket_EncodesWithoutItsUnion()
    {
        var heartbeat = new Heartbeat(1, 2, 3, Level.High);
        var body = new byte[Heartbeat.MinWireSize];

        heartbeat.WriteTo(body);

        Assert.Equal(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 3, 1, 0 }, body);
        Assert.Equal(heartbeat, Heartbeat.ReadFrom(body));
    }

    [Fact]
    public void AFixedLengthField_OfTheWrongLength_IsRefusedNamingTheField()
    {
        var samples = new Samples(new byte[2], Array.Empty<Sample>(), ImmutableArray<Tag>.Empty);

        var error = Assert.Throws<WireEncodeException>(() => ITelemetry.EncodeFrame(samples));

        Assert.Equal("station", error.Field);
        Assert.Contains("'station'", error.Message);
    }

    [Fact]
    public void APrefixTooSmallForItsValue_IsRefusedNamingTheField()
    {
        var note = new Note(default, new string('x', 256), ReadOnlyMemory<byte>.Empty);

        var error = Assert.Throws<WireEncodeException>(() => ITelemetry.EncodeFrame(note));

        Assert.Equal("title", error.Field);
        Assert.Contains("'title'", error.Message);
    }

    [Fact]
    public void PacketNames_ComeFromTheAttributeOrTheRecord()
    {
        var bad = new byte[] { 12, 0, 0, 0, 0 };

        var error = Assert.Throws<ProtocolException>(() => ITelemetry.DecodeFrame(bad)).Error;

        Assert.Equal("note", error.PacketName);
        Assert.Equal(ProtocolErrorKind.SizeMismatch, error.Kind);
    }
}
