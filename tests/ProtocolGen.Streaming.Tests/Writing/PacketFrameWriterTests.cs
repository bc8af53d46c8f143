using System;
using System.Collections.Immutable;
using ProtocolGen.Portmaster;
using Xunit;

namespace ProtocolGen.Streaming.Tests.Writing;

/// <summary>
/// The per-packet frame writers the generated type switch calls (size, header and fields inlined into one method)
/// keep the encoder's contract: a refused packet throws before any byte, a short span throws, and the bytes equal
/// the array path's.
/// </summary>
public sealed class PacketFrameWriterTests
{
    [Fact]
    public void Invalid_text_into_a_span_throws_naming_the_field_and_leaves_the_span_untouched()
    {
        var destination = new byte[64];
        destination.AsSpan().Fill(0xAA);
        var error = Assert.Throws<WireEncodeException>(() => Info.EncodeFrame(new LogLine(Severity.Info, "ok \uD800 bad"), destination.AsSpan()));
        Assert.Equal("line", error.Field);
        Assert.All(destination, b => Assert.Equal(0xAA, b));
    }

    [Fact]
    public void A_default_plain_struct_array_throws_naming_the_field()
    {
        var packet = new BandwidthStatsV4(IpProtocol.Tcp, default);
        var error = Assert.Throws<WireEncodeException>(() => Info.EncodeFrame(packet, new byte[64].AsSpan()));
        Assert.Equal("values", error.Field);
    }

    [Fact]
    public void A_span_one_byte_short_throws_and_stays_untouched_and_an_exact_one_matches_the_array()
    {
        var packet = new ConnectionV4(1, 2, Direction.Inbound, IpProtocol.Tcp, default, default, 3, 4, 5, new byte[10]);
        var expected = Info.EncodeFrame(packet);
        var tooShort = new byte[expected.Length - 1];
        tooShort.AsSpan().Fill(0xAA);
        Assert.Throws<ArgumentException>(() => Info.EncodeFrame(packet, tooShort.AsSpan()));
        Assert.All(tooShort, b => Assert.Equal(0xAA, b));
        var exact = new byte[expected.Length];
        Assert.Equal(expected.Length, Info.EncodeFrame(packet, exact.AsSpan()));
        Assert.Equal(expected, exact);
    }

    [Fact]
    public void Text_that_is_not_ascii_is_written_after_its_ascii_prefix()
    {
        var packet = new LogLine(Severity.Info, "abc é 😀 z");
        var expected = Info.EncodeFrame(packet);
        var exact = new byte[expected.Length];
        Assert.Equal(expected.Length, Info.EncodeFrame(packet, exact.AsSpan()));
        Assert.Equal(expected, exact);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes("abc é 😀 z"), exact[6..]);
    }
}
