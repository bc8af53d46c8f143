using ProtocolGen.Layout;
using Xunit;

namespace ProtocolGen.Generator.Tests.Emitting;

public sealed class LayoutTextTests
{
    [Fact]
    public void TheInfoHeader_IsDrawnLikeTheUpstreamReadme_ThirtyTwoBitsARow()
    {
        var rows = new[]
        {
            new FieldLayout(0, 1, "type", "u8"),
            new FieldLayout(1, 4, "body length", "u32"),
            new FieldLayout(null, null, "body", "body length bytes"),
        };

        Assert.Equal(
            new[]
            {
                " 0                   1                   2                   3",
                " 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1",
                "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
                "|     type      |                  body length                  |",
                "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
                "|  body length  |",
                "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
                "/                   body (body length bytes)                    /",
                "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
            },
            LayoutText.BitDiagram(rows));
    }

    [Fact]
    public void AFieldFillingSeveralRows_IsOneBox_AndAWrappedFieldIsNamedOnEachRow()
    {
        var rows = new[]
        {
            new FieldLayout(0, 8, "id", "u64"),
            new FieldLayout(8, 2, "port", "u16"),
            new FieldLayout(10, 4, "address", "Ipv4Address"),
        };

        Assert.Equal(
            new[]
            {
                "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
                "|                              id                               |",
                "+                                                               +",
                "|                                                               |",
                "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
                "|             port              |            address            |",
                "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
                "|            address            |",
                "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
            },
            LayoutText.BitDiagram(rows)[2..]);
    }

    [Fact]
    public void ALabelTooLongForItsBox_IsCutWithATilde()
    {
        var rows = new[] { new FieldLayout(0, 1, "a_very_long_field_name", "u8") };

        Assert.Equal("|a_very_long_fi~|", LayoutText.BitDiagram(rows)[3]);
    }

    [Fact]
    public void BitFields_AreBoxesAsWideAsTheirBits_SoAnIpv4HeaderIsDrawnAsRfc791DrawsIt()
    {
        var rows = new[]
        {
            new FieldLayout(0, 1, "version", "b4") { BitOffset = 0, BitSize = 4 },
            new FieldLayout(0, 1, "ihl", "b4") { BitOffset = 4, BitSize = 4 },
            new FieldLayout(1, 1, "tos", "u8"),
            new FieldLayout(2, 2, "total_length", "u16be"),
            new FieldLayout(4, 2, "identification", "u16be"),
            new FieldLayout(6, 1, "flags", "b3") { BitOffset = 0, BitSize = 3 },
            new FieldLayout(6, 2, "fragment_offset", "b13") { BitOffset = 3, BitSize = 13 },
        };

        Assert.Equal(
            new[]
            {
                "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
                "|version|  ihl  |      tos      |         total_length          |",
                "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
                "|        identification         |flags|     fragment_offset     |",
                "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+",
            },
            LayoutText.BitDiagram(rows)[2..]);
        Assert.Equal("   6.3   13b  fragment_offset (b13)", LayoutText.Table(rows)[7]);
        Assert.Equal("     2     2  total_length (u16be)", LayoutText.Table(rows)[4]);
    }

    [Fact]
    public void AOneBitBox_ShowsTheFirstLetterOfItsName()
    {
        var rows = new[]
        {
            new FieldLayout(0, 1, "syn", "b1 bool") { BitOffset = 0, BitSize = 1 },
            new FieldLayout(0, 1, "rest", "b7") { BitOffset = 1, BitSize = 7 },
        };

        Assert.Equal("|s|    rest     |", LayoutText.BitDiagram(rows)[3]);
    }
}
