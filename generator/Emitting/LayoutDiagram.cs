using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting;

/// <summary>A structure's byte layout as rows of offset, size, field and type, for docs and layout data.</summary>
internal static class LayoutDiagram
{
    public static List<LayoutRow> Rows(StructModel model)
    {
        var rows = new List<LayoutRow>();
        int? offset = 0;

        void Add(int? size, string field, string wireType)
        {
            rows.Add(new LayoutRow(offset, size, field, wireType));
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
