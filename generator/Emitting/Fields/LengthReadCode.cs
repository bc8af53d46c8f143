using System.Linq;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// How a reader reads a member whose length or count an earlier field holds: the measure worked out from the field's
/// local (<see cref="LengthCode.Measure"/>), refused before anything is read or allocated when negative
/// (<c>LengthMismatch</c>) or past the bytes left (<c>LengthBeyondFrame</c>), both at the length field; then bytes,
/// text and fixed-size elements at <c>position</c>, and structures (and arrays of them) from a window of exactly that
/// length, which they must fill.
/// </summary>
internal static class LengthReadCode
{
    private const string Kind = RuntimeNames.ProtocolErrorKind + ".";

    /// <summary>
    /// After a length field's head is read, when its member is in a later run: the field's offset from the reader's
    /// start (<paramref name="at"/> is its offset in <c>source</c>), for a refusal once <c>source</c> has moved on.
    /// </summary>
    public static void WriteSourceAt(ReadEmitter.Body body, LayoutPlan plan, FieldPlan place, string at)
    {
        if (place.Field.LengthOf is { } rule && plan.Fields[rule.Source].Run != plan.Fields[rule.Target].Run)
        {
            body.Writer.Line($"var {SourceAt(body.Names, plan, rule)} = {Plus("reader.Position", at)};");
        }
    }

    /// <summary>Reads <paramref name="place"/>, whose length or count its rule's source holds, from where <paramref name="body"/> is.</summary>
    public static void WriteTarget(ReadEmitter.Body body, LayoutPlan plan, FieldPlan place)
    {
        var writer = body.Writer;
        var names = body.Names;
        var field = place.Field;
        var rule = field.LengthFrom!;
        var source = plan.Fields[rule.Source];
        var value = names.Of(source.Field);
        var sameRun = source.Run == place.Run;
        var relativeAt = sameRun
            ? ReadEmitter.Body.Offset(body.Position, source.RunOffset - plan.Runs[place.Run].Length)
            : $"{SourceAt(names, plan, rule)} - reader.Position";
        var (beforeConstant, beforeExpression) = Before(place, rule, body.Position, names);
        var local = names.Of(field);
        var measure = names.Temporary(local + (rule.IsCount ? "Count" : "Length"));
        var left = body.Position == "0" ? "source.Length" : $"source.Length - {body.Position}";
        var elementSize = ElementSize(field);

        writer.Line();
        writer.Line($"// {field.WireName}: {LengthCode.Rule(rule, source.Field.WireName)} {(rule.IsCount ? "elements" : "bytes")}{(rule.FromRecordStart ? ", less those before it in the record" : string.Empty)}.");
        if (source.Field.Primitive == PrimitiveType.UInt64)
        {
            // A value this large is past any frame; below it the arithmetic cannot overflow.
            writer.Open($"if ({value} > {LengthCode.UInt64Limit(rule)})");
            writer.Line(body.Exits.Refuse($"{Kind}LengthBeyondFrame", relativeAt));
            writer.Close();
            writer.Line();
        }

        writer.Line($"var {measure} = {LengthCode.Measure(rule, value, beforeConstant, beforeExpression)};");
        if (LengthCode.CanBeNegative(rule, beforeConstant, beforeExpression))
        {
            writer.Open($"if ({measure} < 0)");
            writer.Line(body.Exits.Refuse($"{Kind}LengthMismatch", relativeAt));
            writer.Close();
            writer.Line();
        }

        // A count is checked against its elements' minimum size before anything is allocated.
        var perElement = rule.IsCount ? elementSize.Constant is 1 ? null : elementSize.Expression : null;
        writer.Open(perElement is null ? $"if ({measure} > {left})" : $"if ({measure} > ({left}) / {perElement})");
        writer.Line(body.Exits.Refuse($"{Kind}LengthBeyondFrame", relativeAt));
        writer.Close();
        writer.Line();

        if (!rule.IsCount && elementSize.Constant is > 1 && field.Kind is FieldKind.PrimitiveArray or FieldKind.StructArray && IsFixedElement(field))
        {
            writer.Open($"if ({measure} % {elementSize.Expression} != 0)");
            writer.Line(body.Exits.Refuse($"{Kind}LengthMismatch", relativeAt));
            writer.Close();
            writer.Line();
        }

        if (field.Kind == FieldKind.Struct || field.Kind == FieldKind.StructArray && !IsFixedElement(field))
        {
            ReadSelfReading(body, field, rule, measure, sameRun ? Plus("reader.Position", relativeAt) : null, SourceAt(names, plan, rule));
            return;
        }

        body.DeclarePosition();
        var size = elementSize.Constant ?? 1;
        var (count, bytes) = field.Kind switch
        {
            FieldKind.PrefixedBytes or FieldKind.PrefixedString => (measure, $"(int){measure}"),
            _ when rule.IsCount => (measure, size == 1 ? $"(int){measure}" : $"(int){measure} * {LengthCode.Int(size)}"),
            _ => (size == 1 ? measure : $"{measure} / {LengthCode.Int(size)}", $"(int){measure}"),
        };
        body.ReadPayload(field, count, bytes, size);
    }

    // Structures that read themselves: a counted array from the reader, anything else from a window of the length.
    private static void ReadSelfReading(ReadEmitter.Body body, FieldModel field, LengthRule rule, string measure, string? absoluteAt, string sourceAt)
    {
        var writer = body.Writer;
        var local = body.Names.Of(field);
        if (absoluteAt is not null && !rule.IsCount)
        {
            writer.Line($"var {sourceAt} = {absoluteAt};");
        }

        body.Sync();
        if (field.Switch is not null)
        {
            writer.Open($"if (!{SwitchCode.ReadInWindow(body.Model, field, body.Names.ValueOf, $"(int){measure}", sourceAt, local)})");
            body.Exits.Failed(writer);
            writer.Close();
        }
        else if (field.Kind == FieldKind.Struct)
        {
            writer.Open($"if (!reader.TryReadStructInWindow<{field.ElementTypeName}>((int){measure}, {sourceAt}, out var {local}))");
            body.Exits.Failed(writer);
            writer.Close();
        }
        else
        {
            var immutable = field.Shape == SequenceShape.Array ? string.Empty : "Immutable";
            writer.Line(rule.IsCount
                ? $"var {local} = reader.Read{immutable}Array<{field.ElementTypeName}>((int){measure});"
                : $"var {local} = reader.Read{immutable}ArrayInWindow<{field.ElementTypeName}>((int){measure}, {sourceAt});");
            writer.Open("if (reader.HasFailed)");
            body.Exits.Failed(writer);
            writer.Close();
        }

        writer.Line();
        writer.Line("source = reader.UnreadSpan;");
    }

    /// <summary>The bytes before the target that a length from the record's start counts: a constant, or an expression.</summary>
    private static (int Constant, string? Expression) Before(FieldPlan place, LengthRule rule, string position, LocalNames names)
    {
        if (!rule.FromRecordStart)
        {
            return (0, null);
        }

        if (place.Offset is { } offset)
        {
            return (offset, null);
        }

        var start = names.Temporary("recordStart");
        return (0, position == "0" ? $"reader.Position - {start}" : $"reader.Position - {start} + {position}");
    }

    /// <summary>An element's size: the constant when every element has it, else its minimum as an expression.</summary>
    internal static (int? Constant, string Expression) ElementSize(FieldModel field)
    {
        switch (field.Kind)
        {
            case FieldKind.PrimitiveArray:
                var primitive = LayoutPlan.PrimitiveSize(field.Primitive);
                return (primitive, LengthCode.Int(primitive));
            case FieldKind.StructArray when field.ElementIsPlain:
                return (field.ElementSize!.Value, LengthCode.Int(field.ElementSize!.Value));
            case FieldKind.StructArray:
                return field.ElementSize is { } size and > 0
                    ? (null, LengthCode.Int(size))
                    : (null, $"global::System.Math.Max(1, {FieldCode.MinSizeExpression(field.ElementTypeName!)})");
            default:
                return (1, "1");
        }
    }

    private static string Plus(string left, string right) => right == "0" ? left : $"{left} + {right}";

    private static bool IsFixedElement(FieldModel field) => field.Kind == FieldKind.PrimitiveArray || field.Kind == FieldKind.StructArray && field.ElementIsPlain;

    private static string SourceAt(LocalNames names, LayoutPlan plan, LengthRule rule) => names.Temporary(names.Of(plan.Fields[rule.Source].Field) + "At");
}
