using System.Linq;
using ProtocolGen.Portmaster;
using Xunit;

namespace ProtocolGen.Cli.Tests;

/// <summary>
/// Device text is the attacker's: decode never prints a character that can drive a terminal, forge a line or
/// reorder what a reader sees, in text or in <c>--json</c>, and still prints every printable character as UTF-8.
/// </summary>
public sealed class HostileTextTests
{
    [Theory]
    [InlineData("a\u001B[31mred", "a\\u001B[31mred")]               // ESC: a terminal colour sequence
    [InlineData("forged\nline", "forged\\nline")]                      // a newline that would forge an output line
    [InlineData("tab\there", "tab\\there")]
    [InlineData("del\u007F", "del\\u007F")]
    [InlineData("c1\u0085", "c1\\u0085")]                               // NEL, a C1 control
    [InlineData("evil\u202Etxt.exe", "evil\\u202Etxt.exe")]            // right-to-left override
    [InlineData("iso\u2066late\u2069", "iso\\u2066late\\u2069")]       // bidi isolates
    [InlineData("zero\u200Bwidth", "zero\\u200Bwidth")]                // Cf: zero-width space
    [InlineData("ls\u2028ps\u2029", "ls\\u2028ps\\u2029")]             // line and paragraph separators
    [InlineData("\uFEFFbom", "\\uFEFFbom")]
    public void Decode_EscapesControlAndFormatCharacters_InTextAndJson(string line, string escaped)
    {
        var frame = Info.EncodeFrame(new LogLine(Severity.Warning, line));

        var text = CliRun.WithInput(frame, "decode", "-");
        var json = CliRun.WithInput(frame, "decode", "--json", "-");

        Assert.Equal(0, text.ExitCode);
        Assert.Single(text.Lines);
        Assert.EndsWith($"line=\"{escaped}\"", text.Lines[0]);
        Assert.Single(json.Lines);
        Assert.Contains($"\"line\":\"{escaped}\"", json.Lines[0]);
        Assert.DoesNotContain(text.Output.Concat(json.Output), b => b < 0x20 && b != (byte)'\n');
    }

    [Theory]
    [InlineData("caf\u00E9 \u65E5\u672C")]      // accented letter, CJK
    [InlineData("snow\u00A0man \u2603")]        // no-break space, a symbol
    [InlineData("rocket \U0001F680")]           // beyond the BMP
    public void Decode_PrintsPrintableNonAsciiText_AsUtf8_AndJsonRoundTripsIt(string line)
    {
        var frame = Info.EncodeFrame(new LogLine(Severity.Info, line));

        var text = CliRun.WithInput(frame, "decode", "-");
        var json = CliRun.WithInput(frame, "decode", "--json", "-");
        var encoded = CliRun.WithInput(json.Output, "encode", "-o", "-");

        Assert.EndsWith($"line=\"{line}\"", text.Lines[0]);
        Assert.Contains($"\"line\":\"{line}\"", json.Lines[0]);
        Assert.Equal(frame, encoded.Output);
    }

    [Fact]
    public void DecodeJson_OfEscapedText_EncodesBackToTheSameBytes()
    {
        var frame = Info.EncodeFrame(new LogLine(Severity.Error, "x\u001B\n\u202E\u2028\u0085y\""));

        var json = CliRun.WithInput(frame, "decode", "--json", "-");
        var encoded = CliRun.WithInput(json.Output, "encode", "-o", "-");

        Assert.Equal(0, encoded.ExitCode);
        Assert.Equal(frame, encoded.Output);
    }
}
