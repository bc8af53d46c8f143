using System;
using System.IO;
using System.Text;
using System.Text.Json;
using ProtocolGen.Json;
using Xunit;
using Row = ProtocolGen.Layout.FieldLayout;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary>Converted members (<c>[WireConverter]</c>), generated, compiled and run (see <c>ConvertersSchema.cs</c>).</summary>
public sealed class ConvertersTests
{
    private const int Header = 5;

    private static Hop NewHop() => new(
        new MacAddress(0x0011_2233_4455), new MacAddress(0xAABB_CCDD_EEFF), new Port(8080), new Temperature(21.5m), 64, 0xBEEF);

    [Fact]
    public void ConvertedMembers_RoundTripThroughTheFrame_AndJson()
    {
        var frame = Converted.EncodeFrame(NewHop());
        var decoded = Converted.DecodeFrame(frame);

        Assert.Equal(NewHop(), decoded);
        Assert.Equal(frame, Converted.EncodeFrame(decoded));
        Assert.Equal(NewHop(), FromJson(ToJson(NewHop())));
    }

    [Fact]
    public void EachConvertedMember_TakesItsWireForm_InOneRunOfConstantSize()
    {
        Assert.Equal(
            new byte[]
            {
                0x00, 0x11, 0x22, 0x33, 0x44, 0x55, // destination: 6 bytes, most significant first
                0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, // source
                0x1F, 0x90,                         // port 8080 as u16be
                0x08, 0x66,                         // 21.5 degrees as 2150 hundredths, i16be
                0x40,                               // ttl
                0xBE, 0xEF,                         // checksum
            },
            Body(NewHop()));
        Assert.Equal(19, Hop.MinWireSize);
        Assert.True(Hop.IsFixedSize);
    }

    [Fact]
    public void AWireValueTheConverterRefuses_IsInvalidValue_AtTheMember()
    {
        var body = Body(NewHop());
        body[12] = 0;
        body[13] = 0; // port 0

        var error = Assert.Throws<ProtocolException>(() => Hop.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.InvalidValue, error.Kind);
        Assert.Equal(12, error.BodyOffset);
        Assert.False(Hop.View.TryCreate(body, out _, out var viewError));
        Assert.Equal(error.Kind, viewError.Kind);
        Assert.Equal(error.BodyOffset, viewError.BodyOffset);
    }

    [Fact]
    public void AValueTheConverterCannotWrite_IsAnEncodeError_BeforeAnyByteIsWritten()
    {
        var destination = new byte[64];

        var error = Assert.Throws<WireEncodeException>(() => Converted.EncodeFrame(NewHop() with { Port = new Port(0) }, destination));

        Assert.Equal("port", error.Field);
        Assert.All(destination, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Json_IsTheConvertersOwnForm_OrTheWireValueWithoutOne()
    {
        var json = ToJson(NewHop());

        Assert.Equal("""{"kind":"Hop","destination":"00:11:22:33:44:55","source":"aa:bb:cc:dd:ee:ff","port":8080,"reading":21.5,"ttl":64,"checksum":48879}""", json);
        var refused = Assert.Throws<WireJsonException>(() => FromJson(json.Replace("\"port\":8080", "\"port\":0", StringComparison.Ordinal)));
        Assert.Equal("port", refused.Field);
    }

    [Fact]
    public void TheView_ReadsEachValueThroughItsConverter_InPlace()
    {
        var view = Hop.View.Create(Body(NewHop()));

        Assert.Equal(new MacAddress(0x0011_2233_4455), view.Destination);
        Assert.Equal(new MacAddress(0xAABB_CCDD_EEFF), view.Source);
        Assert.Equal(new Port(8080), view.Port);
        Assert.Equal(new Temperature(21.5m), view.Reading);
        Assert.Equal(0xBEEF, view.Checksum);
    }

    [Fact]
    public void TheLayout_ShowsTheWireFormAndTheConverter()
    {
        Assert.Equal(new Row(0, 6, "destination", "6 bytes via MacAddressBytes"), Hop.WireLayout.Fields[0]);
        Assert.Equal(new Row(12, 2, "port", "u16be via PortConverter"), Hop.WireLayout.Fields[2]);
        Assert.Equal(new Row(14, 2, "reading", "i16be via CentiDegrees"), Hop.WireLayout.Fields[3]);
    }

    private static Settings NewSettings() => new(Switch.On, "high", new MacAddress(0x0102_0304_0506));

    [Fact]
    public void ConvertersToABooleanAClosedEnumAndBytes_RoundTrip_AndTheirJsonIsTheWireValue()
    {
        var body = Body(NewSettings());

        Assert.Equal(new byte[] { 1, 2, 0, 0, 1, 2, 3, 4, 5, 6 }, body);
        Assert.Equal(NewSettings(), Converted.DecodeFrame(Converted.EncodeFrame(NewSettings())));
        var json = ToJson(NewSettings());
        Assert.Equal("""{"kind":"Settings","power":true,"grade":"High","gateway":"010203040506"}""", json);
        Assert.Equal(NewSettings(), FromJson(json));
        Assert.Equal("high", Settings.View.Create(body).Grade);
        Assert.Equal(Switch.On, Settings.View.Create(body).Power);
        Assert.Equal(new Row(4, 6, "gateway", "6 bytes via UnicastBytes"), Settings.WireLayout.Fields[3]);
    }

    [Theory]
    [InlineData(0, 2, 0)]   // a boolean that is 2
    [InlineData(1, 3, 1)]   // a grade the closed enum does not name
    [InlineData(4, 0xFF, 4)] // the broadcast address, which UnicastBytes refuses
    public void AWireFormTheConverterOrItsTypeRefuses_IsInvalidValue_AtTheMember(int index, byte value, int offset)
    {
        var body = Body(NewSettings());
        if (index == 4)
        {
            body.AsSpan(4).Fill(value);
        }
        else
        {
            body[index] = value;
        }

        var error = Assert.Throws<ProtocolException>(() => Settings.ReadFrom(body)).Error;

        Assert.Equal(ProtocolErrorKind.InvalidValue, error.Kind);
        Assert.Equal(offset, error.BodyOffset);
        Assert.False(Settings.View.TryCreate(body, out _, out _));
    }

    [Fact]
    public void AValueThatConvertsToAnUnnamedValueOfAClosedEnum_IsAnEncodeError()
    {
        var error = Assert.Throws<WireEncodeException>(() => Converted.EncodeFrame(NewSettings() with { Grade = "medium" }));

        Assert.Equal("grade", error.Field);
    }

    private static byte[] Body(Converted packet) => Converted.EncodeFrame(packet)[Header..];

    private static string ToJson(Converted packet)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Converted.WriteJson(writer, packet);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Converted FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Converted.ReadJson(document.RootElement);
    }
}
