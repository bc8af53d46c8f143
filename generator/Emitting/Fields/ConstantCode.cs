using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProtocolGen.Generator.Model;
using ProtocolGen.Layout;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// The code of the schema's constants, for every emitter: a record's <c>[Magic]</c> (the first run's first bytes),
/// <c>[Fixed]</c> fields (checked on decode, the constant written on encode) and closed enums (a name on decode and
/// encode). Where the bytes are is the <see cref="LayoutPlan"/>'s to say; this says what is checked and written there.
/// </summary>
internal static class ConstantCode
{
    private const string Kind = RuntimeNames.ProtocolErrorKind + ".";
    private const string Memory = "global::System.MemoryExtensions.";
    private const string Binary = "global::System.Buffers.Binary.BinaryPrimitives.";

    /// <summary>The record's public <c>WireMagic</c>, which the reader, writer and view compare with and copy.</summary>
    public static void WriteMagicProperty(SourceWriter writer, StructModel model)
    {
        if (model.Magic.Count == 0)
        {
            return;
        }

        // A span over constant data: the bytes live in the assembly, nothing is allocated per call.
        writer.Line($"/// <summary>The {Int(model.Magic.Count)} bytes before the first field (<c>[Magic]</c>): written on encode, checked on decode.</summary>");
        writer.Line($"public static global::System.ReadOnlySpan<byte> WireMagic => new byte[] {{ {string.Join(", ", model.Magic.Select(Hex))} }};");
        writer.Line();
    }

    /// <summary>A run's name in comments: its magic, then its fields (<paramref name="fields"/> null when it has none).</summary>
    public static string DescribeRun(RunPlan run, string? fields) => run.Magic == 0
        ? fields!
        : fields is null ? "magic" : "magic, " + fields;

    /// <summary>The decode check of the magic at the start of <paramref name="run"/>: the offset of the first byte that differs.</summary>
    /// <param name="blankAfter">Whether a blank line follows (not before a structure that reads itself, which writes its own).</param>
    /// <param name="refuse">The reader's refusal statement for an error kind and an offset (the reader's exits, <c>ReadEmitter.Exits</c>).</param>
    public static void WriteReadMagic(SourceWriter writer, RunPlan run, string span, bool blankAfter, System.Func<string, string, string> refuse)
    {
        if (run.Magic == 0)
        {
            return;
        }

        writer.Open($"if (!{Memory}SequenceEqual({span}.Slice(0, {Int(run.Magic)}), WireMagic))");
        writer.Line(refuse($"{Kind}FixedValueMismatch", $"{Memory}CommonPrefixLength({span}, WireMagic)"));
        writer.Close();
        if (blankAfter)
        {
            writer.Line();
        }
    }

    /// <summary>The decode check of a fixed value or a closed enum just read into <paramref name="local"/>, at <paramref name="offset"/>.</summary>
    public static void WriteReadCheck(SourceWriter writer, FieldModel field, string local, string offset, System.Func<string, string, string> refuse)
    {
        if (Condition(field, local) is not { } refused)
        {
            return;
        }

        writer.Open($"if ({refused})");
        writer.Line(refuse($"{Kind}{(field.Fixed is not null ? "FixedValueMismatch" : "InvalidValue")}", offset));
        writer.Close();
        writer.Line();
    }

    /// <summary>Whether decoding checks the field's value (a fixed value, or a closed enum's name).</summary>
    public static bool ChecksOnRead(FieldModel field) => Condition(field, "value") is not null;

    /// <summary>A fixed field's constant, typed as the field, or null for any other field.</summary>
    public static string? FixedValue(FieldModel field) => field.Fixed is { } constant ? TypedConstant(field, constant) : null;

    /// <summary>The decode check of a closed enum array's elements, just read into <paramref name="items"/> from <paramref name="position"/>.</summary>
    public static void WriteReadElementsCheck(SourceWriter writer, FieldModel field, string items, string bad, string position, System.Func<string, string, string> refuse)
    {
        if (!LayoutPlan.ChecksElements(field))
        {
            return;
        }

        var size = LayoutPlan.PrimitiveSize(field.Primitive);
        writer.Line($"var {bad} = {EnumTable(field.Enum!)}.FirstUnnamed({items});");
        writer.Open($"if ({bad} >= 0)");
        writer.Line(refuse($"{Kind}InvalidValue", $"{position} + {(size == 1 ? bad : $"{bad} * {Int(size)}")}"));
        writer.Close();
        writer.Line();
    }

    /// <summary>The view's <c>Check</c> of a closed enum array's <paramref name="count"/> elements at <c>at</c>.</summary>
    public static void WriteViewElementsCheck(SourceWriter writer, FieldModel field, string count, string start = "at")
    {
        if (!LayoutPlan.ChecksElements(field))
        {
            return;
        }

        var size = LayoutPlan.PrimitiveSize(field.Primitive);
        writer.Open($"for (var i = 0; i < {count}; i++)");
        writer.Open($"if (!{EnumTable(field.Enum!)}.IsNamed({ReadAt(field, "bytes", size == 1 ? $"{start} + i" : $"{start} + i * {Int(size)}")}))");
        writer.Line("return -1;");
        writer.Close();
        writer.Close();
        writer.Line();
    }

    /// <summary>The encode side of the magic: copied into the start of the first run.</summary>
    public static void WriteWriteMagic(SourceWriter writer, RunPlan run, string span)
    {
        if (run.Magic > 0)
        {
            writer.Line($"WireMagic.CopyTo({span});");
        }
    }

    /// <summary>A fixed field's head write: the constant, whatever the member holds; null for any other field.</summary>
    public static string? WriteHead(FieldModel field, string run, int offset)
    {
        if (field.Fixed is not { } constant)
        {
            return null;
        }

        return field.Primitive switch
        {
            PrimitiveType.Boolean => $"{run}[{Int(offset)}] = {(constant.Expression == "true" ? "1" : "0")};",

            // A negative constant's byte: the conversion is spelled unchecked, which a constant needs.
            PrimitiveType.SByte => $"{run}[{Int(offset)}] = unchecked((byte){(field.Kind == FieldKind.Enum ? "(sbyte)" : string.Empty)}{constant.Expression});",
            _ => FieldCode.WriteHead(field, run, offset, constant.Expression),
        };
    }

    /// <summary>The <c>WireSize</c> check of a closed enum member (it must hold a name), as a statement; else null.</summary>
    /// <param name="field">The field.</param>
    /// <param name="member">The value to check: the field's member unless told (a conditional member's present value).</param>
    public static string? EncodeCheck(FieldModel field, string? member = null)
    {
        member ??= "this." + field.Name;
        if (!LayoutPlan.ChecksOnEncode(field))
        {
            return null;
        }

        if (field.Kind == FieldKind.PrimitiveArray)
        {
            return $"{EnumTable(field.Enum!)}.CheckNamed({member}{(field.Shape == SequenceShape.ImmutableArray ? ".AsSpan()" : string.Empty)}, {FieldCode.Quoted(field)});";
        }

        return $"if (!{EnumTable(field.Enum!)}.IsNamed({member})) throw {RuntimeNames.WireConstants}.UnnamedValue({FieldCode.Quoted(field)}, {member}, \"{field.Enum!.Name}\");";
    }

    /// <summary>The view's <c>Check</c> of a fixed value or closed enum at <paramref name="at"/> in <c>bytes</c>.</summary>
    public static void WriteViewCheck(SourceWriter writer, FieldModel field, string at)
    {
        if (Condition(field, ReadAt(field, "bytes", at)) is not { } refused)
        {
            return;
        }

        writer.Open($"if ({refused})");
        writer.Line("return -1;");
        writer.Close();
        writer.Line();
    }

    /// <summary>The view's <c>Check</c> of the magic at the start of a run that starts at <c>at</c>.</summary>
    public static void WriteViewMagic(SourceWriter writer, RunPlan run)
    {
        if (run.Magic == 0)
        {
            return;
        }

        writer.Open($"if (!{Memory}SequenceEqual(bytes.Slice(at, {Int(run.Magic)}), WireMagic))");
        writer.Line("return -1;");
        writer.Close();
        writer.Line();
    }

    /// <summary>
    /// A fixed field's JSON read: optional, the constant when absent; a value that is not the constant is an error naming
    /// the field, as the wire refuses it (a derived value is never silently replaced).
    /// </summary>
    public static string JsonRead(FieldModel field, string read) => field.Fixed is { } constant
        ? $"element.TryGetProperty({FieldCode.Quoted(field)}, out _) ? {RuntimeNames.WireJson}.Fixed({read}, {TypedConstant(field, constant)}, {FieldCode.Quoted(field)}, \"{constant.Display}\") : {TypedConstant(field, constant)}"
        : read;

    /// <summary>What a field's JSON write writes: the constant for a fixed field (what its frame holds), else <paramref name="member"/>.</summary>
    public static string JsonValue(FieldModel field, string member) => field.Fixed is { } constant ? TypedConstant(field, constant) : member;

    // The constant as a value of the member's type (an integer literal is an int otherwise).
    private static string TypedConstant(FieldModel field, FixedValue constant) =>
        (field.Kind == FieldKind.Primitive && field.Primitive != PrimitiveType.Boolean ? $"({FieldCode.PrimitiveKeyword(field.Primitive)})" : string.Empty) + constant.Expression;

    /// <summary>The magic's layout row, at offset 0: <c>magic</c>, its bytes in hex.</summary>
    public static void AddMagicRow(List<FieldLayout> rows, StructModel model)
    {
        if (model.Magic.Count > 0)
        {
            rows.Add(new FieldLayout(0, model.Magic.Count, "magic", "bytes = " + string.Concat(model.Magic.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)))));
        }
    }

    /// <summary>What a layout row adds to a field's wire type: <c> = 4</c> for a fixed value, <c>, closed</c> for a closed enum.</summary>
    public static string LayoutSuffix(FieldModel field) => field.Fixed is { } constant
        ? " = " + constant.Display
        : field.Kind == FieldKind.Enum && field.Enum?.Closed is not null ? ", closed" : string.Empty;

    /// <summary>Writes a closed enum's <c>IsNamed</c> into its name table: one range compare, a flags mask, or the names.</summary>
    public static void WriteIsNamed(SourceWriter writer, EnumModel model)
    {
        if (model.Closed is not { } closed)
        {
            return;
        }

        var self = model.FullyQualifiedName;
        var test = closed switch
        {
            { IsFlags: true } => $"((ulong)value & ~{closed.FlagsMask}) == 0",
            { RangeMin: { } min, RangeMax: { } max } => min == max ? $"value == {self}.{min}" : $"value is >= {self}.{min} and <= {self}.{max}",
            _ => "value is " + string.Join(" or ", model.Members.Select(m => m.Value).Distinct().Select(v => self + "." + model.Members.First(m => m.Value == v).Name)),
        };

        writer.Line($"/// <summary>Whether <paramref name=\"value\"/> is {(closed.IsFlags ? "a combination of named bits" : "named")}: {model.Name} is closed, so the wire carries no other value.</summary>");
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        writer.Line($"public static bool IsNamed({self} value) => {(model.Members.Count == 0 ? "false" : test)};");
        writer.Line();
        writer.Line("/// <summary>The index of the first value that is not named, or -1 when all are.</summary>");
        writer.Open($"public static int FirstUnnamed(global::System.ReadOnlySpan<{self}> values)");
        writer.Open("for (var i = 0; i < values.Length; i++)");
        writer.Open("if (!IsNamed(values[i]))");
        writer.Line("return i;");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("return -1;");
        writer.Close();
        writer.Line();
        writer.Line($"/// <summary>Throws <see cref=\"{RuntimeNames.WireEncodeException}\"/> naming <paramref name=\"field\"/> when a value is not named.</summary>");
        writer.Open($"public static void CheckNamed(global::System.ReadOnlySpan<{self}> values, string field)");
        writer.Line("var bad = FirstUnnamed(values);");
        writer.Open("if (bad >= 0)");
        writer.Line($"throw {RuntimeNames.WireConstants}.UnnamedValue(field + \"[\" + bad.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\", values[bad], \"{model.Name}\");");
        writer.Close();
        writer.Close();
        writer.Line();
    }

    /// <summary>The generated name table of <paramref name="model"/>, fully qualified.</summary>
    public static string EnumTable(EnumModel model) => "global::" + (model.Namespace is { } ns ? ns + "." : string.Empty) + model.HelperName;

    // The condition under which a field's value is refused, with the value read into `value`; null when any value is valid.
    private static string? Condition(FieldModel field, string value)
    {
        if (field.Fixed is { } constant)
        {
            return field.Primitive == PrimitiveType.Boolean
                ? (constant.Expression == "true" ? "!" + value : value)
                : $"{value} != {constant.Expression}";
        }

        return LayoutPlan.ChecksValue(field) ? $"!{EnumTable(field.Enum!)}.IsNamed({value})" : null;
    }

    // A field's value read from `span` at the expression `at`: for the view's Check, which has no locals.
    private static string ReadAt(FieldModel field, string span, string at)
    {
        var read = field.Primitive switch
        {
            PrimitiveType.Byte => $"{span}[{at}]",
            PrimitiveType.SByte => $"(sbyte){span}[{at}]",
            PrimitiveType.Boolean => $"({span}[{at}] == 1)",
            _ => $"{Binary}Read{field.Primitive}{(field.BigEndian ? "BigEndian" : "LittleEndian")}({span}.Slice({at}))",
        };

        return field.Enum is not null ? $"({field.Enum.FullyQualifiedName}){read}" : read;
    }

    private static string Hex(byte value) => "0x" + value.ToString("X2", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
