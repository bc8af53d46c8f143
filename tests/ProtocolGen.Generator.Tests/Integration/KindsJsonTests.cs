using System;
using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Linq;
using System.Text.Json;
using ProtocolGen.Json;
using Xunit;

namespace ProtocolGen.Generator.Tests.Integration;

/// <summary>The generated JSON form of every field kind, including count-prefixed arrays of primitives and enums.</summary>
public sealed class KindsJsonTests
{
    [Theory]
    [MemberData(nameof(KindsRoundTripTests.Packets), MemberType = typeof(KindsRoundTripTests))]
    public void EveryFieldKind_SurvivesAJsonRoundTrip(Kinds packet)
    {
        var json = ToJson(packet);

        var read = FromJson(json);

        Assert.Equal(packet, read);
        Assert.Equal(Kinds.EncodeFrame(packet), Kinds.EncodeFrame(read));
    }

    [Fact]
    public void PrimitiveArrays_AreArraysOfNumbersBooleansAndEnumNames()
    {
        var packet = new PrimitiveArrays(
            new byte[] { 1, 255 }, new sbyte[] { -1 }, Array.Empty<ushort>(), ImmutableArray.Create<short>(-2), new uint[] { 3 }, ImmutableArray<int>.Empty,
            new[] { ulong.MaxValue }, ImmutableArray.Create(long.MinValue), new[] { true, false }, new[] { Int16Enum.One, (Int16Enum)42 }, ImmutableArray.Create(UInt64Enum.Max));

        var json = ToJson(packet);

        Assert.Equal(
            """{"kind":"PrimitiveArrays","bytes":"01ff","s_bytes":[-1],"u_shorts":[],"shorts":[-2],"u_ints":[3],"ints":[],"u_longs":[18446744073709551615],"longs":[-9223372036854775808],"flags":[true,false],"levels":["One",42],"wide":["Max"]}""",
            json);
    }

    [Fact]
    public void ABadArrayElement_IsReportedWithItsIndex()
    {
        var json = """{"kind":"PerFieldBigEndian","little":1,"big":2,"big_enum":"One","big_prefixed":"","big_values":[1,2,-3]}""";

        var error = Assert.Throws<WireJsonException>(() => FromJson(json));

        Assert.Equal("big_values[2]", error.Field);
    }

    [Fact]
    public void AnUnknownEnumNameInAnArray_IsReportedWithItsIndex()
    {
        var json = ToJson(new PrimitiveArrays(
            Array.Empty<byte>(), Array.Empty<sbyte>(), Array.Empty<ushort>(), ImmutableArray<short>.Empty, Array.Empty<uint>(), ImmutableArray<int>.Empty,
            Array.Empty<ulong>(), ImmutableArray<long>.Empty, Array.Empty<bool>(), new[] { Int16Enum.One, Int16Enum.Min }, ImmutableArray<UInt64Enum>.Empty))
            .Replace("\"Min\"", "\"Middle\"", StringComparison.Ordinal);

        var error = Assert.Throws<WireJsonException>(() => FromJson(json));

        Assert.Equal("levels[1]", error.Field);
        Assert.Contains("Middle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLayoutData_DescribesBigEndianAndArrayFields()
    {
        var layout = Assert.Single(Kinds.Layouts, l => l.Name == "PerFieldBigEndian");

        Assert.Equal(
            new[] { "little u16", "big u16be", "big_enum u32be UInt32Enum", "big_prefixed.length u16be", "big_prefixed utf8", "big_values.count u16be", "big_values u32be[count] (4 each)" },
            layout.Fields.Select(f => f.Name + " " + f.WireType));
        Assert.Equal(new int?[] { 0, 2, 4, 8, 10, null, null }, layout.Fields.Select(f => f.Offset));
    }

    private static string ToJson(Kinds packet)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Kinds.WriteJson(writer, packet);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Kinds FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Kinds.ReadJson(document.RootElement);
    }
}
