using System.Collections.Generic;
using System.Linq;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// How <c>WireSize</c> and the writer treat lengths and counts that earlier fields hold: the stored value is ignored.
/// <c>WireSize</c> measures the member once and checks that the field can say it (<c>WireLengths.Check</c>, naming
/// both), before any byte is written; the writer leaves the field's bytes in its run, writes the member, and then
/// puts the value the member's written bytes give into them.
/// </summary>
internal static class LengthWriteCode
{
    /// <summary>
    /// The <c>WireSize</c> lines of a member whose length or count its rule's source holds: its measure, the
    /// source's check, and its bytes added to <c>size</c> (which holds <c>MinWireSize</c> plus the tails before it).
    /// </summary>
    public static void WriteSize(SourceWriter writer, StructModel model, FieldPlan place, LocalNames names)
    {
        var field = place.Field;
        var rule = field.LengthFrom!;
        var source = model.Fields[rule.Source];
        var member = "this." + field.Name;
        var name = FieldCode.Quoted(field);
        var measure = names.Temporary(names.Of(field) + (rule.IsCount ? "Count" : "Length"));
        var (measured, bytes) = field.Kind switch
        {
            FieldKind.PrefixedBytes when field.Shape == SequenceShape.ReadOnlyMemory => ($"{member}.Length", measure),
            FieldKind.PrefixedBytes => ($"{RuntimeNames.WireLength}.Bytes({member}, {name})", measure),
            FieldKind.PrefixedString => ($"{RuntimeNames.WireLength}.Utf8({member}, {name})", measure),
            FieldKind.Struct when field.Switch is not null => (SwitchCode.CheckedSize(model, field), measure),
            FieldKind.Struct => ($"{RuntimeNames.WireLength}.Struct({member}, {name})", $"{measure} - {place.MinSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? FieldCode.MinSizeExpression(field.ElementTypeName!)}"),
            _ when rule.IsCount => ($"{RuntimeNames.WireLengths}.Count({member}, {name})", ArraySize(field, member, name)),
            _ => (ArraySize(field, member, name), measure),
        };

        writer.Line($"var {measure} = {measured};");
        var before = !rule.FromRecordStart ? "0"
            : place.Offset is { } offset ? FieldCode.Int(offset)
            : MinFrom(model.Layout, rule.Target) is "0" ? "size" : $"size - {MinFrom(model.Layout, rule.Target)}";
        var total = before == "0" ? measure : $"{measure} + {before}";
        writer.Line($"{RuntimeNames.WireLengths}.Check({total}, {before}, {FieldCode.Int(rule.Scale)}, {FieldCode.Int(rule.Offset)}, {LengthCode.MaxOf(source)}, {(rule.IsCount ? "true" : "false")}, {FieldCode.Quoted(source)}, {name});");
        writer.Line($"size = {RuntimeNames.WireLength}.Add(size, {bytes}, {name});");
    }

    /// <summary>
    /// Writes <paramref name="place"/>'s tail (its head, of no bytes, is in its run) and then its source's value into
    /// the source's run. <paramref name="tail"/> is the span local the writer took of bytes or elements, if any.
    /// </summary>
    public static void WriteTarget(WriteEmitter.Body body, LayoutPlan plan, FieldPlan place, string? tail)
    {
        var writer = body.Writer;
        var names = body.Names;
        var field = place.Field;
        var rule = field.LengthFrom!;
        var local = names.Of(field);
        string? before = null;
        if (rule.FromRecordStart)
        {
            if (place.Offset is { } offset)
            {
                before = FieldCode.Int(offset);
            }
            else
            {
                before = names.Temporary(local + "Before");
                writer.Line($"var {before} = writer.Position + {body.Position} - {names.Temporary("recordStart")};");
            }
        }

        string measured;
        if (field.Kind == FieldKind.Struct || field.Kind == FieldKind.StructArray && !field.ElementIsPlain)
        {
            // A structure writes itself: its length is how far the writer moved.
            body.Sync();
            var start = names.Temporary(local + "Start");
            if (!rule.IsCount)
            {
                writer.Line($"var {start} = writer.Position;");
            }

            writer.Line(field.Kind == FieldKind.Struct
                ? SwitchCode.Write(body.Model, field)
                : $"writer.WriteArrayAfterSize<{field.ElementTypeName}>({tail});");
            writer.Line("destination = writer.UnwrittenSpan;");
            measured = rule.IsCount ? $"{tail}.Length" : $"writer.Position - {start}";
        }
        else
        {
            body.Declare();
            switch (field.Kind)
            {
                case FieldKind.PrefixedBytes:
                    writer.Line($"{tail}.CopyTo(destination.Slice(position));");
                    writer.Line($"position += {tail}.Length;");
                    measured = $"{tail}.Length";
                    break;
                case FieldKind.PrefixedString:
                    var length = names.Temporary(local + "Length");
                    writer.Line($"var {length} = {RuntimeNames.WireText}.Write(this.{field.Name}, destination.Slice(position), {FieldCode.Quoted(field)});");
                    writer.Line($"position += {length};");
                    measured = length;
                    break;
                case FieldKind.PrimitiveArray:
                    var written = names.Temporary(local + "Bytes");
                    writer.Line($"var {written} = {RuntimeNames.WireArrays}.WritePrimitives({tail}, destination.Slice(position), bigEndian: {(field.BigEndian ? "true" : "false")});");
                    writer.Line($"position += {written};");
                    measured = rule.IsCount ? $"{tail}.Length" : written;
                    break;
                default:
                    var size = FieldCode.Int(field.ElementSize!.Value);
                    var elements = names.Temporary(local + "Bytes");
                    writer.Line($"var {elements} = destination.Slice(position, {tail}.Length * {size});");
                    writer.Open($"for (var i = 0; i < {tail}.Length; i++)");
                    writer.Line(FieldCode.WriteElement(field, $"{tail}[i]", $"{elements}.Slice(i * {size}, {size})"));
                    writer.Close();
                    writer.Line();
                    writer.Line($"position += {elements}.Length;");
                    measured = rule.IsCount ? $"{tail}.Length" : $"{elements}.Length";
                    break;
            }
        }

        // The value WireSize checked the field can hold, from what was written.
        var source = plan.Fields[rule.Source];
        var sum = new List<string> { measured };
        if (before is not null && before != "0")
        {
            sum.Add(before);
        }

        if (rule.Offset != 0)
        {
            sum.Add(FieldCode.Int(rule.Offset));
        }

        var total = string.Join(" + ", sum).Replace("+ -", "- ");
        var value = rule.Scale == 1 ? total : $"({total}) / {FieldCode.Int(rule.Scale)}";
        var cast = value.Contains(" ") ? $"({value})" : value;
        if (source.Field.Bits is not null)
        {
            // A bit field's value goes into its container's bits, read back so the other members' bits stay: one
            // rule for every member, where a value worked out before the container is written would hold only for
            // a member of known length (not a structure, which writes itself).
            writer.Line(BitsCode.WriteLength(source.Field, names.Run(source.Run), source.RunOffset, value));
            return;
        }

        writer.Line(FieldCode.WriteHead(source.Field, names.Run(source.Run), source.RunOffset, $"({FieldCode.PrimitiveKeyword(source.Field.Primitive)}){cast}"));
    }

    // The bytes of an array's elements, each element checked.
    private static string ArraySize(FieldModel field, string member, string name)
    {
        var width = RuntimeNames.PrefixWidth + ".U32";
        return field.Kind switch
        {
            FieldKind.PrimitiveArray => $"{RuntimeNames.WireLength}.PrimitiveArray<{field.ElementTypeName}>({member}, {width}, {name})",
            FieldKind.StructArray when field.ElementIsPlain => $"{RuntimeNames.WireLength}.PlainArray({member}, {FieldCode.Int(field.ElementSize!.Value)}, {width}, {name})",
            _ => $"{RuntimeNames.WireLength}.Array({member}, {width}, {name})",
        };
    }

    // The fewest bytes of the fields from index `first` on: what MinWireSize counts of them.
    private static string MinFrom(LayoutPlan plan, int first)
    {
        var constant = 0;
        var terms = new List<string>();
        for (var i = first; i < plan.Fields.Count; i++)
        {
            if (plan.Fields[i].MinSize is { } min)
            {
                constant += min;
            }
            else
            {
                terms.Add(FieldCode.MinSizeExpression(plan.Fields[i].Field.ElementTypeName!));
            }
        }

        terms.Insert(0, FieldCode.Int(constant));
        return terms.Count == 1 ? terms[0] : "(" + string.Join(" + ", terms) + ")";
    }
}
