using System;
using System.Linq;
using ProtocolGen.Internal;
using ProtocolGen.Tests.Schemas;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Tests.Codecs;

/// <summary>Writing a structure straight into a <see cref="WireWriter"/>, without asking WireSize, checks it all the same.</summary>
public sealed class DirectWriteTests
{
    private const byte Untouched = 0xAA;

    // Lone surrogates are built in code: xunit's theory data would turn them into U+FFFD.
    [Fact]
    public void WriteToAWireWriter_RefusesBadTextNamingTheField_BeforeAnyByte()
    {
        foreach (var (what, text) in new[] { ("null", null!), ("lone surrogate", "a" + (char)0xD800), ("too long for its u8 prefix", new string('x', 300)) })
        {
            var buffer = Filled(512);

            var error = Assert.Throws<WireEncodeException>(() =>
            {
                var writer = new WireWriter(buffer);
                new ShortText(text, 7).WriteTo(ref writer);
            });

            Assert.Equal("text", error.Field);
            Assert.True(buffer.All(b => b == Untouched), what + ": the destination was written to");
        }
    }

    [Fact]
    public void WriteToAWireWriter_RefusesANestedStructureThatIsWrong_BeforeAnyByte()
    {
        var buffer = Filled(64);

        var error = Assert.Throws<WireEncodeException>(() =>
        {
            var writer = new WireWriter(buffer);
            new WithMac(1, new Mac(new byte[3]), 2).WriteTo(ref writer);
        });

        Assert.Equal("bytes", error.Field);
        Assert.All(buffer, b => Assert.Equal(Untouched, b));
    }

    [Fact]
    public void WriteToAWireWriter_WritesWhatTheEncoderWrites()
    {
        var packet = new ShortText("héllo", 7);
        var buffer = new byte[packet.WireSize];
        var writer = new WireWriter(buffer);

        packet.WriteTo(ref writer);

        Assert.Equal(buffer.Length, writer.Position);
        Assert.Equal(INested.EncodeFrame(packet).AsSpan(5).ToArray(), buffer);
    }

    [Fact]
    public void WireTextWrite_NamesTheIndexOfTheLoneSurrogate()
    {
        const char High = (char)0xD800;
        const char Low = (char)0xDC00;
        foreach (var (text, index) in new[] { ($"{High}", 0), ($"ab{Low}", 2), ($"abé{High}x", 3), ("é\ud83d\ude00" + High, 3) })
        {
            var error = Assert.Throws<WireEncodeException>(() => WireText.Write(text, new byte[64], "f"));

            Assert.Contains($"at char {index})", error.Message);
        }
    }

    [Fact]
    public void WireTextWrite_RefusesNull()
    {
        Assert.Equal("f", Assert.Throws<WireEncodeException>(() => WireText.Write(null, new byte[4], "f")).Field);
    }

    private static byte[] Filled(int length) => Enumerable.Repeat(Untouched, length).ToArray();
}
