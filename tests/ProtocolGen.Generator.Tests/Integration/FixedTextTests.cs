using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary>Text in fields of fixed length (<c>[FixedLength(n)] string</c>), generated, compiled and run (see <c>FixedTextSchema.cs</c>).</summary>
public sealed class FixedTextTests
{
    private const int Header = 5;

    public static TheoryData<Named> Packets() => new()
    {
        new Entry("readme.txt", 0x1A4, "root"),
        new Entry(string.Empty, 0, string.Empty),
        new Entry("exactly 16 bytes", 1, "8 bytes!"),
        new Entry("héllo wörld", 2, "日本"),
        new Noted(3, new CodeLabel(9, "ABCD"), "note"),
        new FilePath("/usr/lib", "libc.so.6", 0x0102, "tag"),
        new FilePath(string.Empty, "ü", 0, "7 bytes"),
    };

    [Theory]
    [MemberData(nameof(Packets))]
    public void FixedText_RoundTripsThroughItsFrame_AndItsJson(Named packet)
    {
        var frame = Named.EncodeFrame(packet);
        var decoded = Named.DecodeFrame(frame);

        Assert.Equal(packet, decoded);
        Assert.Equal(frame, Named.EncodeFrame(decoded));
        Assert.Equal(frame.Length - Header, packet.WireSize);
        Assert.Equal(packet, FromJson(ToJson(packet)));
    }

    [Fact]
    public void Text_IsItsUtf8_ThenZeros_ToTheFieldsEnd()
    {
        var body = Body(new Entry("ab", 0x01020304, "é"));

        Assert.Equal(28, body.Length);
        Assert.Equal(new byte[] { 0x61, 0x62, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, body[..16]);
        Assert.Equal(new byte[] { 4, 3, 2, 1 }, body[16..20]);
        Assert.Equal(new byte[] { 0xC3, 0xA9, 0, 0, 0, 0, 0, 0 }, body[20..]);
        Assert.Equal(28, Entry.MinWireSize);
        Assert.True(Entry.IsFixedSize);
    }

    [Fact]
    public void Json_HoldsTheTextWithoutItsPadding()
    {
        Assert.Equal("""{"kind":"Entry","name":"ab","mode":7,"owner":"x"}""", ToJson(new Entry("ab", 7, "x")));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(15, 15)]
    [InlineData(23, 23)]
    public void AByteOtherThanZeroAfterTheTextsEnd_IsInvalidText_AtThatByte(int index, int offset)
    {
        var body = Body(new Entry("ab", 0, "cd"));
        body[index] = 0x41;

        var error = Assert.Throws<ProtocolException>(() => Entry.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.InvalidText, error.Kind);
        Assert.Equal(offset, error.BodyOffset);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(21, 20)]
    public void TextThatIsNotUtf8_IsInvalidText_AtTheFieldsStart(int index, int offset)
    {
        var body = Body(new Entry("ab", 0, "cd"));
        body[index] = 0xFF;

        var error = Assert.Throws<ProtocolException>(() => Entry.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.InvalidText, error.Kind);
        Assert.Equal(offset, error.BodyOffset);
    }

    [Fact]
    public void AFieldFullOfText_HasNoZero_AndDecodesWhole()
    {
        var body = Body(new Entry("0123456789abcdef", 0, "01234567"));

        Assert.DoesNotContain((byte)0, body[..16]);
        Assert.Equal("0123456789abcdef", Entry.ReadFrom(body).Name);
    }

    [Theory]
    [InlineData("0123456789abcdefg", "is 17 bytes of UTF-8; the field holds at most 16.")]
    [InlineData("ééééééééé", "is 18 bytes of UTF-8; the field holds at most 16.")]
    [InlineData("a\0b", "holds U+0000 at char 1")]
    [InlineData(null, "is null")]
    public void TextTheFieldCannotHold_IsAnEncodeError_NamingTheField_AndNothingIsWritten(string? name, string message) =>
        AssertRefused(name, message);

    [Fact]
    public void TextThatIsNotUtf16_IsAnEncodeError_NamingTheField() => AssertRefused("a\ud800", "is not valid UTF-16");

    private static void AssertRefused(string? name, string message)
    {
        var packet = new Entry(name!, 0, "ok");
        var destination = new byte[64];

        var error = Assert.Throws<WireEncodeException>(() => Named.EncodeFrame(packet, destination));

        Assert.Equal("name", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.All(destination, b => Assert.Equal(0, b));
    }

    [Fact]
    public void TheView_GivesTheTextsBytes_AndItsCheckRefusesWhatTheDecoderRefuses()
    {
        var body = Body(new Noted(3, new CodeLabel(9, "AB"), "note"));
        var view = Noted.View.Create(body);

        Assert.Equal("AB", Encoding.UTF8.GetString(view.Label.CodeUtf8));
        Assert.Equal("note", view.GetNote());
        Assert.Equal(Encoding.UTF8.GetBytes("note"), view.NoteUtf8.ToArray());

        body[^1] = 0x41; // after the note's first zero
        var error = Assert.Throws<ProtocolException>(() => Noted.View.Create(body)).Error;
        Assert.Equal(ProtocolErrorKind.InvalidText, error.Kind);
        Assert.Equal(error.Kind, Assert.Throws<ProtocolException>(() => Noted.ReadFrom(body)).Error.Kind);
    }

    [Fact]
    public void TheLayout_ShowsEachTextAsItsFixedBytes()
    {
        var rows = Entry.WireLayout.Fields;

        Assert.Equal(new ProtocolGen.Layout.FieldLayout(0, 16, "name", "utf8, 0x00-padded"), rows[0]);
        Assert.Equal(new ProtocolGen.Layout.FieldLayout(16, 4, "mode", "u32"), rows[1]);
        Assert.Equal(new ProtocolGen.Layout.FieldLayout(20, 8, "owner", "utf8, 0x00-padded"), rows[2]);
    }

    [Fact]
    public void ANullTerminatedText_IsItsUtf8ThenOneZero_AndACharArrayThatMustEndInZero_KeepsRoomForIt()
    {
        var body = Body(new FilePath("/a", "b", 0x0102, "tag"));

        Assert.Equal(new byte[] { 0x2F, 0x61, 0, 0x62, 0, 2, 1, 0x74, 0x61, 0x67, 0, 0, 0, 0, 0 }, body);
        Assert.Equal(12, FilePath.MinWireSize); // two zeros, the integer, the char[8]
        Assert.False(FilePath.IsFixedSize);
        Assert.Equal("tag", FilePath.View.Create(body).GetTag());
        Assert.Equal("b", FilePath.View.Create(body).GetFile());
        Assert.Equal(0x0102, FilePath.View.Create(body).Flags);
    }

    [Fact]
    public void ANullTerminatedTextWithNoZeroBeforeTheBodysEnd_IsLengthBeyondFrame_AtItsStart()
    {
        byte[] body = [0x2F, 0x61, 0, 0x62, 0x63];

        var error = Assert.Throws<ProtocolException>(() => FilePath.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.LengthBeyondFrame, error.Kind);
        Assert.Equal(3, error.BodyOffset);
        Assert.Equal(error.Kind, Assert.Throws<ProtocolException>(() => FilePath.View.Create(body)).Error.Kind);
    }

    [Fact]
    public void ANullTerminatedTextThatIsNotUtf8_IsInvalidText_AtItsStart()
    {
        var body = Body(new FilePath("/a", "b", 0, "t"));
        body[3] = 0xC3; // "b" becomes a cut two-byte sequence

        var error = Assert.Throws<ProtocolException>(() => FilePath.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.InvalidText, error.Kind);
        Assert.Equal(3, error.BodyOffset);
    }

    [Fact]
    public void ACharArrayThatMustEndInZero_WithoutOne_IsInvalidText_AtItsLastByte()
    {
        var body = Body(new FilePath("/a", "b", 0, "t"));
        body[^1] = 0x41;

        var error = Assert.Throws<ProtocolException>(() => FilePath.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.InvalidText, error.Kind);
        Assert.Equal(body.Length - 1, error.BodyOffset);
    }

    [Theory]
    [InlineData("a\0b", "t", "directory", "holds U+0000 at char 1")]
    [InlineData("a", "8 bytes!", "tag", "is 8 bytes of UTF-8; the field holds at most 7.")]
    [InlineData(null, "t", "directory", "is null")]
    public void NullTerminatedTextThatCannotBeWritten_IsAnEncodeError_NamingTheField(string? directory, string tag, string field, string message)
    {
        var destination = new byte[64];

        var error = Assert.Throws<WireEncodeException>(() => Named.EncodeFrame(new FilePath(directory!, "f", 0, tag), destination));

        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.All(destination, b => Assert.Equal(0, b));
    }

    [Fact]
    public void TheLayout_ShowsNullTerminatedTextByItsEnd()
    {
        var rows = FilePath.WireLayout.Fields;

        Assert.Equal(new ProtocolGen.Layout.FieldLayout(0, null, "directory", "utf8 to 0x00"), rows[0]);
        Assert.Equal(new ProtocolGen.Layout.FieldLayout(null, 8, "tag", "utf8, 0x00-terminated and padded"), rows[3]);
    }

    private static byte[] Body(Named packet) => Named.EncodeFrame(packet)[Header..];

    private static string ToJson(Named packet)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Named.WriteJson(writer, packet);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Named FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Named.ReadJson(document.RootElement);
    }
}
