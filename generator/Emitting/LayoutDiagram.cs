using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
                    Add(FieldCode.PrimitiveSize(field.Primitive), field.WireName, Integer(field, field.Primitive));
                    break;
                case FieldKind.Enum:
                    Add(FieldCode.PrimitiveSize(field.Primitive), field.WireName, Integer(field, field.Primitive) + " " + ShortName(field.TypeName));
                    break;
                case FieldKind.FixedBytes:
                    Add(field.Length, field.WireName, "bytes");
                    break;
                case FieldKind.PrefixedBytes:
                case FieldKind.PrefixedString:
                    Add(field.Prefix, field.WireName + ".length", Prefix(field));
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
                    Add(field.Prefix, field.WireName + ".count", Prefix(field));
                    Add(null, field.WireName, ShortName(field.ElementTypeName!) + "[count]" + (field.ElementIsFixedSize && field.ElementSize is { } size ? $" ({size.ToString(CultureInfo.InvariantCulture)} each)" : string.Empty));
                    break;
                case FieldKind.PrimitiveArray:
                    var element = Integer(field, field.Primitive) + (field.ElementTypeName!.StartsWith("global::", System.StringComparison.Ordinal) ? " " + ShortName(field.ElementTypeName) : string.Empty);
                    Add(field.Prefix, field.WireName + ".count", Prefix(field));
                    Add(null, field.WireName, $"{element}[count] ({FieldCode.PrimitiveSize(field.Primitive).ToString(CultureInfo.InvariantCulture)} each)");
                    break;
            }
        }

        return rows;
    }

    /// <summary>How the structure's own integers are ordered, in words, for its docs.</summary>
    public static string ByteOrder(StructModel model)
    {
        var ordered = model.Fields.Where(HasMultiByteIntegers).ToList();
        return ordered.All(f => !f.BigEndian) ? "little-endian"
            : ordered.All(f => f.BigEndian) ? "big-endian"
            : "little-endian except where marked <c>be</c>";
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

    /// <summary>An integer's wire type, with <c>be</c> when it is big-endian and wider than a byte: <c>u16be</c>.</summary>
    private static string Integer(FieldModel field, PrimitiveType primitive) =>
        FieldCode.WireTypeName(primitive) + (field.BigEndian && FieldCode.PrimitiveSize(primitive) > 1 ? "be" : string.Empty);

    private static string Prefix(FieldModel field) =>
        "u" + (field.Prefix * 8).ToString(CultureInfo.InvariantCulture) + (field.BigEndian && field.Prefix > 1 ? "be" : string.Empty);

    private static bool HasMultiByteIntegers(FieldModel field) => field.Kind switch
    {
        FieldKind.Primitive or FieldKind.Enum or FieldKind.PrimitiveArray => FieldCode.PrimitiveSize(field.Primitive) > 1 || field.Prefix > 1,
        FieldKind.PrefixedBytes or FieldKind.PrefixedString or FieldKind.StructArray => field.Prefix > 1,
        _ => false,
    };

    private static string ShortName(string fullyQualified)
    {
        var lastDot = fullyQualified.LastIndexOf('.');
        return lastDot < 0 ? fullyQualified.Replace("global::", string.Empty) : fullyQualified.Substring(lastDot + 1);
    }
}
