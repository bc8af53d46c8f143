using System;
using System.Linq;
using System.Text;
using ProtocolGen.Internal;
using Xunit;

namespace ProtocolGen.Tests.Codecs;

/// <summary>
/// WireText's encode side checks and narrows ASCII in 16-char blocks, the last one overlapping: every length across
/// the block edges, with the one char that is not ASCII at every position, counts and writes what UTF-8 says.
/// </summary>
public sealed class WireTextAsciiBlockTests
{
    private const byte Untouched = 0xAA;

    // Lengths over the 16- and 32-char steps, and every position in them.
    private static readonly int[] Lengths = Enumerable.Range(0, 80).Append(100).Append(127).Append(129).ToArray();

    [Fact]
    public void AsciiText_CountsAndWritesOneByteAChar()
    {
        foreach (var length in Lengths)
        {
            var text = new string(Enumerable.Range(0, length).Select(i => (char)(' ' + i % 95)).ToArray());

            AssertWritesUtf8(text);
        }
    }

    [Fact]
    public void OneCharThatIsNotAscii_AtAnyPosition_IsCountedAndWrittenAsUtf8()
    {
        foreach (var length in Lengths.Where(n => n > 0))
        {
            foreach (var position in Enumerable.Range(0, length))
            {
                foreach (var other in new[] { "é", "\u0080", "\u20AC", "\uD83D\uDE00" })
                {
                    AssertWritesUtf8(new string('a', position) + other + new string('z', length - position - 1));
                }
            }
        }
    }

    [Fact]
    public void ALoneSurrogate_AtAnyPosition_IsRefusedByCountWithItsIndex_AndWriteNamesTheSameIndex()
    {
        foreach (var length in Lengths.Where(n => n > 0))
        {
            foreach (var position in Enumerable.Range(0, length))
            {
                var text = new string('a', position) + (char)0xDC00 + new string('z', length - position - 1);

                var counted = Assert.Throws<WireEncodeException>(() => WireText.Count(text, "f"));
                var written = Assert.Throws<WireEncodeException>(() => WireText.Write(text, new byte[3 * length], "f"));

                Assert.Contains($"at char {position})", counted.Message);
                Assert.Contains($"at char {position})", written.Message);
            }
        }
    }

    private static void AssertWritesUtf8(string text)
    {
        var expected = Encoding.UTF8.GetBytes(text);
        var buffer = Enumerable.Repeat(Untouched, expected.Length + 40).ToArray();

        Assert.Equal(expected.Length, WireText.Count(text, "f"));
        Assert.Equal(expected.Length, WireText.Write(text, buffer, "f"));
        Assert.Equal(expected, buffer.Take(expected.Length).ToArray());
        Assert.True(buffer.Skip(expected.Length).All(b => b == Untouched), $"{text.Length} chars: a byte past the text was written");
    }
}
