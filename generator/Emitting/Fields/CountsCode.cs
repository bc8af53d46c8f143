using System.Collections.Generic;
using System.Globalization;
using ProtocolGen.Generator.Model;
using ProtocolGen.Layout;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// The code of fixed-count arrays (<c>[FixedCount(n)]</c>): integers, booleans, enums and plain structures read and
/// written as a head at a constant offset in their run; elements that read themselves as a tail of exactly n.
/// </summary>
internal static class CountsCode
{
    private const string Kind = RuntimeNames.ProtocolErrorKind + ".";

    /// <summary>
    /// Reads a fixed-count array's head (all its elements) from <paramref name="span"/> at <paramref name="offset"/>
    /// into <paramref name="local"/>; <paramref name="at"/> is that offset in the reader's unread span, for errors.
    /// </summary>
    public static void WriteRead(SourceWriter writer, FieldModel field, string span, int offset, string local, LocalNames names, string at, System.Func<string, string, string> refuse)
    {
        var size = ElementSize(field);
        var items = field.Shape == SequenceShape.Array ? local : names.Temporary(local + "Items");
        if (field.Kind == FieldKind.PrimitiveArray)
        {
            var bytes = $"{span}.Slice({Int(offset)}, {Int(field.FixedCount * size)})";
            var endian = field.BigEndian ? "true" : "false";
            if (field.Primitive == PrimitiveType.Boolean)
            {
                var bad = names.Temporary(local + "Bad");
                writer.Line($"var {items} = {RuntimeNames.WireArrays}.ReadPrimitives<{field.ElementTypeName}>({bytes}, bigEndian: {endian}, out var {bad});");
                writer.Open($"if ({items} is null)");
                writer.Line(refuse($"{Kind}InvalidValue", $"{at} + {bad}"));
                writer.Close();
                writer.Line();
            }
            else
            {
                writer.Line($"var {items} = {RuntimeNames.WireCounts}.ReadPrimitives<{field.ElementTypeName}>({bytes}, bigEndian: {endian});");
            }

            ConstantCode.WriteReadElementsCheck(writer, field, items, names.Temporary(local + "Unnamed"), at, refuse);
        }
        else
        {
            // Plain elements: the run's bounds check covered them all; each reads from exactly its bytes.
            writer.Line($"var {items} = new {field.ElementTypeName}[{Int(field.FixedCount)}];");
            writer.Open($"for (var i = 0; i < {Int(field.FixedCount)}; i++)");
            writer.Line($"{items}[i] = {FieldCode.ReadElement(field, $"{span}.Slice({Int(offset)} + i * {Int(size)}, {Int(size)})")};");
            writer.Close();
            writer.Line();
        }

        if (items != local)
        {
            writer.Line($"var {local} = global::System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray({items});");
        }
    }

    /// <summary>Writes a fixed-count array's head (all its elements) into <paramref name="span"/> at <paramref name="offset"/>; false for any other field.</summary>
    public static bool WriteHead(SourceWriter writer, FieldModel field, string span, int offset)
    {
        if (!LayoutPlan.IsCountedHead(field))
        {
            return false;
        }

        var size = ElementSize(field);
        var member = "this." + field.Name;
        if (field.Kind == FieldKind.PrimitiveArray)
        {
            var items = field.Shape == SequenceShape.ImmutableArray ? member + ".AsSpan()" : member;
            writer.Line($"{RuntimeNames.WireArrays}.WritePrimitives<{field.ElementTypeName}>({items}, {span}.Slice({Int(offset)}, {Int(field.FixedCount * size)}), bigEndian: {(field.BigEndian ? "true" : "false")});");
            return true;
        }

        writer.Open($"for (var i = 0; i < {Int(field.FixedCount)}; i++)");
        writer.Line(FieldCode.WriteElement(field, $"{member}[i]", $"{span}.Slice({Int(offset)} + i * {Int(size)}, {Int(size)})"));
        writer.Close();
        writer.Line();
        return true;
    }

    /// <summary>The <c>WireSize</c> check of a fixed-count array whose elements are a head: exactly n, none null; else null.</summary>
    public static string? SizeCheck(FieldModel field)
    {
        if (!LayoutPlan.IsCountedHead(field))
        {
            return null;
        }

        var check = field.Kind == FieldKind.PrimitiveArray
            ? $"{RuntimeNames.WireCounts}.Primitives<{field.ElementTypeName}>(this.{field.Name}, {Int(field.FixedCount)}, {FieldCode.Quoted(field)});"
            : $"{RuntimeNames.WireCounts}.Plain<{field.ElementTypeName}>(this.{field.Name}, {Int(field.FixedCount)}, {FieldCode.Quoted(field)});";

        // A closed enum's elements must also hold names; the count goes first, so a short array is reported as short.
        return ConstantCode.EncodeCheck(field) is { } named ? check + " " + named : check;
    }

    /// <summary>The checked size of a fixed-count array of structures that write themselves, beyond what the minimum counts; else null.</summary>
    public static string? CheckedTailSize(FieldPlan place)
    {
        var field = place.Field;
        if (field.FixedCount == 0 || LayoutPlan.IsCountedHead(field))
        {
            return null;
        }

        var size = $"{RuntimeNames.WireCounts}.Structs<{field.ElementTypeName}>(this.{field.Name}, {Int(field.FixedCount)}, {FieldCode.Quoted(field)})";
        return place.MinSize is > 0 ? $"{size} - {Int(place.MinSize.Value)}" : size;
    }

    /// <summary>The view's <c>Check</c> of a fixed-count head at <paramref name="at"/>: booleans 0 or 1, closed enums named.</summary>
    public static void WriteViewCheck(SourceWriter writer, FieldModel field, string at)
    {
        if (!LayoutPlan.IsCountedHead(field) || field.Kind != FieldKind.PrimitiveArray)
        {
            return;
        }

        if (field.Primitive == PrimitiveType.Boolean)
        {
            writer.Open($"if (!{RuntimeNames.ViewReads}.AreBooleans(bytes.Slice({at}, {Int(field.FixedCount)})))");
            writer.Line("return -1;");
            writer.Close();
            writer.Line();
        }

        ConstantCode.WriteViewElementsCheck(writer, field, Int(field.FixedCount), at);
    }

    /// <summary>The view's count of a fixed-count tail, checked to fit the bytes left, into <paramref name="local"/>.</summary>
    public static void WriteViewCount(SourceWriter writer, FieldModel field, string local, string elementSize)
    {
        writer.Line($"var {local} = {RuntimeNames.WireCounts}.ViewCount(bytes.Length - at, {Int(field.FixedCount)}, {elementSize});");
        writer.Open($"if ({local} < 0)");
        writer.Line("return -1;");
        writer.Close();
        writer.Line();
    }

    /// <summary>A fixed-count array's layout row: <c>u16[4]</c>, <c>Point[3] (8 each)</c>, n × element bytes when constant.</summary>
    public static FieldLayout LayoutRow(FieldPlan place)
    {
        var field = place.Field;
        var count = "[" + Int(field.FixedCount) + "]";
        string type;
        if (field.Kind == FieldKind.PrimitiveArray)
        {
            var integer = FieldCode.WireTypeName(field.Primitive) + (field.BigEndian && LayoutPlan.PrimitiveSize(field.Primitive) > 1 ? "be" : string.Empty);
            type = integer + (field.Enum is not null ? " " + Parsing.NameConventions.ShortName(field.ElementTypeName!) : string.Empty) + count;
        }
        else
        {
            type = Parsing.NameConventions.ShortName(field.ElementTypeName!) + count + (field.ElementIsFixedSize && field.ElementSize is { } each ? $" ({Int(each)} each)" : string.Empty);
        }

        return new FieldLayout(place.Offset, place.IsFixedSize == true ? place.MinSize : null, field.WireName, type);
    }

    private static int ElementSize(FieldModel field) =>
        field.Kind == FieldKind.PrimitiveArray ? LayoutPlan.PrimitiveSize(field.Primitive) : field.ElementSize!.Value;


    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
