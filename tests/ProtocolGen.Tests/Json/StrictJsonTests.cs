using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ProtocolGen.Internal;
using ProtocolGen.Json;
using ProtocolGen.Portmaster;
using Xunit;
using static ProtocolGen.Tests.Json.JsonTestHelpers;

namespace ProtocolGen.Tests.Json;

/// <summary>
/// JSON input is strict: anything a packet's JSON form does not allow is a <see cref="WireJsonException"/> that
/// names the field, never silently dropped, changed or thrown as another exception; and a packet's JSON form is
/// always something its reader takes back.
/// </summary>
public sealed class StrictJsonTests
{
    private const string Update = """{"kind":"UpdateV4","protocol":"Tcp","local_address":"1.2.3.4","local_port":1,"remote_address":"2.3.4.5","remote_port":2,"verdict":"Block"}""";
    private const string Update6 = """{"kind":"UpdateV6","protocol":"Tcp","local_address":"::1","local_port":1,"remote_address":"fe80::2","remote_port":2,"verdict":"Block"}""";

    [Fact]
    public void TheReferenceLines_AreAccepted()
    {
        Assert.IsType<UpdateV4>(FromJson<Command>(Update));
        Assert.IsType<UpdateV6>(FromJson<Command>(Update6));
    }

    [Theory]
    [InlineData("sbyte")]
    [InlineData("short")]
    [InlineData("int")]
    [InlineData("long")]
    [InlineData("byte")]
    [InlineData("ushort")]
    [InlineData("uint")]
    [InlineData("ulong")]
    public void MinusZero_IsRefusedForEveryIntegerField_SignedOrNot(string type)
    {
        using var document = JsonDocument.Parse("""{"n":-0,"z":0}""");
        var root = document.RootElement;
        Func<string, object> read = type switch
        {
            "sbyte" => name => WireJsonFields.GetSByte(root, name),
            "short" => name => WireJsonFields.GetInt16(root, name),
            "int" => name => WireJsonFields.GetInt32(root, name),
            "long" => name => WireJsonFields.GetInt64(root, name),
            "byte" => name => WireJsonFields.GetByte(root, name),
            "ushort" => name => WireJsonFields.GetUInt16(root, name),
            "uint" => name => WireJsonFields.GetUInt32(root, name),
            _ => name => WireJsonFields.GetUInt64(root, name),
        };

        var error = Assert.Throws<WireJsonException>(() => read("n"));

        Assert.Equal("n", error.Field);
        Assert.Equal("0", Convert.ToString(read("z"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("""{"kind":"Verdict","id":1,"verdict":"Accept","verdikt":"Drop"}""", "verdikt")]
    [InlineData("""{"kind":"Shutdown","force":true}""", "force")]
    public void AnUnknownField_IsAnErrorNamingIt(string json, string field)
    {
        var error = Assert.Throws<WireJsonException>(() => FromJson<Command>(json));

        Assert.Equal(field, error.Field);
        Assert.Contains("not a field", error.Problem);
    }

    [Fact]
    public void AnUnknownFieldInsideAnArray_IsNamedWithItsPath()
    {
        var json = ToJson(Captures.CaptureValues.ExpectedInfo(5)).Replace("\"remote_port\":6", "\"remote_port\":6,\"extra\":1");

        var error = Assert.Throws<WireJsonException>(() => FromJson<Info>(json));

        Assert.Equal("values[1].extra", error.Field);
    }

    [Theory]
    [InlineData("""{"kind":"Verdict","id":-1,"id":1,"verdict":"Accept"}""", "id")]
    [InlineData("""{"kind":"Verdict","id":1,"verdict":"Accept","verdict":"Drop"}""", "verdict")]
    [InlineData("""{"kind":"Verdict","kind":"Verdict","id":1,"verdict":"Accept"}""", "kind")]
    public void ADuplicateKey_IsAnError_SoAnOutOfRangeFirstValueIsNeverDroppedSilently(string json, string field)
    {
        var error = Assert.Throws<WireJsonException>(() => FromJson<Command>(json));

        Assert.Equal(field, error.Field);
        Assert.Contains("more than once", error.Problem);
    }

    [Theory]
    [InlineData("""{"kind":"LogLine","severity":"Info","line":"t\ud800st"}""", "line")]
    [InlineData("""{"kind":"LogLine","severity":"Info","line":"t\udc00st"}""", "line")]
    [InlineData("""{"kind":"Log\ud800Line","severity":"Info","line":"x"}""", "kind")]
    [InlineData("""{"kind":"LogLine","severity":"In\ud800fo","line":"x"}""", "severity")]
    public void ALoneSurrogateEscape_IsAWireJsonException_NamingTheField(string json, string field)
    {
        var error = Assert.Throws<WireJsonException>(() => FromJson<Info>(json));

        Assert.Equal(field, error.Field);
        Assert.Contains("not valid text", error.Problem);
    }

    [Fact]
    public void ALoneSurrogateEscape_InAnAddress_IsAWireJsonException_NamingTheField()
    {
        var error = Assert.Throws<WireJsonException>(() => FromJson<Command>(Update.Replace("\"1.2.3.4\"", "\"1.2.\\ud800.4\"")));

        Assert.Equal("local_address", error.Field);
        Assert.Contains("not valid text", error.Problem);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    public void InvalidUtf8InAString_IsAWireJsonException_NeverAReplacementCharacter(byte[] bad)
    {
        var json = Encoding.UTF8.GetBytes("""{"kind":"LogLine","severity":"Info","line":"a""").Concat(bad).Concat(Encoding.UTF8.GetBytes("b\"}")).ToArray();
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<WireJsonException>(() => Info.ReadJson(document.RootElement));

        Assert.Equal("line", error.Field);
    }

    [Theory]
    [InlineData("fe80::1%eth0")]
    [InlineData("fe80::1%4")]
    [InlineData("[::1]:80")]
    [InlineData("[::1]")]
    [InlineData("::1/64")]
    [InlineData("::ffff:01.2.3.4")]
    [InlineData(" ::1")]
    public void AnIpv6AddressWithAZonePortOrOtherExtra_IsAnErrorNamingTheField(string text)
    {
        var error = Assert.Throws<WireJsonException>(() => FromJson<Command>(Update6.Replace("\"fe80::2\"", JsonSerializer.Serialize(text))));

        Assert.Equal("remote_address", error.Field);
        Assert.False(Ipv6Address.TryParse(text, out _));
    }

    [Theory]
    [InlineData("01.002.3.4")]
    [InlineData("1.2.3.04")]
    [InlineData("00.0.0.0")]
    [InlineData("1.2.3.4:80")]
    public void AnIpv4AddressWithLeadingZerosOrAPort_IsAnErrorNamingTheField(string text)
    {
        var error = Assert.Throws<WireJsonException>(() => FromJson<Command>(Update.Replace("\"2.3.4.5\"", JsonSerializer.Serialize(text))));

        Assert.Equal("remote_address", error.Field);
        Assert.False(Ipv4Address.TryParse(text, out _));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("10.0.100.255")]
    public void AnIpv4AddressWithZeros_ThatAreNotLeading_IsAccepted(string text)
    {
        Assert.True(Ipv4Address.TryParse(text, out var address));
        Assert.Equal(text, address.ToString());
    }

    [Fact]
    public void AHugeBadValue_IsQuotedOnlyAsAShortPrefix()
    {
        var huge = new string('x', 5_000_000);

        var kind = Assert.Throws<WireJsonException>(() => FromJson<Command>($$"""{"kind":"{{huge}}"}"""));
        var address = Assert.Throws<WireJsonException>(() => FromJson<Command>(Update.Replace("\"2.3.4.5\"", $"\"{huge}\"")));
        var number = Assert.Throws<WireJsonException>(() => FromJson<Command>($$"""{"kind":"Verdict","id":{{new string('9', 100_000)}},"verdict":"Accept"}"""));
        var name = Assert.Throws<WireJsonException>(() => FromJson<Command>($$"""{"kind":"Shutdown","{{huge}}":1}"""));

        Assert.All(new[] { kind, address, number, name }, e => Assert.InRange(e.Message.Length, 1, 200));
        Assert.Contains("(5000000 characters)", kind.Message);
    }

    [Fact]
    public void AQuotedValue_HasItsControlCharactersEscaped_SoItCannotForgeALineOfOutput()
    {
        var error = Assert.Throws<WireJsonException>(() => FromJson<Command>("""{"kind":"a\nline 9: fake"}"""));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("\\u000a", error.Message);
    }

    [Theory]
    [InlineData("\\u0085")] // C1 next line
    [InlineData("\\u009b")] // C1 control sequence introducer
    [InlineData("\\u202e")] // right-to-left override
    [InlineData("\\u200b")] // zero-width space
    [InlineData("\\ufeff")] // byte order mark
    [InlineData("\\u2028")] // line separator
    public void AQuotedValue_HasItsInvisibleAndTerminalControllingCharactersEscaped(string escape)
    {
        var error = Assert.Throws<WireJsonException>(() => FromJson<Command>($$"""{"kind":"a{{escape}}b"}"""));

        Assert.Contains("\"a" + escape + "b\"", error.Message);
        Assert.DoesNotContain(error.Message, c => char.IsControl(c) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
    }

    [Fact]
    public void AQuotedValue_KeepsPrintableNonAsciiText()
    {
        var error = Assert.Throws<WireJsonException>(() => FromJson<Command>("""{"kind":"Grüße 東京"}"""));

        Assert.Contains("\"Grüße 東京\"", error.Message);
    }

    [Fact]
    public void WriteJson_RefusesANullText_NamingTheField_InsteadOfWritingNullThatReadJsonRejects()
    {
        var error = Assert.Throws<WireJsonException>(() => ToJson<Info>(new LogLine(Severity.Info, null!)));

        Assert.Equal("line", error.Field);
        Assert.Contains("null", error.Problem);
    }

    [Fact]
    public void WriteJson_RefusesALoneSurrogate_InsteadOfWritingAReplacementCharacter()
    {
        var error = Assert.Throws<WireJsonException>(() => ToJson<Info>(new LogLine(Severity.Info, "t\ud800st")));

        Assert.Equal("line", error.Field);
        Assert.Contains("index 1", error.Problem);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("emoji \ud83d\ude00 pair")]
    [InlineData("")]
    public void WriteJson_WritesValidText_ThatReadJsonTakesBack(string text)
    {
        var line = new LogLine(Severity.Info, text);

        Assert.Equal(line, FromJson<Info>(ToJson<Info>(line)));
    }

    // The later ones were found by the JSON Lines mutation suite: a name is decoded when compared, not only when read.
    [Theory]
    [InlineData("""{"kind":"Shutdown","\ud800":1}""")]
    [InlineData("""{"\ud800x":1,"kind":"Shutdown"}""")]
    [InlineData("""{"kind":"Verdict","id":1,"verd\ud800ict":"Accept"}""")]
    [InlineData("""{"kind":"Verdict","i\udc00d":1,"verdict":"Accept"}""")]
    public void AFieldWhoseNameIsNotValidText_IsAWireJsonException(string json)
    {
        var error = Assert.Throws<WireJsonException>(() => FromJson<Command>(json));

        Assert.Contains("not valid text", error.Field);
    }
}
