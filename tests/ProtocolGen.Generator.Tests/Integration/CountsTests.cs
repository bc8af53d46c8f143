using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Row = ProtocolGen.Layout.FieldLayout;
using Xunit;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary>Fixed-count arrays and padding, generated, compiled and run (see <c>CountsSchema.cs</c>).</summary>
public sealed class CountsTests
{
    private const int Header = 5;

    private static Sample NewSample() => new(
        0x0102, [1, -2, 3, -4], 0x0A0B0C0D, 0x7F, [new CountPoint(5, -6), new CountPoint(7, 8)], [0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF]);

    private static Mixed NewMixed() => new(
        [1, 0x0203, 0xFFFF], [CountMode.On, CountMode.Auto], [true, false, true], "név", [new CountTag(1, "a"), new CountTag(2, string.Empty)], 0x1234);

    public static TheoryData<Counted> Packets() => new()
    {
        NewSample(),
        NewMixed(),
        new Grid([new PaddedCell(1, 0x01020304), new PaddedCell(2, uint.MaxValue)], 9),
    };

    [Theory]
    [MemberData(nameof(Packets))]
    public void CountsAndPadding_RoundTripThroughTheFrame_AndJson(Counted packet)
    {
        var frame = Counted.EncodeFrame(packet);
        var decoded = Counted.DecodeFrame(frame);

        Assert.Equal(packet, decoded);
        Assert.Equal(frame, Counted.EncodeFrame(decoded));
        Assert.Equal(frame.Length - Header, packet.WireSize);
        Assert.Equal(packet, FromJson(ToJson(packet)));
    }

    [Fact]
    public void AFixedCountArray_IsItsElementsWithNoPrefix_AndPaddingIsZeros_InOneRunOfConstantSize()
    {
        var body = Body(NewSample());

        Assert.Equal(
            new byte[]
            {
                0x02, 0x01,                                     // id
                0x01, 0x00, 0xFE, 0xFF, 0x03, 0x00, 0xFC, 0xFF, // channels: four i16, no count
                0x00, 0x00,                                     // padding before stamp
                0x0D, 0x0C, 0x0B, 0x0A,                         // stamp
                0x7F, 0x00,                                     // flags, then its padding
                0x05, 0x00, 0xFA, 0xFF, 0x07, 0x00, 0x08, 0x00, // corners: two points
                0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF,             // mac
            },
            body);
        Assert.Equal(32, Sample.MinWireSize);
        Assert.True(Sample.IsFixedSize);
    }

    [Fact]
    public void BigEndianElements_AndPaddingBeforeAPrefix_AndStructuresThatReadThemselves_AreLaidOutInOrder()
    {
        var body = Body(NewMixed());

        Assert.Equal(
            new byte[]
            {
                0x00, 0x01, 0x02, 0x03, 0xFF, 0xFF, // levels, big-endian
                0x01, 0x02,                         // modes
                0x01, 0x00, 0x01,                   // switches
                0x00,                               // padding before name's prefix
                0x04, 0x6E, 0xC3, 0xA9, 0x76,       // name
                0x01, 0x01, 0x61, 0x02, 0x00,       // tags: two, each its code and text
                0x00, 0x00,                         // padding that must be zero
                0x12, 0x34,                         // last
            },
            body);
        Assert.Equal(13 + 2 * 2 + 4, Mixed.MinWireSize);
        Assert.False(Mixed.IsFixedSize);
    }

    [Fact]
    public void PaddingIsWrittenAsZeros_EvenOverADirtyBuffer()
    {
        var destination = Enumerable.Repeat((byte)0xEE, 64).ToArray();

        var written = Counted.EncodeFrame(new Grid([new PaddedCell(1, 2), new PaddedCell(3, 4)], 5), destination);

        Assert.Equal(Body(new Grid([new PaddedCell(1, 2), new PaddedCell(3, 4)], 5)), destination[Header..written]);
        Assert.Equal(new byte[] { 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5, 0, 0 }, destination[Header..written]);
    }

    [Fact]
    public void PaddingThatNeedNotBeZero_IsSkipped_AndReencodesAsZeros()
    {
        var body = Body(NewSample());
        body[10] = 0x55;
        body[11] = 0x66;

        var decoded = Sample.ReadFrom(body);

        Assert.Equal(NewSample(), decoded);
        Assert.Equal(Body(NewSample()), Body(decoded));
        Assert.True(Sample.View.TryCreate(body, out _, out _));
    }

    [Theory]
    [InlineData(17, 17)]
    public void PaddingThatMustBeZero_IsRefusedAtItsFirstNonZeroByte_AsAFixedValueMismatch(int index, int offset)
    {
        var body = Body(NewSample());
        body[index] = 1;

        var error = Assert.Throws<ProtocolException>(() => Sample.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.FixedValueMismatch, error.Kind);
        Assert.Equal(offset, error.BodyOffset);
        Assert.False(Sample.View.TryCreate(body, out _, out var viewError));
        Assert.Equal(error.Kind, viewError.Kind);
        Assert.Equal(error.BodyOffset, viewError.BodyOffset);
    }

    [Fact]
    public void PaddingThatMustBeZero_AfterAVariableLengthPart_IsRefusedAtItsOffsetInTheBody()
    {
        var body = Body(NewMixed());
        body[^3] = 0x80; // the second byte of the padding before last

        var error = Assert.Throws<ProtocolException>(() => Mixed.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.FixedValueMismatch, error.Kind);
        Assert.Equal(body.Length - 3, error.BodyOffset);
        Assert.Throws<ProtocolException>(() => Mixed.View.Create(body));
    }

    [Theory]
    [InlineData(3, "channels", 3)]
    [InlineData(5, "channels", 5)]
    [InlineData(0, "channels", 0)]
    public void AnArrayOfAnotherCount_IsAnEncodeError_NamingTheFieldAndItsCount_AndNothingIsWritten(int count, string field, int actual)
    {
        var packet = NewSample() with { Channels = new short[count] };
        var destination = new byte[64];

        var error = Assert.Throws<WireEncodeException>(() => Counted.EncodeFrame(packet, destination));

        Assert.Equal(field, error.Field);
        Assert.Contains($"must hold exactly 4 elements on the wire, but holds {actual}.", error.Message, StringComparison.Ordinal);
        Assert.All(destination, b => Assert.Equal(0, b));
    }

    [Fact]
    public void EveryFixedCountArray_IsCounted_OnEncode()
    {
        Assert.Equal("corners", Assert.Throws<WireEncodeException>(() => Counted.EncodeFrame(NewSample() with { Corners = [new CountPoint(1, 1)] })).Field);
        Assert.Equal("levels", Assert.Throws<WireEncodeException>(() => Counted.EncodeFrame(NewMixed() with { Levels = [1, 2, 3, 4] })).Field);
        Assert.Equal("tags", Assert.Throws<WireEncodeException>(() => Counted.EncodeFrame(NewMixed() with { Tags = [new CountTag(1, "x")] })).Field);
        Assert.Equal("switches", Assert.Throws<WireEncodeException>(() => Counted.EncodeFrame(NewMixed() with { Switches = null! })).Field);
        Assert.Equal("levels", Assert.Throws<WireEncodeException>(() => Counted.EncodeFrame(NewMixed() with { Levels = default })).Field);
    }

    [Fact]
    public void AnUnnamedValueOfAClosedEnumArray_IsAnEncodeError_AfterTheCount()
    {
        var error = Assert.Throws<WireEncodeException>(() => Counted.EncodeFrame(NewMixed() with { Modes = [CountMode.On, (CountMode)9] }));

        Assert.Equal("modes[1]", error.Field);
    }

    [Theory]
    [InlineData(7, ProtocolErrorKind.InvalidValue, 7)]  // a mode that is not named
    [InlineData(9, ProtocolErrorKind.InvalidValue, 9)]  // a boolean that is 2
    public void ElementsThatRefuseBytes_AreRefusedAtTheElement(int index, ProtocolErrorKind kind, int offset)
    {
        var body = Body(NewMixed());
        body[index] = 2 + 7;

        var error = Assert.Throws<ProtocolException>(() => Mixed.ReadFrom(body)).Error;

        Assert.Equal(kind, error.Kind);
        Assert.Equal(offset, error.BodyOffset);
        Assert.Equal(kind, Assert.Throws<ProtocolException>(() => Mixed.View.Create(body)).Error.Kind);
    }

    [Fact]
    public void ABodyShorterThanTheCount_IsRefused_ByTheDecoderAndTheView()
    {
        var body = Body(NewSample())[..31];

        Assert.Throws<ProtocolException>(() => Sample.ReadFrom(body));
        Assert.False(Sample.View.TryCreate(body, out _, out _));

        var mixed = Body(NewMixed())[..19]; // the second tag cut
        Assert.Throws<ProtocolException>(() => Mixed.ReadFrom(mixed));
        Assert.False(Mixed.View.TryCreate(mixed, out _, out _));
    }

    [Fact]
    public void Json_HoldsTheArrays_AndNoPadding()
    {
        Assert.Equal(
            """{"kind":"Grid","cells":[{"kind":1,"value":2}],"end":3}""".Replace("[{\"kind\":1,\"value\":2}]", "[{\"kind\":1,\"value\":2},{\"kind\":4,\"value\":5}]", StringComparison.Ordinal),
            ToJson(new Grid([new PaddedCell(1, 2), new PaddedCell(4, 5)], 3)));
        Assert.Contains("\"channels\":[1,-2,3,-4]", ToJson(NewSample()), StringComparison.Ordinal);
        Assert.DoesNotContain("padding", ToJson(NewSample()), StringComparison.Ordinal);
    }

    [Fact]
    public void TheView_EnumeratesTheElementsInPlace_AtTheirConstantOffsets()
    {
        var body = Body(NewSample());
        var view = Sample.View.Create(body);

        Assert.Equal(4, view.Channels.Count);
        var channels = new short[4];
        var i = 0;
        foreach (var channel in view.Channels)
        {
            channels[i++] = channel;
        }

        Assert.Equal(new short[] { 1, -2, 3, -4 }, channels);
        Assert.Equal(0x0A0B0C0Du, view.Stamp);
        Assert.Equal(0x7F, view.Flags);
        Assert.Equal(2, view.Corners.Count);
        Assert.Equal(-6, view.Corners[0].Y);
        Assert.Equal(7, view.Corners[1].X);
        Assert.Equal(32, view.WireLength);

        var mixed = Mixed.View.Create(Body(NewMixed()));
        Assert.Equal(0x0203, mixed.Levels[1]);
        Assert.Equal(CountMode.Auto, mixed.Modes[1]);
        Assert.True(mixed.Switches[2]);
        Assert.Equal("név", mixed.GetName());
        var texts = new StringBuilder();
        foreach (var tag in mixed.Tags)
        {
            texts.Append(tag.Code).Append(tag.GetText()).Append(';');
        }

        Assert.Equal("1a;2;", texts.ToString());
        Assert.Equal(0x1234, mixed.Last);
    }

    [Fact]
    public void TheLayout_DrawsEachArrayAsItsCountOfElements_AndThePadding()
    {
        Assert.Equal(
            new[]
            {
                new Row(0, 2, "id", "u16"),
                new Row(2, 8, "channels", "i16[4]"),
                new Row(10, 2, "padding", "padding, 0x00 on encode"),
                new Row(12, 4, "stamp", "u32"),
                new Row(16, 1, "flags", "u8"),
                new Row(17, 1, "padding", "padding, must be 0x00"),
                new Row(18, 8, "corners", "CountPoint[2] (4 each)"),
                new Row(26, 6, "mac", "bytes"),
            },
            Sample.WireLayout.Fields.ToArray());
        Assert.Equal(new Row(0, 6, "levels", "u16be[3]"), Mixed.WireLayout.Fields[0]);
        Assert.Equal(new Row(6, 2, "modes", "u8 CountMode[2]"), Mixed.WireLayout.Fields[1]);
        Assert.Equal(new Row(11, 1, "padding", "padding, 0x00 on encode"), Mixed.WireLayout.Fields[3]);
        Assert.Equal(new Row(null, null, "tags", "CountTag[2]"), Mixed.WireLayout.Fields[6]);
    }

    private static byte[] Body(Counted packet) => Counted.EncodeFrame(packet)[Header..];

    private static string ToJson(Counted packet)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Counted.WriteJson(writer, packet);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Counted FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Counted.ReadJson(document.RootElement);
    }
}
