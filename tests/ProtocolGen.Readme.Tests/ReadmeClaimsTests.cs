using System;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using ProtocolGen.Tests.Shared;
using Xunit;

namespace ProtocolGen.Readme.Tests;

/// <summary>
/// The README states what code produces: frame bytes in comments and tables, a JSON line, a layout block.
/// Each claim is read out of the README and compared with what the README's own samples (compiled with the
/// generator and loaded) actually produce, so a claim that goes stale fails here.
/// </summary>
public sealed class ReadmeClaimsTests
{
    private static readonly string Readme = RepositoryRoot.ReadFile("README.md").Replace("\r\n", "\n");

    private static readonly Lazy<Type> Actual = new(() => SampleCompilation
        .Load("README.md", MarkdownCodeBlock.Parse(Readme).Where(b => b.Language == "csharp"), ActualOutputsSource.Replace("KINDS_EXPRESSION", KindsExpression()))
        .GetType("ReadmeClaims.ActualOutputs", throwOnError: true)!);

    /// <summary>
    /// What the README's samples produce, computed from the types the samples declare; KINDS_EXPRESSION is the
    /// expression the README's <c>Kinds</c> comment gives, so that it is checked too.
    /// </summary>
    private const string ActualOutputsSource = """
        using System;
        using System.Buffers;
        using System.Linq;
        using System.Text;
        using System.Text.Json;
        using ProtocolGen;
        using ProtocolGen.Portmaster;
        using Greenhouse;
        using Samples.Schema;

        namespace ReadmeClaims;

        public static class ActualOutputs
        {
            public static string TutorialFrame() => Hex(Message.EncodeFrame(new Reading(Sensor: 7, TenthsCelsius: 215, From: new Ipv4Address(10, 0, 0, 7))));

            public static string TutorialJson()
            {
                var json = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(json))
                {
                    Message.WriteJson(writer, new Alarm(Level.Critical, "door open"));
                }

                return Encoding.UTF8.GetString(json.WrittenSpan);
            }

            public static string TutorialLayouts() => string.Concat(Message.Layouts.Select(l => l.ToDiagram()));

            public static string TutorialToString() => new Reading(Sensor: 7, TenthsCelsius: 215, From: new Ipv4Address(10, 0, 0, 7)).ToString();

            public static string LogLineToString() => new LogLine(Severity.Info, "hi").ToString();

            public static string KindsFrame() => Hex(IProbe.EncodeFrame(KINDS_EXPRESSION));

            public static string LogLineFrame() => Hex(Info.EncodeFrame(new LogLine(Severity.Info, "hi")));

            public static string VerdictFrame() => Hex(Command.EncodeFrame(new VerdictCommand(1, Verdict.Accept)));

            public static string VerdictJsonName() => Command.Layouts.Single(l => l.Name == "Verdict").Name;

            public static string LengthPrefixedHi() => Hex(WireCodec.ToArray(new PrefixedText("hi")));

            public static string BigEndian258() => Hex(WireCodec.ToArray(new BigEndianNumber(258)));

            private static string Hex(byte[] bytes) => string.Join(" ", bytes.Select(b => b.ToString("x2")));
        }

        [WireStruct]
        public partial record struct PrefixedText([LengthPrefix(PrefixWidth.U8)] string Text);

        [WireStruct]
        public partial record struct BigEndianNumber([BigEndian] ushort Value);
        """;

    [Theory]
    [InlineData("TutorialFrame", @"// (?<claim>[0-9a-f |]+)\n\s*byte\[\] frame = Message\.EncodeFrame\(reading\);")]
    [InlineData("KindsFrame", @"\) is the frame\n// (?<claim>[0-9a-f |]+)\n\[Packet\(9")]
    [InlineData("LogLineFrame", @"`LogLine\(Severity\.Info, ""hi""\)` is `(?<claim>[0-9a-f ]+)`")]
    [InlineData("VerdictFrame", @"`VerdictCommand\(1, Verdict\.Accept\)` \(JSON and layout name `Verdict`\) is `(?<claim>[0-9a-f ]+)`")]
    [InlineData("LengthPrefixedHi", @"`""hi""` with `U8` is `(?<claim>[0-9a-f ]+)`")]
    [InlineData("BigEndian258", @"a `ushort` 258 is `(?<claim>[0-9a-f ]+)` instead of")]
    public void EveryByteExample_IsWhatTheCodeEncodes(string actual, string claimPattern)
    {
        var claim = Claim(claimPattern);

        Assert.Equal(Normalize(claim), Normalize(Run(actual)));
    }

    [Fact]
    public void TheTutorialsJsonComment_IsWhatWriteJsonWrites()
    {
        var claim = Claim(@"Console\.WriteLine\(Encoding\.UTF8\.GetString\(json\.WrittenSpan\)\);\s*// (?<claim>\{[^\n]*\})");

        Assert.Equal(claim, Run("TutorialJson"));
    }

    [Fact]
    public void TheTutorialsLayoutBlock_IsWhatToDiagramPrints()
    {
        var claim = Claim(@"prints, after the JSON line:\n\n```text\n(?<claim>.*?)\n```");

        Assert.Equal(claim.Split('\n'), Run("TutorialLayouts").Replace("\r\n", "\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void TheTutorialsToStringComment_IsWhatAPacketPrints_ItsFieldsOnly()
    {
        var claim = Claim(@"Console\.WriteLine\(result\.Packet\);\s*// (?<claim>Reading \{[^\n]*\})\n");

        Assert.Equal(claim, Run("TutorialToString"));
    }

    [Fact]
    public void APacketsToString_ShowsItsFields_NotTheCodecsPacketTypeOrWireSize()
    {
        var printed = Run("LogLineToString");

        Assert.Equal("LogLine { Severity = Info, Line = hi }", printed);
    }

    [Fact]
    public void TheVerdictCommand_IsCalledVerdict_InJsonAndLayouts()
    {
        Assert.Equal("Verdict", Run("VerdictJsonName"));
    }

    private static string KindsExpression() => Claim(@"// (?<claim>new Kinds\(.*?\)) is the frame\n");

    private static string Claim(string pattern)
    {
        var match = Regex.Match(Readme, pattern, RegexOptions.Singleline);
        Assert.True(match.Success, $"README no longer has the claim /{pattern}/: update this test with it.");
        return match.Groups["claim"].Value;
    }

    private static string Run(string method) =>
        (string)Actual.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;

    private static string Normalize(string hex) => Regex.Replace(hex, "[^0-9a-f]", string.Empty);
}
