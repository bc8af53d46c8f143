using System.Linq;
using ProtocolGen.Generator.Model;
using ProtocolGen.Layout;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// The code of a <c>[PresentWhen]</c> member: read when its selector's value calls for it (null otherwise), written when
/// it holds a value, checked on encode to be present exactly when the selector calls for it, and left out of JSON
/// when absent (JSON read checks its presence against the selector as encode does). The member is its own tail: a value of constant size (a plain structure too) is read and written at
/// <c>position</c>, any other structure by itself.
/// </summary>
internal static class ConditionCode
{
    private const string Kind = RuntimeNames.ProtocolErrorKind + ".";

    /// <summary>Whether a condition reads <paramref name="field"/>, so the reader keeps it in a local.</summary>
    /// <remarks>
    /// By the conditions' selector indices: the field at a selector's index is the one it reads (the same instance, or
    /// an equal one), never another that shares its name.
    /// </remarks>
    public static bool NeedsLocal(StructModel model, FieldModel field)
    {
        foreach (var each in model.Fields)
        {
            if (each.Condition is { } condition && model.Fields[condition.Selector].Equals(field))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the condition of <paramref name="field"/> holds, over the selector's value (a local, or a member): an expression for an <c>if</c> or an argument.</summary>
    public static string Holds(StructModel model, FieldModel field, System.Func<FieldModel, string> valueOf) =>
        Holds(model, field.Condition!, valueOf);

    /// <summary>
    /// Whether <paramref name="condition"/> holds (a <c>[PresentWhen]</c>'s, a <c>[DefaultCaseWhen]</c> guard's), over its
    /// selector's value: a bool selector tested as itself (<c>x</c>, <c>!x</c>), any other compared with each value.
    /// </summary>
    public static string Holds(StructModel model, ConditionInfo condition, System.Func<FieldModel, string> valueOf)
    {
        var selectorField = model.Fields[condition.Selector];
        var selector = valueOf(selectorField);
        var tests = condition.Values.Select(v => selectorField.Primitive == PrimitiveType.Boolean
            ? (v == "true") != condition.Not ? selector : "!" + selector
            : $"{selector} {(condition.Not ? "!=" : "==")} {v}").ToList();
        return string.Join(condition.Not ? " && " : " || ", tests);
    }

    /// <summary>Reads the member, when its condition holds, into its local (null otherwise).</summary>
    public static void WriteRead(ReadEmitter.Body body, FieldPlan place)
    {
        var field = place.Field;
        var writer = body.Writer;
        var names = body.Names;
        var local = names.Of(field);
        var value = names.Temporary(local + "Value");
        writer.Line();
        writer.Line($"// {field.WireName}: on the wire {field.Condition!.Display}.");
        if (ReadsItself(field))
        {
            body.Sync();
            writer.Line($"{field.MemberTypeName} {local} = null;");
            writer.Open($"if ({Holds(body.Model, field, names.ValueOf)})");
            writer.Open($"if (!reader.TryReadStruct<{field.ElementTypeName}>(out var {value}))");
            body.Exits.Failed(writer);
            writer.Close();
            writer.Line();
            writer.Line($"{local} = {value};");
            writer.Close();
            writer.Line();
            // Either way the reader has moved past what was read before: the span restarts where it is.
            writer.Line("source = reader.UnreadSpan;");
            return;
        }

        var size = FieldCode.Int(SizeOf(field));
        var span = names.Temporary(local + "Bytes");
        body.DeclarePosition();
        writer.Line($"{field.MemberTypeName} {local} = null;");
        writer.Open($"if ({Holds(body.Model, field, names.ValueOf)})");
        writer.Open($"if (source.Length - position < {size})");
        writer.Line(body.Exits.RefuseShort);
        writer.Close();
        writer.Line();
        if (field.Kind == FieldKind.FixedBytes)
        {
            writer.Line($"{local} = source.Slice(position, {size}).ToArray();");
        }
        else if (field.Kind == FieldKind.Struct)
        {
            writer.Line($"{local} = {FieldCode.ReadElement(field, $"source.Slice(position, {size})")};");
        }
        else
        {
            writer.Line($"var {span} = source.Slice(position, {size});");
            if (field.Kind == FieldKind.Primitive && field.Primitive == PrimitiveType.Boolean)
            {
                writer.Open($"if ({span}[0] > 1)");
                writer.Line(body.Exits.Refuse($"{Kind}InvalidValue", "position"));
                writer.Close();
                writer.Line();
            }

            if (ConstantCode.ChecksOnRead(field))
            {
                writer.Line($"var {value} = {FieldCode.ReadHead(field, span, 0)};");
                ConstantCode.WriteReadCheck(writer, field, value, "position", body.Exits.Refuse);
                writer.Line($"{local} = {value};");
            }
            else
            {
                writer.Line($"{local} = {FieldCode.ReadHead(field, span, 0)};");
            }
        }

        writer.Line($"position += {size};");
        writer.Close();
        writer.Line();
    }

    /// <summary>Writes the member when it holds a value (<c>WireSize</c> checked that its condition then holds).</summary>
    public static void WriteWrite(WriteEmitter.Body body, FieldPlan place)
    {
        var field = place.Field;
        var writer = body.Writer;
        var value = body.Names.Temporary(body.Names.Of(field) + "Value");
        if (ReadsItself(field))
        {
            body.Sync();
            writer.Open($"if (this.{field.Name} is {{ }} {value})");
            writer.Line($"writer.WriteStructAfterSize({value});");
            writer.Close();
            writer.Line();
            // Either way the writer has moved past what was written before: the span restarts where it is.
            writer.Line("destination = writer.UnwrittenSpan;");
            return;
        }

        var size = FieldCode.Int(SizeOf(field));
        body.Declare();
        writer.Open($"if (this.{field.Name} is {{ }} {value})");
        writer.Line(field.Kind switch
        {
            FieldKind.FixedBytes => $"global::System.MemoryExtensions.CopyTo({value}, destination.Slice(position, {size}));",
            FieldKind.Struct => FieldCode.WriteElement(field, value, $"destination.Slice(position, {size})"),
            _ => FieldCode.WriteHead(field, $"destination.Slice(position, {size})", 0, value),
        });
        writer.Line($"position += {size};");
        writer.Close();
    }

    /// <summary>
    /// The <c>WireSize</c> checks of the member: present exactly when its condition holds, and, when present, what its
    /// value must be (fixed bytes of their length, a closed enum's named value). The selector goes to the check as its
    /// own type, which the message (built only when it throws) says it as: an enum's name, a bool's true or false.
    /// </summary>
    public static void WriteSizeCheck(SourceWriter writer, StructModel model, FieldPlan place, LocalNames names)
    {
        var field = place.Field;
        var selector = model.Fields[field.Condition!.Selector];
        var present = field.Kind == FieldKind.Primitive || field.Kind == FieldKind.Enum ? $"this.{field.Name}.HasValue" : $"this.{field.Name} is not null";
        writer.Line($"{RuntimeNames.WireConditions}.Check({present}, {Holds(model, field, f => "this." + f.Name)}, {FieldCode.Quoted(field)}, {FieldCode.Quoted(selector)}, this.{selector.Name});");
        var value = names.Temporary(names.Of(field) + "Value");
        var inner = field.Kind switch
        {
            FieldKind.FixedBytes => $"{RuntimeNames.WireLength}.Fixed({value}, {FieldCode.Int(field.Length)}, {FieldCode.Quoted(field)});",
            FieldKind.Enum => ConstantCode.EncodeCheck(field, value),
            _ => null,
        };

        if (inner is not null)
        {
            writer.Open($"if (this.{field.Name} is {{ }} {value})");
            writer.Line(inner);
            writer.Close();
        }
    }

    /// <summary>
    /// The member's size for <c>WireSize</c>, 0 when absent. Sizes are added in wire order: a <c>[LengthOf]</c> target
    /// measured from the record's start counts the sizes before it. A generated plain structure is sized by its own
    /// <c>WireSize</c> (which checks its members and which the JIT folds to its constant when there is nothing to
    /// check), a runtime address as its constant, any other structure through the runtime's checked size.
    /// </summary>
    public static string CheckedSize(FieldPlan place, LocalNames names)
    {
        var field = place.Field;
        var value = names.Temporary(names.Of(field) + "Present");
        if (ReadsItself(field))
        {
            return $"this.{field.Name} is {{ }} {value} ? {RuntimeNames.WireLength}.Struct({value}, {FieldCode.Quoted(field)}) : 0";
        }

        return field.Kind == FieldKind.Struct && field.ElementTypeName is not (RuntimeNames.Ipv4Address or RuntimeNames.Ipv6Address)
            ? $"this.{field.Name} is {{ }} {value} ? {value}.WireSize : 0"
            : $"this.{field.Name} is null ? 0 : {FieldCode.Int(SizeOf(field))}";
    }

    /// <summary>Writes the member's JSON property when it holds a value; <paramref name="write"/> writes one from a value.</summary>
    public static void WriteJson(SourceWriter writer, FieldModel field, LocalNames names, System.Func<string, string> write)
    {
        var value = names.Temporary(names.Of(field) + "Json");
        writer.Open($"if (this.{field.Name} is {{ }} {value})");
        writer.Line(write(value));
        writer.Close();
    }

    /// <summary>
    /// The locals a record's JSON read keeps its conditions' selectors in, by field index in wire order: each is read
    /// once, before the record is built, and its members' reads check their presence against it.
    /// </summary>
    public static System.Collections.Generic.SortedDictionary<int, string> JsonSelectors(StructModel model, LocalNames names)
    {
        var selectors = new System.Collections.Generic.SortedDictionary<int, string>();
        foreach (var field in model.Fields)
        {
            if (field.Condition is { } condition && !selectors.ContainsKey(condition.Selector))
            {
                selectors[condition.Selector] = names.Temporary(names.Of(model.Fields[condition.Selector]) + "Json");
            }
        }

        return selectors;
    }

    /// <summary>
    /// Reads the member from JSON: null when the property is absent or null, else <paramref name="read"/>; either way
    /// checked against its selector (a local of <see cref="JsonSelectors"/>), so JSON the wire could not carry is refused
    /// here, naming the member and the selector, not later at encode.
    /// </summary>
    public static string JsonRead(StructModel model, FieldModel field, string read, System.Collections.Generic.IReadOnlyDictionary<int, string> selectors)
    {
        if (field.Condition is not { } condition)
        {
            return read;
        }

        var selector = selectors[condition.Selector];
        return $"{RuntimeNames.WireJsonFields}.Present(element, {FieldCode.Quoted(field)}, {Holds(model, field, _ => selector)}, {FieldCode.Quoted(model.Fields[condition.Selector])}, {selector}) ? ({field.MemberTypeName}){read} : null";
    }

    /// <summary>How layouts describe the member: its value's type, and when it is on the wire.</summary>
    public static FieldLayout Row(FieldLayout present, FieldModel field) =>
        present with { Size = null, WireType = present.WireType + ", " + field.Condition!.Display };

    // A structure that can refuse bytes or varies in size reads and writes itself; a plain one (an address, a run of
    // integers) is read at position like an integer. The plan says which, and how many bytes.
    private static bool ReadsItself(FieldModel field) => LayoutPlan.PresentHeadSize(field) is null;

    private static int SizeOf(FieldModel field) => LayoutPlan.PresentHeadSize(field)!.Value;
}
