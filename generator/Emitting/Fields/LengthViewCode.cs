using System.Linq;
using ProtocolGen.Generator.Model;
using ProtocolGen.Generator.Parsing;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// How a view reads a member whose length or count an earlier field holds: its accessor takes the field's value
/// (read where the field lies) as the length; <c>Check</c> applies the decoder's rules to it (not negative, within the
/// bytes, an array or structure ending exactly at the window's end).
/// </summary>
internal static class LengthViewCode
{
    /// <summary>The member's measure as an <c>int</c> expression over the view's bytes (checked by <c>Check</c>).</summary>
    public static string Measure(ViewLayout layout, ViewField view)
    {
        var rule = view.Field.LengthFrom!;
        var source = layout.Fields[rule.Source];
        var value = ViewEmitter.ReadPrimitive(source.Field, source.At);
        var (constant, expression) = !rule.FromRecordStart ? (0, (string?)null)
            : view.Plan.Offset is { } offset ? (offset, null) : (0, view.At);
        return $"(int)({LengthCode.Measure(rule, value, constant, expression)})";
    }

    /// <summary>The member's element count (for arrays), from its measure.</summary>
    public static string Count(ViewField view, string measure)
    {
        var field = view.Field;
        if (field.LengthFrom!.IsCount)
        {
            return measure;
        }

        if (field.Kind == FieldKind.PrimitiveArray)
        {
            return $"{measure} / {ViewEmitter.Int(LayoutPlan.PrimitiveSize(field.Primitive))}";
        }

        return field.ElementIsFixedSize && field.ElementSize is { } size and > 0
            ? $"{measure} / {ViewEmitter.Int(size)}"
            : $"Count{field.Name}(_bytes.Slice({view.At}, {measure}))";
    }

    /// <summary>The accessor of a member whose length its rule's source holds.</summary>
    public static void WriteAccessor(SourceWriter writer, ViewField view, string summary)
    {
        var field = view.Field;
        var measure = view.Measure!;
        var at = view.At;
        const string span = "global::System.ReadOnlySpan<byte>";
        switch (view.Shape)
        {
            case ViewShape.PrefixedBytes:
                writer.Line(summary + ", its bytes.</summary>");
                writer.Line($"public {span} {field.Name} => _bytes.Slice({at}, {measure});");
                break;
            case ViewShape.PrefixedText:
                ViewEmitter.WriteTextAccessors(writer, field, summary + ", as its UTF-8 bytes (checked valid).</summary>", $"_bytes.Slice({at}, {measure})");
                break;
            case ViewShape.PrimitiveArray:
                var size = ViewEmitter.Int(LayoutPlan.PrimitiveSize(field.Primitive));
                var bytes = field.LengthFrom!.IsCount ? $"{measure} * {size}" : measure;
                writer.Line(summary + ", its elements read in place.</summary>");
                writer.Line($"public {RuntimeNames.PrimitiveArrayView}<{field.ElementTypeName}> {field.Name} => new {RuntimeNames.PrimitiveArrayView}<{field.ElementTypeName}>(_bytes.Slice({at}, {bytes}), bigEndian: {ViewEmitter.Bool(field.BigEndian)});");
                break;
            case ViewShape.ViewArray:
                writer.Line(summary + ", its elements as views.</summary>");
                writer.Line($"public {field.ElementTypeName}.ViewArray {field.Name} => new {field.ElementTypeName}.ViewArray({Window(view, measure)}, {Count(view, measure)});");
                WriteCounter(writer, view, $"new {field.ElementTypeName}.View(window.Slice(at)).WireLength");
                break;
            case ViewShape.ValueArray:
                writer.Line(summary + ", its elements read one at a time.</summary>");
                writer.Line($"public {RuntimeNames.StructArrayView}<{field.ElementTypeName}> {field.Name} => new {RuntimeNames.StructArrayView}<{field.ElementTypeName}>({Window(view, measure)}, {Count(view, measure)});");
                WriteCounter(writer, view, $"{RuntimeNames.ViewReads}.StructLength<{field.ElementTypeName}>(window.Slice(at))");
                break;
            case ViewShape.NestedView:
                writer.Line(summary + ", as a view of exactly its length.</summary>");
                writer.Line($"public {field.ElementTypeName}.View {field.Name} => new {field.ElementTypeName}.View(_bytes.Slice({at}, {measure}));");
                break;
            default:
                writer.Line(summary + ", read when asked for.</summary>");
                writer.Line($"public {field.TypeName} {field.Name} => {RuntimeNames.ViewReads}.ReadStruct<{field.ElementTypeName}>(_bytes.Slice({at}, {measure}));");
                break;
        }
    }

    /// <summary>The member's whole size, for the view's later runs and its <c>WireLength</c>.</summary>
    public static string VariableLength(ViewField view)
    {
        var field = view.Field;
        var measure = view.Measure!;
        if (!field.LengthFrom!.IsCount)
        {
            return measure;
        }

        return view.Shape switch
        {
            ViewShape.PrimitiveArray => $"{measure} * {ViewEmitter.Int(LayoutPlan.PrimitiveSize(field.Primitive))}",
            ViewShape.ViewArray => $"new {field.ElementTypeName}.ViewArray(_bytes.Slice({view.At}), {measure}).WireLength",
            ViewShape.ValueArray => $"new {RuntimeNames.StructArrayView}<{field.ElementTypeName}>(_bytes.Slice({view.At}), {measure}).Length",
            _ => measure,
        };
    }

    /// <summary>Where <c>Check</c> keeps the record's start, when a length counts from it.</summary>
    public static void WriteCheckStart(SourceWriter writer, ViewLayout layout)
    {
        if (layout.Fields.Any(f => f.Field.LengthFrom is { FromRecordStart: true } && f.Plan.Offset is null))
        {
            writer.Line("var start = at;");
        }
    }

    /// <summary>In <c>Check</c>, a length field's value, read while its run is checked (<paramref name="at"/> is where it lies).</summary>
    public static void WriteCheckSource(SourceWriter writer, ViewField view, string at)
    {
        if (view.Field.LengthOf is not null)
        {
            writer.Line($"var {ValueLocal(view.Field)} = {ViewEmitter.ReadPrimitive(view.Field, at, "bytes")};");
        }
    }

    /// <summary>In <c>Check</c>, the member at <c>at</c>, whose length the captured value of its source gives.</summary>
    public static void WriteCheck(SourceWriter writer, ViewLayout layout, ViewField view)
    {
        var field = view.Field;
        var rule = field.LengthFrom!;
        var source = layout.Fields[rule.Source].Field;
        var local = NameConventions.ToLocalName(field.Name).TrimStart('@');
        var measure = local + (rule.IsCount ? "Count" : "Length");
        var (constant, expression) = !rule.FromRecordStart ? (0, (string?)null)
            : view.Plan.Offset is { } offset ? (offset, null) : (0, "at - start");
        var perElement = rule.IsCount ? LengthReadCode.ElementSize(field) : (1, "1");
        writer.Line($"// {field.WireName}: {LengthCode.Rule(rule, source.WireName)} {(rule.IsCount ? "elements" : "bytes")}.");
        if (source.Primitive == PrimitiveType.UInt64)
        {
            // As the decoder: a value this large is past any frame, and below it the arithmetic cannot overflow.
            writer.Open($"if ({ValueLocal(source)} > {LengthCode.UInt64Limit(rule)})");
            writer.Line("return -1;");
            writer.Close();
            writer.Line();
        }

        writer.Line($"var {measure} = {LengthCode.Measure(rule, ValueLocal(source), constant, expression)};");
        var beyond = perElement.Item1 == 1 ? $"{measure} > bytes.Length - at" : $"{measure} > (bytes.Length - at) / {perElement.Item2}";
        writer.Open(LengthCode.CanBeNegative(rule, constant, expression) ? $"if ({measure} < 0 || {beyond})" : $"if ({beyond})");
        writer.Line("return -1;");
        writer.Close();
        writer.Line();
        var length = $"(int){measure}";
        switch (view.Shape)
        {
            case ViewShape.PrefixedBytes:
                writer.Line($"at += {length};");
                return;
            case ViewShape.PrefixedText:
                writer.Open($"if (!{RuntimeNames.ViewReads}.IsUtf8(bytes.Slice(at, {length})))");
                writer.Line("return -1;");
                writer.Close();
                writer.Line();
                writer.Line($"at += {length};");
                return;
            case ViewShape.PrimitiveArray:
                var size = LayoutPlan.PrimitiveSize(field.Primitive);
                var count = rule.IsCount ? length : $"{length} / {ViewEmitter.Int(size)}";
                if (!rule.IsCount && size > 1)
                {
                    writer.Open($"if ({measure} % {ViewEmitter.Int(size)} != 0)");
                    writer.Line("return -1;");
                    writer.Close();
                    writer.Line();
                }

                if (field.Primitive == PrimitiveType.Boolean)
                {
                    writer.Open($"if (!{RuntimeNames.ViewReads}.AreBooleans(bytes.Slice(at, {count})))");
                    writer.Line("return -1;");
                    writer.Close();
                    writer.Line();
                }

                ConstantCode.WriteViewElementsCheck(writer, field, count);
                writer.Line(rule.IsCount ? $"at += {length} * {ViewEmitter.Int(size)};" : $"at += {length};");
                return;
        }

        var check = view.Shape is ViewShape.NestedView or ViewShape.ViewArray
            ? $"{field.ElementTypeName}.View.Check"
            : $"{RuntimeNames.ViewReads}.CheckStruct<{field.ElementTypeName}>";
        if (rule.IsCount)
        {
            // Counted elements, each checked by its view (or by reading it).
            writer.Open($"for (var i = 0; i < {measure} && at >= 0; i++)");
            writer.Line($"at = {check}(bytes, at);");
            writer.Close();
            writer.Line();
            writer.Open("if (at < 0)");
            writer.Line("return -1;");
            writer.Close();
            writer.Line();
            return;
        }

        // A window of the length: its structure, or its elements one after another, must end exactly at its end.
        var end = local + "End";
        writer.Line($"var {end} = at + {length};");
        if (view.Shape is ViewShape.NestedView or ViewShape.NestedValue)
        {
            writer.Open($"if ({check}(bytes.Slice(0, {end}), at) != {end})");
            writer.Line("return -1;");
            writer.Close();
            writer.Line();
            writer.Line($"at = {end};");
            return;
        }

        writer.Open($"while (at < {end})");
        writer.Line($"var next = {check}(bytes.Slice(0, {end}), at);");
        writer.Open("if (next <= at)");
        writer.Line("return -1;");
        writer.Close();
        writer.Line();
        writer.Line("at = next;");
        writer.Close();
        writer.Line();
    }

    private static string Window(ViewField view, string measure) => $"_bytes.Slice({view.At}, {measure})";

    // Elements of varying size filling a window are counted by walking them (Check proved they fill it exactly).
    private static void WriteCounter(SourceWriter writer, ViewField view, string elementLength)
    {
        var field = view.Field;
        if (field.LengthFrom!.IsCount || field.ElementIsFixedSize && field.ElementSize is > 0)
        {
            return;
        }

        writer.Line();
        writer.Line($"private static int Count{field.Name}(global::System.ReadOnlySpan<byte> window)");
        writer.Line("{");
        writer.Line("    var count = 0;");
        writer.Line("    for (var at = 0; at < window.Length; count++)");
        writer.Line("    {");
        writer.Line($"        at += {elementLength};");
        writer.Line("    }");
        writer.Line();
        writer.Line("    return count;");
        writer.Line("}");
    }

    private static string ValueLocal(FieldModel source) => NameConventions.ToLocalName(source.Name).TrimStart('@') + "Value";
}
