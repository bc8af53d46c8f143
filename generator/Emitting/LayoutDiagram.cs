using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProtocolGen.Generator.Model;
using ProtocolGen.Layout;

namespace ProtocolGen.Generator.Emitting;

/// <summary>A structure's byte layout as rows of offset, size, field and type, for docs and layout data.</summary>
internal static class LayoutDiagram
{
    /// <summary>One row per head and one per tail, at the offsets the layout plan gives.</summary>
    public static List<FieldLayout> Rows(StructModel model)
    {
        var rows = new List<FieldLayout>();
        Fields.ConstantCode.AddMagicRow(rows, model);
        foreach (var place in model.Layout.Fields)
        {
            var field = place.Field;
            Fields.PaddingCode.AddRow(rows, place, after: false);
            if (field.Bits is not null)
            {
                rows.Add(Fields.BitsCode.Row(place, Fields.BitsCode.MsbFirst(model) ?? true, Fields.BitsCode.WireType(field, Parsing.NameConventions.ShortName(field.TypeName)) + Fields.LengthCode.LayoutSuffix(model, field)));
                continue;
            }

            switch (field.Kind)
            {
                case FieldKind.Primitive or FieldKind.Enum or FieldKind.FixedBytes when field.Converter is not null:
                    rows.Add(Fields.ConverterCode.LayoutRow(place));
                    break;
                case FieldKind.PrimitiveArray or FieldKind.StructArray when field.FixedCount > 0:
                    rows.Add(Fields.CountsCode.LayoutRow(place));
                    break;
                case FieldKind.Primitive:
                    rows.Add(new FieldLayout(place.Offset, place.HeadSize, field.WireName, Integer(field, field.Primitive) + Fields.ConstantCode.LayoutSuffix(field) + Fields.BitsCode.ReservedSuffix(field) + Fields.ChecksumCode.LayoutSuffix(model, field) + Fields.LengthCode.LayoutSuffix(model, field)));
                    break;
                case FieldKind.Enum:
                    rows.Add(new FieldLayout(place.Offset, place.HeadSize, field.WireName, Integer(field, field.Primitive) + " " + Parsing.NameConventions.ShortName(field.TypeName) + Fields.ConstantCode.LayoutSuffix(field) + Fields.BitsCode.ReservedSuffix(field)));
                    break;
                case FieldKind.FixedBytes:
                    rows.Add(new FieldLayout(place.Offset, place.HeadSize, field.WireName, "bytes"));
                    break;
                case FieldKind.FixedString:
                    rows.Add(new FieldLayout(place.Offset, place.HeadSize, field.WireName, field.Terminated ? "utf8, 0x00-terminated and padded" : "utf8, 0x00-padded"));
                    break;
                case FieldKind.TerminatedString:
                    rows.Add(new FieldLayout(place.Offset, null, field.WireName, "utf8 to 0x00"));
                    break;
                case FieldKind.PrefixedBytes or FieldKind.PrefixedString when field.LengthFrom is not null:
                    rows.Add(new FieldLayout(place.Offset, null, field.WireName, (field.Kind == FieldKind.PrefixedBytes ? "bytes" : "utf8") + Fields.LengthCode.LayoutTargetSuffix(model, field)));
                    break;
                case FieldKind.PrefixedBytes:
                case FieldKind.PrefixedString:
                    rows.Add(new FieldLayout(place.Offset, place.HeadSize, field.WireName + ".length", Prefix(field)));
                    rows.Add(new FieldLayout(place.TailOffset, null, field.WireName, field.Kind == FieldKind.PrefixedBytes ? "bytes" : "utf8"));
                    break;
                case FieldKind.RestBytes:
                case FieldKind.RestString:
                    rows.Add(new FieldLayout(place.Offset, null, field.WireName, (field.Kind == FieldKind.RestBytes ? "bytes" : "utf8") + " to end of frame"));
                    break;
                case FieldKind.Struct when field.Switch is not null:
                    rows.Add(new FieldLayout(place.Offset, null, field.WireName, Fields.SwitchCode.Describe(model, field) + Fields.LengthCode.LayoutTargetSuffix(model, field)));
                    break;
                case FieldKind.Struct:
                    rows.Add(new FieldLayout(place.Offset, place.IsFixedSize == true ? place.MinSize : null, field.WireName, Parsing.NameConventions.ShortName(field.ElementTypeName!) + Fields.LengthCode.LayoutTargetSuffix(model, field)));
                    break;
                case FieldKind.StructArray when field.LengthFrom is not null:
                    rows.Add(new FieldLayout(place.Offset, null, field.WireName, Parsing.NameConventions.ShortName(field.ElementTypeName!) + "[]" + (field.ElementIsFixedSize && field.ElementSize is { } each ? $" ({each.ToString(CultureInfo.InvariantCulture)} each)" : string.Empty) + Fields.LengthCode.LayoutTargetSuffix(model, field)));
                    break;
                case FieldKind.PrimitiveArray when field.LengthFrom is not null:
                    rows.Add(new FieldLayout(place.Offset, null, field.WireName, $"{Integer(field, field.Primitive)}[] ({LayoutPlan.PrimitiveSize(field.Primitive).ToString(CultureInfo.InvariantCulture)} each){Fields.LengthCode.LayoutTargetSuffix(model, field)}"));
                    break;
                case FieldKind.StructArray:
                    rows.Add(new FieldLayout(place.Offset, place.HeadSize, field.WireName + ".count", Prefix(field)));
                    rows.Add(new FieldLayout(place.TailOffset, null, field.WireName, Parsing.NameConventions.ShortName(field.ElementTypeName!) + "[count]" + (field.ElementIsFixedSize && field.ElementSize is { } size ? $" ({size.ToString(CultureInfo.InvariantCulture)} each)" : string.Empty)));
                    break;
                case FieldKind.PrimitiveArray:
                    var element = Integer(field, field.Primitive) + (field.ElementTypeName!.StartsWith("global::", System.StringComparison.Ordinal) ? " " + Parsing.NameConventions.ShortName(field.ElementTypeName) : string.Empty);
                    rows.Add(new FieldLayout(place.Offset, place.HeadSize, field.WireName + ".count", Prefix(field)));
                    rows.Add(new FieldLayout(place.TailOffset, null, field.WireName, $"{element}[count] ({LayoutPlan.PrimitiveSize(field.Primitive).ToString(CultureInfo.InvariantCulture)} each)"));
                    break;
            }

            if (field.Condition is not null)
            {
                rows[rows.Count - 1] = Fields.ConditionCode.Row(rows[rows.Count - 1], field);
            }

            Fields.PaddingCode.AddRow(rows, place, after: true);
        }

        return rows;
    }

    /// <summary>How the structure's own integers are ordered, in words, for its docs.</summary>
    public static string ByteOrder(StructModel model)
    {
        var ordered = model.Fields.Where(HasMultiByteIntegers).ToList();
        return (ordered.All(f => !f.BigEndian) ? "little-endian"
            : ordered.All(f => f.BigEndian) ? "big-endian"
            : "little-endian except where marked <c>be</c>") + Fields.BitsCode.OrderSuffix(model);
    }

    /// <summary>An integer's wire type, with <c>be</c> when it is big-endian and wider than a byte: <c>u16be</c>.</summary>
    private static string Integer(FieldModel field, PrimitiveType primitive) =>
        FieldCode.WireTypeName(primitive) + (field.BigEndian && LayoutPlan.PrimitiveSize(primitive) > 1 ? "be" : string.Empty);

    private static string Prefix(FieldModel field) =>
        "u" + (field.Prefix * 8).ToString(CultureInfo.InvariantCulture) + (field.BigEndian && field.Prefix > 1 ? "be" : string.Empty);

    private static bool HasMultiByteIntegers(FieldModel field) => field.Kind switch
    {
        // A bit field's bytes are its container's, ordered by its group's first member.
        _ when field.Bits is { } bits => bits.StartsGroup && bits.ContainerBytes > 1,
        FieldKind.Primitive or FieldKind.Enum or FieldKind.PrimitiveArray => LayoutPlan.PrimitiveSize(field.Primitive) > 1 || field.Prefix > 1,
        FieldKind.PrefixedBytes or FieldKind.PrefixedString or FieldKind.StructArray => field.Prefix > 1,
        _ => false,
    };

}
