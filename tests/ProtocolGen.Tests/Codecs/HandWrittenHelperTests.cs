using System;
using System.Collections.Immutable;
using System.Linq;
using ProtocolGen.Tests.Schemas;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Tests.Codecs;

/// <summary>The runtime's helpers for hand-written wire structures are as strict as generated code: nothing is counted or written as empty or replaced.</summary>
public sealed class HandWrittenHelperTests
{
    private const byte Untouched = 0xAA;
    private static readonly string LoneSurrogate = "ok" + (char)0xD800;

    [Fact]
    public void WriteUtf8_RefusesALoneSurrogateAndNull_WritingNothing()
    {
        foreach (var text in new[] { LoneSurrogate, null })
        {
            var buffer = Filled(16);

            var error = Assert.Throws<WireEncodeException>(() =>
            {
                var writer = new WireWriter(buffer);
                writer.WriteUtf8(text, "line");
            });

            Assert.Equal("line", error.Field);
            Assert.All(buffer, b => Assert.Equal(Untouched, b));
        }

        Assert.Throws<WireEncodeException>(() => new WireWriter(new byte[16]).WriteUtf8(LoneSurrogate));
    }

    [Fact]
    public void WriteUtf8_WritesValidTextAsUtf8()
    {
        var buffer = new byte[16];
        var writer = new WireWriter(buffer);

        writer.WriteUtf8("é\ud83d\ude00", "line");

        Assert.Equal(6, writer.Position);
        Assert.Equal("é\ud83d\ude00", System.Text.Encoding.UTF8.GetString(buffer, 0, 6));
    }

    [Fact]
    public void Sizes_RefuseNullAndLoneSurrogates_InsteadOfCountingThemAsEmpty()
    {
        Assert.Throws<WireEncodeException>(() => WireLength.Utf8(null));
        Assert.Throws<WireEncodeException>(() => WireLength.Utf8(LoneSurrogate));
        Assert.Throws<WireEncodeException>(() => WireLength.Bytes((byte[]?)null));
        Assert.Throws<WireEncodeException>(() => WireLength.Array((Mac[]?)null));
        Assert.Throws<WireEncodeException>(() => WireLength.Array(default(ImmutableArray<Mac>)));
        Assert.Throws<WireEncodeException>(() => WireLength.PrimitiveArray((int[]?)null));
        Assert.Throws<WireEncodeException>(() => WireLength.Count((int[]?)null));
        Assert.Equal("bytes", Assert.Throws<WireEncodeException>(() => WireLength.Array(new[] { new Mac(new byte[2]) })).Field);
        Assert.Equal(5, WireLength.Utf8("héllo") - 1);
    }

    [Fact]
    public void PrefixAndFixedLengthWrites_ThrowWireEncodeExceptionNamingTheField()
    {
        Assert.Equal("n", Assert.Throws<WireEncodeException>(() => new WireWriter(new byte[4]).WritePrefix(PrefixWidth.U8, 256, "n")).Field);
        Assert.Equal("mac", Assert.Throws<WireEncodeException>(() => new WireWriter(new byte[8]).WriteFixedBytes(new byte[3], 6, "mac")).Field);
    }

    private static byte[] Filled(int length) => Enumerable.Repeat(Untouched, length).ToArray();
}
