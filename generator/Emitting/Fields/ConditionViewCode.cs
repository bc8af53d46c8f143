using ProtocolGen.Generator.Model;
using ProtocolGen.Generator.Parsing;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// How a view reads a <c>[PresentWhen]</c> member: <c>bool TryGetX(out ...)</c>, which says whether the selector's value
/// (read where the selector lies) puts the member on the wire and gives what an always-present member of its shape
/// would give (a value, the bytes, a nested view), since a span or a view cannot be nullable. The member takes its
/// present size or none, so the runs after it start where the view worked out; <c>Check</c> applies the decoder's
/// rules to it only when its condition holds, over the selector's value captured while its run was checked.
/// </summary>
internal static class ConditionViewCode
{
    private const string Span = "global::System.ReadOnlySpan<byte>";

    /// <summary>Whether the member is on the wire, as an expression over the view's bytes.</summary>
    public static string Presence(StructModel model, ViewLayout layout, ViewField view)
    {
        var selector = layout.Fields[view.Field.Condition!.Selector];
        return ConditionCode.Holds(model, view.Field, _ => Grouped(ViewEmitter.ReadPrimitive(selector.Field, selector.At)));
    }

    /// <summary>Whether the member is on the wire, in <c>Check</c>, over the selector's captured value.</summary>
    public static string CheckedPresence(StructModel model, ViewField view) => ConditionCode.Holds(model, view.Field, SelectorLocal);

    /// <summary>In <c>Check</c>, a selector's value, read while its run is checked (<paramref name="at"/> is where it lies).</summary>
    public static void WriteCheckSelector(SourceWriter writer, ViewField view, string at)
    {
        if (view.IsSelector)
        {
            writer.Line($"var {SelectorLocal(view.Field)} = {ViewEmitter.ReadPrimitive(view.Field, at, "bytes")};");
        }
    }

    /// <summary>The member's <c>TryGetX</c>: true and what it holds when the member is on the wire, else false and the default.</summary>
    public static void WriteAccessor(SourceWriter writer, ViewField view, string summary)
    {
        var field = view.Field;
        var at = view.At;
        var local = NameConventions.ToLocalName(field.Name);
        var (type, read, maybeNull) = view.Shape switch
        {
            ViewShape.Address => (field.TypeName, $"new {field.TypeName}(_bytes.Slice({at}, {ViewEmitter.Int(LayoutPlan.PresentHeadSize(field)!.Value)}))", false),
            ViewShape.FixedBytes => (Span, $"_bytes.Slice({at}, {ViewEmitter.Int(field.Length)})", false),
            ViewShape.NestedView => ($"{field.ElementTypeName}.View", $"new {field.ElementTypeName}.View(_bytes.Slice({at}))", false),
            ViewShape.NestedValue => (field.TypeName, $"{RuntimeNames.ViewReads}.ReadStruct<{field.ElementTypeName}>(_bytes.Slice({at}))", true),
            _ => (field.TypeName, ViewEmitter.ReadPrimitive(field, at), false),
        };
        var what = view.Shape switch
        {
            ViewShape.FixedBytes => "its bytes",
            ViewShape.NestedView => "it as a view",
            ViewShape.NestedValue => "it, read when asked for",
            _ => "its value",
        };
        writer.Line($"{summary}, on the wire {Xml(field.Condition!.Display)}: true and {what} when it is there, false when not.</summary>");
        var parameter = maybeNull ? $"[global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {type} {local}" : $"out {type} {local}";
        writer.Open($"public bool TryGet{field.Name}({parameter})");
        writer.Open($"if ({view.Presence})");
        writer.Line($"{local} = {read};");
        writer.Line("return true;");
        writer.Close();
        writer.Line();
        writer.Line($"{local} = default{(maybeNull ? "!" : string.Empty)};");
        writer.Line("return false;");
        writer.Close();
    }

    /// <summary>The member's size where it starts at <paramref name="at"/>: its present size when its condition holds, else 0.</summary>
    public static string VariableLength(ViewField view, string at)
    {
        var field = view.Field;
        var present = LayoutPlan.PresentHeadSize(field) is { } size
            ? ViewEmitter.Int(size)
            : view.Shape == ViewShape.NestedView
                ? $"new {field.ElementTypeName}.View(_bytes.Slice({at})).WireLength"
                : $"{RuntimeNames.ViewReads}.StructLength<{field.ElementTypeName}>(_bytes.Slice({at}))";
        return $"({view.Presence} ? {present} : 0)";
    }

    /// <summary>In <c>Check</c>, the member at <c>at</c>: when its condition holds, the decoder's rules for its shape.</summary>
    public static void WriteCheck(SourceWriter writer, ViewField view)
    {
        var field = view.Field;
        writer.Line($"// {field.WireName}: on the wire {field.Condition!.Display}.");
        writer.Open($"if ({view.CheckedPresence})");
        if (view.Shape is ViewShape.NestedView or ViewShape.NestedValue)
        {
            // A structure, plain or not, is checked by its own view (a plain one's check is its length), else by reading it.
            writer.Line(view.Shape == ViewShape.NestedView
                ? $"at = {field.ElementTypeName}.View.Check(bytes, at);"
                : $"at = {RuntimeNames.ViewReads}.CheckStruct<{field.ElementTypeName}>(bytes, at);");
            writer.Open("if (at < 0)");
            writer.Line("return -1;");
            writer.Close();
            writer.Close();
            writer.Line();
            return;
        }

        var size = ViewEmitter.Int(LayoutPlan.PresentHeadSize(field)!.Value);
        writer.Open($"if (bytes.Length - at < {size})");
        writer.Line("return -1;");
        writer.Close();
        writer.Line();
        if (view.Shape == ViewShape.Primitive && field.Primitive == PrimitiveType.Boolean)
        {
            writer.Open("if (bytes[at] > 1)");
            writer.Line("return -1;");
            writer.Close();
            writer.Line();
        }

        ConstantCode.WriteViewCheck(writer, field, "at");
        writer.Line($"at += {size};");
        writer.Close();
        writer.Line();
    }

    private static string SelectorLocal(FieldModel selector) => NameConventions.ToLocalName(selector.Name).TrimStart('@') + "Selector";

    // A read that is an expression of operators (a boolean, a bit field) is compared as one value: it has a space
    // outside its parentheses and brackets.
    private static string Grouped(string read)
    {
        var depth = 0;
        foreach (var c in read)
        {
            depth += c is '(' or '[' ? 1 : c is ')' or ']' ? -1 : 0;
            if (c == ' ' && depth == 0)
            {
                return "(" + read + ")";
            }
        }

        return read;
    }

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
