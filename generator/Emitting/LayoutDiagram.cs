using System.Collections.Generic;
using System.Globalization;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting;

/// <summary>A structure's byte layout as rows of offset, size, field and type, for docs and layout data.</summary>
internal static class LayoutDiagram
{
    /// <param name="Offset">The byte offset, or null once a variable-size field has come before.</param>
    /// <param name="Size">The size in bytes, or null when it varies.</param>
    /// <param name="Field">The protocol's field name (with <c>.length</c>/<c>.count</c> for prefixes).</param>
    /// <param name="WireType">The wire type: <c>u32</c>, <c>bytes</c>, <c>utf8</c>, a structure name...</param>
    public readonly record struct Row(int? Offset, int? Size, string Field, string WireType);

    public static List<Row> Rows(StructModel model)
    {
        var rows = new List<Row>();
        int? offset = 0;

        void Add(int? size, string field, string wireType)
        {
            rows.Add(new Row(offset, size, field, wireType));
            offset = offset is { } o && size is { } s ? o + s : null;
        }

        foreach (var field in model.Fields)
        {
            switch (field.Kind)
            {
                case FieldKind.Primitive:
                    Add(FieldCode.PrimitiveSize(field.Primitive), field.WireName, FieldCode.WireTypeName(field.Primitive));
                    break;
                case FieldKind.Enum:
                    Add(FieldCode.PrimitiveSize(field.Primitive), field.WireName, FieldCode.WireTypeName(field.Primitive) + " " + ShortName(field.TypeName));
                    break;
                case FieldKind.FixedBytes:
                    Add(field.Length, field.WireName, "bytes");
                    break;
                case FieldKind.PrefixedBytes:
                case FieldKind.PrefixedString:
                    Add(field.Prefix, field.WireName + ".length", "u" + (field.Prefix * 8).ToString(CultureInfo.InvariantCulture));
                    Add(null, field.WireName, field.Kind == FieldKind.PrefixedBytes ? "bytes" : "utf8");
                    break;
                case FieldKind.RestBytes:
                case FieldKind.RestString:
                    Add(null, field.WireName, (field.Kind == FieldKind.RestBytes ? "bytes" : "utf8") + " to end of frame");
                    break;
                case FieldKind.Struct:
                    Add(field.ElementIsFixedSize ? field.ElementSize : null, field.WireName, ShortName(field.ElementTypeName!));
                    break;
                case FieldKind.StructArray:
                    Add(field.Prefix, field.WireName + ".count", "u" + (field.Prefix * 8).ToString(CultureInfo.InvariantCulture));
                    Add(null, field.WireName, ShortName(field.ElementTypeName!) + "[count]" + (field.ElementIsFixedSize && field.ElementSize is { } size ? $" ({size.ToString(CultureInfo.InvariantCulture)} each)" : string.Empty));
                    break;
            }
        }

        return rows;
    }

    /// <summary>The layout as a fixed-width text table.</summary>
    public static IEnumerable<string> Lines(StructModel model)
    {
        yield return "offset  size  field";
        foreach (var row in Rows(model))
        {
            var offset = row.Offset?.ToString(CultureInfo.InvariantCulture) ?? "-";
            var size = row.Size?.ToString(CultureInfo.InvariantCulture) ?? "n";
            yield return $"{offset,6}  {size,4}  {row.Field} ({row.WireType})";
        }
    }

    private static string ShortName(string fullyQualified)
    {
        var lastDot = fullyQualified.LastIndexOf('.');
        return lastDot < 0 ? fullyQualified.Replace("global::", string.Empty) : fullyQualified.Substring(lastDot + 1);
    }
}
