using System.Linq;
using ProtocolGen.Layout;
using ProtocolGen.Portmaster;
using Xunit;

namespace ProtocolGen.Tests.Layout;

public sealed class PacketLayoutTests
{
    [Fact]
    public void AUnionListsEveryPacketLayout_InTypeByteOrder()
    {
        Assert.Equal(
            new[] { "LogLine", "ConnectionV4", "ConnectionV6", "ConnectionEndV4", "ConnectionEndV6", "BandwidthStatsV4", "BandwidthStatsV6" },
            Info.Layouts.Select(l => l.Name));
        Assert.Equal(Enumerable.Range(0, 9).Select(i => (byte)i), Command.Layouts.Select(l => l.PacketType));
    }

    [Fact]
    public void TheConnectionLayout_MatchesProtocolMd()
    {
        var layout = ConnectionV4.WireLayout;

        Assert.Equal(35, layout.MinSize);
        Assert.False(layout.IsFixedSize);
        Assert.Equal(
            new[]
            {
                new FieldLayout(0, 8, "id", "u64"),
                new FieldLayout(8, 8, "process_id", "u64"),
                new FieldLayout(16, 1, "direction", "u8 Direction"),
                new FieldLayout(17, 1, "protocol", "u8 IpProtocol"),
                new FieldLayout(18, 4, "local_ip", "Ipv4Address"),
                new FieldLayout(22, 4, "remote_ip", "Ipv4Address"),
                new FieldLayout(26, 2, "local_port", "u16"),
                new FieldLayout(28, 2, "remote_port", "u16"),
                new FieldLayout(30, 1, "payload_layer", "u8"),
                new FieldLayout(31, 4, "payload.length", "u32"),
                new FieldLayout(35, null, "payload", "bytes"),
            },
            layout.Fields);
    }

    [Theory]
    [InlineData(typeof(ConnectionEndV4), 22)]
    [InlineData(typeof(ConnectionEndV6), 46)]
    [InlineData(typeof(UpdateV4), 14)]
    [InlineData(typeof(UpdateV6), 38)]
    [InlineData(typeof(VerdictCommand), 9)]
    [InlineData(typeof(Shutdown), 0)]
    public void FixedSizePackets_HaveTheBodySizesOfProtocolMd(System.Type type, int size)
    {
        var layout = Info.Layouts.Concat(Command.Layouts).Single(l => l.Name == (type == typeof(VerdictCommand) ? "Verdict" : type.Name));

        Assert.True(layout.IsFixedSize);
        Assert.Equal(size, layout.MinSize);
    }

    [Fact]
    public void BandwidthValues_ShowTheirElementSize()
    {
        var values = BandwidthStatsV6.WireLayout.Fields.Last();

        Assert.Equal("BandwidthValueV6[count] (52 each)", values.WireType);
        Assert.Equal(5, BandwidthStatsV6.WireLayout.MinSize);
    }

    [Fact]
    public void TheDiagram_IsAnAlignedTable()
    {
        Assert.Equal(
            "Verdict (type 1, body 9 bytes)\n" +
            "offset  size  field\n" +
            "     0     8  id (u64)\n" +
            "     8     1  verdict (u8 Verdict)\n",
            VerdictCommand.WireLayout.ToDiagram());
    }

    [Fact]
    public void TheBitDiagram_DrawsTheSameRowsAsTheGeneratedDocs()
    {
        Assert.Equal(
            "Verdict (type 1, body 9 bytes)\n" +
            " 0                   1                   2                   3\n" +
            " 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1\n" +
            "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+\n" +
            "|                              id                               |\n" +
            "+                                                               +\n" +
            "|                                                               |\n" +
            "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+\n" +
            "|    verdict    |\n" +
            "+-+-+-+-+-+-+-+-+\n" +
            "\n" +
            "offset  size  field\n" +
            "     0     8  id (u64)\n" +
            "     8     1  verdict (u8 Verdict)\n",
            VerdictCommand.WireLayout.ToBitDiagram());
        Assert.EndsWith("(no fields: the body is empty)\n", Shutdown.WireLayout.ToBitDiagram());
    }

    [Fact]
    public void ErrorKinds_HaveKebabCaseWireNames()
    {
        Assert.Equal("size-mismatch", ProtocolErrorKinds.ToWireName(ProtocolErrorKind.SizeMismatch));
        Assert.Equal("length-beyond-frame", ProtocolErrorKinds.ToWireName(ProtocolErrorKind.LengthBeyondFrame));
        Assert.All(System.Enum.GetValues<ProtocolErrorKind>(), k => Assert.Matches("^[a-z]+(-[a-z0-9]+)*$", ProtocolErrorKinds.ToWireName(k)));
    }
}
