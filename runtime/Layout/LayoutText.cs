using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

// This file and FieldLayout.cs are compiled into both the runtime and the generator (linked from
// generator/ProtocolGen.Generator.csproj), so generated docs and tools such as `protocolgen layout` draw layouts
// the same way. They target netstandard2.0 too. In the generator, FieldLayout is ProtocolGen.Generator's, so the
// generator's tests, which see the runtime's public ProtocolGen.Layout.FieldLayout too, find one by name.
#if PROTOCOLGEN_GENERATOR
using ProtocolGen.Generator;
#endif

namespace ProtocolGen.Layout;

/// <summary>Draws layouts as text: an RFC-style bit diagram and an offset table.</summary>
internal static class LayoutText
{
    private const int BitsPerRow = 32;
    private const int CharsPerBit = 2;
    private const int Width = BitsPerRow * CharsPerBit;

    /// <summary>
    /// The offset, size, field and type of each row, as a fixed-width table with a heading. A bit field's offset is
    /// <c>byte.bit</c> and its size a count of bits (<c>6.3  13b</c>).
    /// </summary>
    public static string[] Table(IReadOnlyList<FieldLayout> rows)
    {
        var lines = new List<string> { "offset  size  field" };
        foreach (var row in rows)
        {
            var offset = row.Offset is { } at
                ? at.ToString(CultureInfo.InvariantCulture) + (row.BitOffset is { } bit ? "." + bit.ToString(CultureInfo.InvariantCulture) : string.Empty)
                : "-";
            var size = row.BitSize is { } bits
                ? bits.ToString(CultureInfo.InvariantCulture) + "b"
                : row.Size?.ToString(CultureInfo.InvariantCulture) ?? "n";
            lines.Add($"{offset,6}  {size,4}  {row.Name} ({row.WireType})");
        }

        return lines.ToArray();
    }

    /// <summary>
    /// The rows as an RFC-style bit diagram, like the upstream Portmaster protocol README and RFC 791: 32 bits a
    /// row, one tick per bit, a box per field, a bit field as wide as its bits. Fields at known offsets are drawn to
    /// scale; from the first field whose size varies on, each field is a full-width box marked with slashes, since
    /// it has no fixed place.
    /// </summary>
    public static string[] BitDiagram(IReadOnlyList<FieldLayout> rows)
    {
        var placed = rows.TakeWhile(r => r.Offset is not null && r.Size is not null).ToList();
        var floating = rows.Skip(placed.Count).ToList();

        // The field that owns each bit of the placed part, by index into `placed` (-1 for a bit no field claims).
        var bitCount = placed.Count == 0 ? 0 : placed.Max(r => r.Offset!.Value * 8 + (r.BitOffset ?? 0) + BitsOf(r));
        var owners = Enumerable.Repeat(-1, bitCount).ToArray();
        for (var field = 0; field < placed.Count; field++)
        {
            var start = placed[field].Offset!.Value * 8 + (placed[field].BitOffset ?? 0);
            for (var bit = start; bit < start + BitsOf(placed[field]); bit++)
            {
                owners[bit] = field;
            }
        }

        var lines = new List<string>
        {
            " " + string.Concat(Enumerable.Range(0, BitsPerRow / 10 + 1).Select(i => (i * 10).ToString(CultureInfo.InvariantCulture)[0].ToString().PadRight(20))).TrimEnd(),
            " " + string.Join(" ", Enumerable.Range(0, BitsPerRow).Select(i => (i % 10).ToString(CultureInfo.InvariantCulture))),
        };

        var rowCount = (owners.Length + BitsPerRow - 1) / BitsPerRow;
        int[] RowOwners(int row) => row < 0 || row >= rowCount
            ? Array.Empty<int>()
            : owners.Skip(row * BitsPerRow).Take(BitsPerRow).ToArray();

        var floatingRow = Enumerable.Repeat(-1, BitsPerRow).ToArray();
        for (var row = 0; row < rowCount; row++)
        {
            lines.Add(Border(RowOwners(row - 1), RowOwners(row)));
            lines.Add(Boxes(RowOwners(row), RowOwners(row - 1), placed));
        }

        var above = RowOwners(rowCount - 1);
        foreach (var field in floating)
        {
            lines.Add(Border(above, floatingRow));
            var size = field.Size is { } bytes ? $", {bytes.ToString(CultureInfo.InvariantCulture)} bytes" : string.Empty;
            lines.Add("/" + Center($"{field.Name} ({field.WireType}{size})", Width - 1) + "/");
            above = floatingRow;
        }

        lines.Add(Border(above, Array.Empty<int>()));
        return lines.ToArray();
    }

    private static int BitsOf(FieldLayout row) => row.BitSize ?? row.Size!.Value * 8;

    // A row of boxes, one per run of bits of the same field. A box is labelled unless it merely continues the
    // box above it (an aligned field that fills several rows), so a field wrapped onto the next row is still named.
    private static string Boxes(int[] owners, int[] above, List<FieldLayout> placed)
    {
        var line = new StringBuilder("|");
        var start = 0;
        while (start < owners.Length)
        {
            var end = start;
            while (end < owners.Length && owners[end] == owners[start])
            {
                end++;
            }

            var continuesAbove = start < above.Length && above[start] == owners[start];
            var label = continuesAbove || owners[start] < 0 ? string.Empty : placed[owners[start]].Name;
            line.Append(Center(label, (end - start) * CharsPerBit - 1)).Append('|');
            start = end;
        }

        return line.ToString();
    }

    // The line between two rows: ticks wherever either row has a bit, blank where one field fills the same
    // column above and below (a field that runs on into the next row).
    private static string Border(int[] above, int[] below)
    {
        bool RunsOn(int column) => column < above.Length && column < below.Length && above[column] >= 0 && above[column] == below[column];

        var line = new StringBuilder();
        var columns = Math.Max(above.Length, below.Length);
        for (var column = 0; column < columns; column++)
        {
            var runsOn = RunsOn(column);
            var edge = column == 0 || !RunsOn(column - 1) || above[column - 1] != above[column];
            line.Append(runsOn && !edge ? ' ' : '+');
            line.Append(runsOn ? ' ' : '-');
        }

        return line.Append('+').ToString();
    }

    // Centred in `width`; cut with a tilde when longer, and a one-bit box shows the name's first letter (RFC 791's
    // flags are drawn so).
    private static string Center(string text, int width)
    {
        if (text.Length > width)
        {
            text = width <= 1 ? text.Substring(0, width) : text.Substring(0, width - 1) + "~";
        }

        var left = (width - text.Length) / 2;
        return new string(' ', left) + text + new string(' ', width - text.Length - left);
    }
}
