using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ProtocolGen;

/// <summary>A packet's byte layout as data: what the generated docs draw, for tools such as <c>protocolgen layout</c>.</summary>
/// <param name="PacketType">The type byte.</param>
/// <param name="Name">The packet's name.</param>
/// <param name="MinSize">The fewest body bytes.</param>
/// <param name="IsFixedSize">Whether every body has <paramref name="MinSize"/> bytes.</param>
/// <param name="Fields">The body's rows, in wire order.</param>
public sealed record PacketLayout(byte PacketType, string Name, int MinSize, bool IsFixedSize, ImmutableArray<FieldLayout> Fields)
{
    /// <summary>The layout as a fixed-width table: a title line, then offset, size, field and type per row.</summary>
    public string ToDiagram()
    {
        var text = new StringBuilder();
        var size = IsFixedSize
            ? string.Create(CultureInfo.InvariantCulture, $"{MinSize} bytes")
            : string.Create(CultureInfo.InvariantCulture, $"{MinSize}+ bytes");
        text.Append(CultureInfo.InvariantCulture, $"{Name} (type {PacketType}, body {size})\n");
        text.Append("offset  size  field\n");
        foreach (var row in Fields)
        {
            var offset = row.Offset?.ToString(CultureInfo.InvariantCulture) ?? "-";
            var width = row.Size?.ToString(CultureInfo.InvariantCulture) ?? "n";
            text.Append(CultureInfo.InvariantCulture, $"{offset,6}  {width,4}  {row.Name} ({row.WireType})\n");
        }

        return text.ToString();
    }
}
