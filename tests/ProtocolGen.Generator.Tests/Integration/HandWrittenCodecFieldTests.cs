using System.Collections.Immutable;
using System.Linq;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text;
using System.Text.Json;
using ProtocolGen.Json;
using ProtocolGen.Wire;
using Xunit;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary>A hand-written codec with no JSON form (IWireStruct alone) as a field: the record's codec and JSON both work (PG0021).</summary>
public sealed class HandWrittenCodecFieldTests
{
    [Fact]
    public void ARecordWithAJsonLessHandWrittenField_RoundTripsThroughWireCodec()
    {
        var value = new Tagged(7, new Tag(0x1234), ImmutableArray.Create(new Tag(1), new Tag(0xFFFF)));

        var bytes = WireCodec.ToArray(value);
        var read = WireCodec.Read<Tagged>(bytes);

        Assert.Equal(new byte[] { 7, 0x34, 0x12, 2, 1, 0, 0xFF, 0xFF }, bytes);
        Assert.Equal(value.Code, read.Code);
        Assert.Equal(value.Tag, read.Tag);
        Assert.Equal(value.More.ToArray(), read.More.ToArray());
    }

    [Fact]
    public void ItsJson_CarriesTheFieldAsItsWireBytesInHex_AndReadsBack()
    {
        var value = new Tagged(7, new Tag(0x1234), ImmutableArray.Create(new Tag(1)));

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            value.WriteJson(writer);
        }

        var json = Encoding.UTF8.GetString(stream.ToArray());
        using var document = JsonDocument.Parse(json);
        var read = ReadJson<Tagged>(document.RootElement);

        Assert.Equal("{\"code\":7,\"tag\":\"3412\",\"more\":[\"0100\"]}", json);
        Assert.Equal(value.Tag, read.Tag);
        Assert.Equal(value.More.ToArray(), read.More.ToArray());
    }

    [Theory]
    [InlineData("{\"code\":7,\"tag\":\"34\",\"more\":[]}", "tag")]
    [InlineData("{\"code\":7,\"tag\":\"341200\",\"more\":[]}", "tag")]
    [InlineData("{\"code\":7,\"tag\":\"3412\",\"more\":[\"zz\"]}", "more[0]")]
    public void HexThatIsNotExactlyOneValue_IsAnErrorNamingTheField(string json, string field)
    {
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<WireJsonException>(() => ReadJson<Tagged>(document.RootElement));

        Assert.Contains(field, error.Message, System.StringComparison.Ordinal);
    }

    // ReadJson is an explicit static member of IWireJson; a generic call reaches it as any caller would.
    private static T ReadJson<T>(JsonElement element)
        where T : IWireJson<T> => T.ReadJson(element);
}

/// <summary>Written by hand: a binary codec only, no <see cref="IWireJson{TSelf}"/>.</summary>
public readonly record struct Tag(ushort Value) : IWireStruct<Tag>
{
    public static int MinWireSize => 2;

    public static bool IsFixedSize => true;

    public int WireSize => 2;

    public static bool TryReadFrom(ref WireReader reader, [MaybeNullWhen(false)] out Tag value)
    {
        value = new Tag(reader.ReadUInt16());
        return !reader.HasFailed;
    }

    public void WriteTo(ref WireWriter writer) => writer.WriteUInt16(Value);
}

[WireStruct]
public sealed partial record Tagged(byte Code, Tag Tag, [CountPrefix(PrefixWidth.U8)] ImmutableArray<Tag> More);
