using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

// This file is compiled into both the runtime and the generator (linked from generator/ProtocolGen.Generator.csproj),
// so generated docs and tools such as `protocolgen layout` draw layouts the same way. It targets netstandard2.0 too.
namespace ProtocolGen.Layout;

/// <summary>One row of a layout drawing: where a field starts, its size, its name and what its bytes hold.</summary>
/// <param name="Offset">The byte offset, or null once a variable-size field has come before.</param>
/// <param name="Size">The size in bytes, or null when it varies.</param>
/// <param name="Field">The protocol's field name (with <c>.length</c>/<c>.count</c> for prefixes).</param>
/// <param name="WireType">The wire type: <c>u32</c>, <c>bytes</c>, <c>utf8</c>, a structure name...</param>
internal readonly record struct LayoutRow(int? Offset, int? Size, string Field, string WireType);

/// <summary>Draws layouts as text: an RFC-style bit diagram and an offset table.</summary>
internal static class LayoutText
{
    private const int BytesPerRow = 4;
    private const int CharsPerByte = 16;
    private const int Width = BytesPerRow * CharsPerByte;

    /// <summary>The offset, size, field and type of each row, as a fixed-width table with a heading.</summary>
    public static string[] Table(IReadOnlyList<LayoutRow> rows)
    {
        var lines = new List<string> { "offset  size  field" };
        foreach (var row in rows)
        {
            var offset = row.Offset?.ToString(CultureInfo.InvariantCulture) ?? "-";
            var size = row.Size?.ToString(CultureInfo.InvariantCulture) ?? "n";
            lines.Add($"{offset,6}  {size,4}  {row.Field} ({row.WireType})");
        }

        return lines.ToArray();
    }

    /// <summary>
    /// The rows as an RFC-style bit diagram, like the upstream Portmaster protocol README: 32 bits a row, one
    /// tick per bit, a box per field. Fields at known offsets are drawn to scale; from the first field whose
    /// size varies on, each field is a full-width box marked with slashes, since it has no fixed place.
    /// </summary>
    public static string[] BitDiagram(IReadOnlyList<LayoutRow> rows)
    {
        var placed = rows.TakeWhile(r => r.Offset is not null && r.Size is not null).ToList();
        var floating = rows.Skip(placed.Count).ToList();

        // The field that owns each byte of the placed part, by index into `placed`.
        var owners = new List<int>();
        for (var field = 0; field < placed.Count; field++)
        {
            owners.AddRange(Enumerable.Repeat(field, placed[field].Size!.Value));
        }

        var lines = new List<string>
        {
            " " + string.Concat(Enumerable.Range(0, BytesPerRow * 8 / 10 + 1).Select(i => (i * 10).ToString(CultureInfo.InvariantCulture)[0].ToString().PadRight(20))).TrimEnd(),
            " " + string.Join(" ", Enumerable.Range(0, BytesPerRow * 8).Select(i => (i % 10).ToString(CultureInfo.InvariantCulture))),
        };

        var rowCount = (owners.Count + BytesPerRow - 1) / BytesPerRow;
        int[] RowOwners(int row) => row < 0 || row >= rowCount
            ? Array.Empty<int>()
            : owners.Skip(row * BytesPerRow).Take(BytesPerRow).ToArray();

        var floatingRow = Enumerable.Repeat(-1, BytesPerRow).ToArray();
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
            lines.Add("/" + Center($"{field.Field} ({field.WireType}{size})", Width - 1) + "/");
            above = floatingRow;
        }

        lines.Add(Border(above, Array.Empty<int>()));
        return lines.ToArray();
    }

    // A row of boxes, one per run of bytes of the same field. A box is labelled unless it merely continues the
    // box above it (an aligned field that fills several rows), so a field wrapped onto the next row is still named.
    private static string Boxes(int[] owners, int[] above, List<LayoutRow> placed)
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
            var label = continuesAbove ? string.Empty : placed[owners[start]].Field;
            line.Append(Center(label, (end - start) * CharsPerByte - 1)).Append('|');
            start = end;
        }

        return line.ToString();
    }

    // The line between two rows: ticks wherever either row has a byte, blank where one field fills the same
    // column above and below (a field that runs on into the next row).
    private static string Border(int[] above, int[] below)
    {
        bool RunsOn(int column) => column < above.Length && column < below.Length && above[column] >= 0 && above[column] == below[column];

        var line = new StringBuilder();
        var columns = Math.Max(above.Length, below.Length);
        for (var column = 0; column < columns; column++)
        {
            var runsOn = RunsOn(column);
            var edge = !runsOn || column == 0 || !RunsOn(column - 1) || above[column - 1] != above[column];
            for (var bit = 0; bit < 8; bit++)
            {
                line.Append(runsOn && !(bit == 0 && edge) ? ' ' : '+');
                line.Append(runsOn ? ' ' : '-');
            }
        }

        return line.Append('+').ToString();
    }

    private static string Center(string text, int width)
    {
        if (text.Length > width)
        {
            text = text.Substring(0, Math.Max(0, width - 1)) + "~";
        }

        var left = (width - text.Length) / 2;
        return new string(' ', left) + text + new string(' ', width - text.Length - left);
    }
}
