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
            new LayoutRow(0, 1, "type", "u8"),
            new LayoutRow(1, 4, "body length", "u32"),
            new LayoutRow(null, null, "body", "body length bytes"),
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
            new LayoutRow(0, 8, "id", "u64"),
            new LayoutRow(8, 2, "port", "u16"),
            new LayoutRow(10, 4, "address", "Ipv4Address"),
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
        var rows = new[] { new LayoutRow(0, 1, "a_very_long_field_name", "u8") };

        Assert.Equal("|a_very_long_fi~|", LayoutText.BitDiagram(rows)[3]);
    }
}
