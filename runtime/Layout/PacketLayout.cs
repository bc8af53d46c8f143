using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace ProtocolGen.Layout;

/// <summary>A packet's byte layout as data: what the generated docs draw, for tools such as <c>protocolgen layout</c>.</summary>
/// <param name="PacketType">The type byte.</param>
/// <param name="Name">The packet's name.</param>
/// <param name="MinSize">The fewest body bytes.</param>
/// <param name="IsFixedSize">Whether every body has <paramref name="MinSize"/> bytes.</param>
/// <param name="Fields">The body's rows, in wire order.</param>
public sealed record PacketLayout(byte PacketType, string Name, int MinSize, bool IsFixedSize, ImmutableArray<FieldLayout> Fields)
{
    /// <summary>
    /// For a packet with bit fields, the order their bits are counted in (<see cref="FieldLayout.BitOffset"/>, the
    /// diagram's ticks), which the title states; null for a packet of whole bytes.
    /// </summary>
    public BitOrder? BitOrder { get; init; }

    /// <summary>The layout as a fixed-width table: a title line, then offset, size, field and type per row.</summary>
    public string ToDiagram() => Title() + string.Concat(LayoutText.Table(Fields).Select(line => line + "\n"));

    /// <summary>
    /// The layout as an RFC-style bit diagram (32 bits a row, one tick per bit, as in the upstream Portmaster
    /// README) under the same title line, then the offset table: what the generated docs show.
    /// </summary>
    public string ToBitDiagram()
    {
        var lines = Fields.Length == 0
            ? new[] { "(no fields: the body is empty)" }
            : LayoutText.BitDiagram(Fields).Append(string.Empty).Concat(LayoutText.Table(Fields));
        return Title() + string.Concat(lines.Select(line => line + "\n"));
    }

    private string Title() => string.Create(CultureInfo.InvariantCulture, $"{Name} (type {PacketType}, body {MinSize}{(IsFixedSize ? string.Empty : "+")} bytes{Bits()})\n");

    private string Bits() => BitOrder switch
    {
        ProtocolGen.BitOrder.MsbFirst => ", bits MSB first",
        ProtocolGen.BitOrder.LsbFirst => ", bits LSB first",
        _ => string.Empty,
    };

}
