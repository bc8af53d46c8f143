using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProtocolGen.Generator.Emitting.Fields;
using ProtocolGen.Generator.Model;
using ProtocolGen.Generator.Parsing;

namespace ProtocolGen.Generator.Emitting;

/// <summary>
/// Writes a packet's or wire structure's <c>View</c>: a <c>ref struct</c> over its bytes that reads each field where
/// it lies, when asked, and allocates nothing. Offsets and runs come from the record's <see cref="LayoutPlan"/>. The
/// bytes are checked once, by <c>Check</c>, with the record decoder's rules (lengths, booleans, UTF-8): one length
/// check per fixed run, then each tail once. Accessors then read at constant offsets, or at a run start the view
/// worked out when it was made (runs after a variable-length field or a conditional member, whose accessor is
/// <c>TryGetX</c>: <see cref="ConditionViewCode"/>). A bad structure's error (kind and offset) is the record decoder's
/// own, asked for only then. Structures also get a <c>ViewArray</c> that enumerates element views.
/// </summary>
internal static class ViewEmitter
{
    private const string Span = "global::System.ReadOnlySpan<byte>";
    private const string Primitives = "global::System.Buffers.Binary.BinaryPrimitives.";
    private const string Hidden = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    public static string Emit(StructModel model) => TypeScaffold.Emit(
        model.Declaration,
        baseList: string.Empty,
        writeDocs: static _ => { },
        writeMembers: writer =>
        {
            var layout = ViewLayout.Of(model);
            WriteView(writer, model, layout);
            writer.Line();
            WriteViewArray(writer, model, layout);
        },
        markGenerated: false);

    private static void WriteView(SourceWriter writer, StructModel model, ViewLayout layout)
    {
        var self = model.Declaration.FullyQualifiedName;
        writer.Line($"/// <summary>");
        writer.Line($"/// A <see cref=\"{self}\"/> read in place from its bytes: each field is read when asked for, nothing is");
        writer.Line("/// allocated. A view that <c>TryCreate</c>, <c>Create</c> or a union's view reader made has valid fields (the");
        writer.Line("/// bytes were checked once, with the record decoder's rules); it lives only as long as its bytes.");
        writer.Line("/// </summary>");
        writer.Line(TypeScaffold.GeneratedCodeAttribute);
        writer.Open("public readonly ref struct View");
        writer.Line($"private readonly {Span} _bytes;");
        foreach (var run in layout.Runs.Where(static r => r.Field is not null))
        {
            writer.Line($"private readonly int {run.Field};");
        }

        writer.Line();
        WriteConstructor(writer, layout);
        writer.Line();
        writer.Line("/// <summary>The bytes the view reads: the structure's fields, then whatever follows them in the frame.</summary>");
        writer.Line($"public {Span} WireBytes => _bytes;");
        writer.Line();
        writer.Line("/// <summary>How many bytes the fields take.</summary>");
        writer.Line($"public int WireLength => {layout.EndExpression()};");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The size of every value when the structure is fixed-size and its bytes need no check beyond their length");
        writer.Line("/// (so an array of it is checked by its length alone); -1 otherwise.");
        writer.Line("/// </summary>");
        writer.Line(Hidden);
        writer.Line($"public static int PlainSize => {layout.PlainSize.ToString(CultureInfo.InvariantCulture)};");
        foreach (var field in layout.Fields)
        {
            writer.Line();
            WriteAccessor(writer, field);
        }

        writer.Line();
        WriteFactories(writer, model);
        writer.Line();
        WriteCheck(writer, model, layout);
        writer.Close();
    }

    private static void WriteConstructor(SourceWriter writer, ViewLayout layout)
    {
        writer.Line("/// <summary>A view over <paramref name=\"bytes\"/>, which <see cref=\"Check\"/> must have accepted (for generated code).</summary>");
        writer.Line(Hidden);
        if (layout.Runs.All(static r => r.Field is null))
        {
            writer.Line($"public View({Span} bytes) => _bytes = bytes;");
            return;
        }

        writer.Open($"public View({Span} bytes)");
        writer.Line("_bytes = bytes;");
        writer.Line("// A run after a variable-length field starts where that field ends, worked out once here.");
        foreach (var run in layout.Runs.Where(static r => r.Field is not null))
        {
            var before = run.After!;
            writer.Line($"{run.Field} = {before.At} + {before.VariableLength(before.At)};");
        }

        writer.Close();
    }

    private static void WriteAccessor(SourceWriter writer, ViewField view)
    {
        var field = view.Field;
        var at = view.At;
        var tail = view.Run.Offset(view.Plan.RunOffset + field.Prefix);
        var summary = $"/// <summary>{Xml(field.Name)} (<c>{field.WireName}</c>)";
        if (field.LengthFrom is not null)
        {
            LengthViewCode.WriteAccessor(writer, view, summary);
            return;
        }

        if (field.Condition is not null)
        {
            ConditionViewCode.WriteAccessor(writer, view, summary);
            return;
        }

        switch (view.Shape)
        {
            case ViewShape.Primitive:
                writer.Line(summary + ".</summary>");
                writer.Line($"public {field.TypeName} {field.Name} => {ReadPrimitive(field, at)};");
                break;
            case ViewShape.Address:
                writer.Line(summary + ".</summary>");
                writer.Line($"public {field.TypeName} {field.Name} => new {field.TypeName}(_bytes.Slice({at}, {Int(view.Plan.HeadSize!.Value)}));");
                break;
            case ViewShape.FixedBytes:
                writer.Line(summary + ", its bytes.</summary>");
                writer.Line($"public {Span} {field.Name} => _bytes.Slice({at}, {Int(field.Length)});");
                break;
            case ViewShape.FixedText:
                Fields.FixedTextCode.WriteViewAccessor(writer, field, summary, at);
                break;
            case ViewShape.Converted:
                Fields.ConverterCode.WriteViewAccessor(writer, field, summary, at);
                break;
            case ViewShape.TerminatedText:
                Fields.TerminatedTextCode.WriteViewAccessor(writer, field, summary, at);
                break;
            case ViewShape.NestedView:
                writer.Line(summary + ", as a view.</summary>");
                writer.Line($"public {field.ElementTypeName}.View {field.Name} => new {field.ElementTypeName}.View(_bytes.Slice({at}));");
                break;
            case ViewShape.NestedValue:
                writer.Line(summary + ", read when asked for.</summary>");
                writer.Line($"public {field.TypeName} {field.Name} => {RuntimeNames.ViewReads}.ReadStruct<{field.ElementTypeName}>(_bytes.Slice({at}));");
                break;
            case ViewShape.PrefixedBytes:
                writer.Line(summary + ", its bytes.</summary>");
                writer.Line($"public {Span} {field.Name} => _bytes.Slice({tail}, {ReadPrefix(field, at)});");
                break;
            case ViewShape.RestBytes:
                writer.Line(summary + ", its bytes (to the end of the frame).</summary>");
                writer.Line($"public {Span} {field.Name} => _bytes.Slice({at});");
                break;
            case ViewShape.PrefixedText:
            case ViewShape.RestText:
                var bytes = view.Shape == ViewShape.PrefixedText
                    ? $"_bytes.Slice({tail}, {ReadPrefix(field, at)})"
                    : $"_bytes.Slice({at})";
                WriteTextAccessors(writer, field, summary + ", as its UTF-8 bytes (checked valid).</summary>", bytes);
                break;
            case ViewShape.ViewArray:
                writer.Line(summary + ", its elements as views.</summary>");
                writer.Line($"public {field.ElementTypeName}.ViewArray {field.Name} => new {field.ElementTypeName}.ViewArray(_bytes.Slice({tail}), {ReadPrefix(field, at)});");
                break;
            case ViewShape.ValueArray:
                writer.Line(summary + ", its elements read one at a time.</summary>");
                writer.Line($"public {RuntimeNames.StructArrayView}<{field.ElementTypeName}> {field.Name} => new {RuntimeNames.StructArrayView}<{field.ElementTypeName}>(_bytes.Slice({tail}), {ReadPrefix(field, at)});");
                break;
            case ViewShape.PrimitiveArray:
                writer.Line(summary + ", its elements read in place.</summary>");
                writer.Line($"public {RuntimeNames.PrimitiveArrayView}<{field.ElementTypeName}> {field.Name} => new {RuntimeNames.PrimitiveArrayView}<{field.ElementTypeName}>("
                    + $"_bytes.Slice({tail}, {ReadPrefix(field, at)} * {Int(LayoutPlan.PrimitiveSize(field.Primitive))}), bigEndian: {Bool(field.BigEndian)});");
                break;
        }
    }

    private static void WriteFactories(SourceWriter writer, StructModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        var type = model.Packet is { PacketType: <= byte.MaxValue } packet ? packet.PacketType.ToString(CultureInfo.InvariantCulture) : "null";
        var name = model.Packet is { } named ? "\"" + named.Name + "\"" : "null";
        writer.Line("/// <summary>Checks <paramref name=\"bytes\"/> and makes a view over them, or says what is wrong with them.</summary>");
        writer.Open($"public static bool TryCreate({Span} bytes, out View view, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out {RuntimeNames.ProtocolError}? error)");
        writer.Line($"var check = {RuntimeNames.ViewReads}.Outcome<{self}>(bytes, Check(bytes, 0));");
        writer.Open("if (check.Fault is { } fault)");
        writer.Line("view = default;");
        writer.Line($"error = new {RuntimeNames.ProtocolError}(fault, 0, {type}, {name}, null, check.End);");
        writer.Line("return false;");
        writer.Close();
        writer.Line();
        writer.Line("view = new View(bytes);");
        writer.Line("error = null;");
        writer.Line("return true;");
        writer.Close();
        writer.Line();
        writer.Line($"/// <summary>Checks <paramref name=\"bytes\"/> and makes a view over them, or throws <see cref=\"{RuntimeNames.ProtocolException}\"/>.</summary>");
        writer.Line($"public static View Create({Span} bytes) => TryCreate(bytes, out var view, out var error) ? view : throw new {RuntimeNames.ProtocolException}(error);");
        writer.Line();
        writer.Line($"/// <summary>Decodes the record, with its own copies of the bytes and text.</summary>");
        writer.Line($"public {self} ToRecord() => {RuntimeNames.WireCodec}.Read<{self}>(_bytes);");
    }

    private static void WriteCheck(SourceWriter writer, StructModel model, ViewLayout layout)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Checks the fields that start at <paramref name=\"at\"/> by the record decoder's rules: where they end, or -1");
        writer.Line("/// when they are not valid (the record decoder then says why). For generated code.");
        writer.Line("/// </summary>");
        writer.Line(Hidden);
        writer.Open($"public static int Check({Span} bytes, int at)");
        var points = Fields.ChecksumCode.ViewPoints(writer, model);
        LengthViewCode.WriteCheckStart(writer, layout);
        foreach (var run in layout.Runs)
        {
            points?.RunStart(model.Layout, run.Plan, "at");
            run.WriteCheck(writer, layout);
            Fields.ChecksumCode.WriteViewVerify(writer, model, points, run.Plan);
        }

        writer.Line("return at;");
        writer.Close();
    }

    private static void WriteViewArray(SourceWriter writer, StructModel model, ViewLayout layout)
    {
        var self = model.Declaration.FullyQualifiedName;
        var fixedSize = layout.FixedSize;
        writer.Line($"/// <summary>Checked <see cref=\"{self}\"/> elements read in place, enumerated as views without allocating.</summary>");
        writer.Line(TypeScaffold.GeneratedCodeAttribute);
        writer.Open("public readonly ref struct ViewArray");
        writer.Line($"private readonly {Span} _bytes;");
        writer.Line();
        writer.Line("/// <summary>The <paramref name=\"count\"/> checked elements that start <paramref name=\"bytes\"/> (for generated code).</summary>");
        writer.Line(Hidden);
        writer.Open($"public ViewArray({Span} bytes, int count)");
        writer.Line("_bytes = bytes;");
        writer.Line("Count = count;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>How many elements there are.</summary>");
        writer.Line("public int Count { get; }");
        writer.Line();
        writer.Line("/// <summary>How many bytes the elements take.</summary>");
        if (fixedSize is { } size)
        {
            writer.Line($"public int WireLength => Count * {Int(size)};");
            writer.Line();
            writer.Line("/// <summary>The element at <paramref name=\"index\"/>.</summary>");
            writer.Open("public View this[int index]");
            writer.Open("get");
            writer.Open("if ((uint)index >= (uint)Count)");
            writer.Line("throw new global::System.ArgumentOutOfRangeException(nameof(index));");
            writer.Close();
            writer.Line();
            writer.Line($"return new View(_bytes.Slice(index * {Int(size)}));");
            writer.Close();
            writer.Close();
        }
        else
        {
            writer.Open("public int WireLength");
            writer.Open("get");
            writer.Line("var at = 0;");
            writer.Open("for (var i = 0; i < Count; i++)");
            writer.Line("at += new View(_bytes.Slice(at)).WireLength;");
            writer.Close();
            writer.Line();
            writer.Line("return at;");
            writer.Close();
            writer.Close();
        }

        writer.Line();
        writer.Line("/// <summary>Enumerates the elements in wire order.</summary>");
        writer.Line("public Enumerator GetEnumerator() => new Enumerator(_bytes, Count);");
        writer.Line();
        writer.Line("/// <summary>Walks a <see cref=\"ViewArray\"/>.</summary>");
        writer.Open("public ref struct Enumerator");
        writer.Line($"private readonly {Span} _bytes;");
        writer.Line("private int _left;");
        writer.Line("private int _next;");
        writer.Line();
        writer.Open($"internal Enumerator({Span} bytes, int count)");
        writer.Line("_bytes = bytes;");
        writer.Line("_left = count;");
        writer.Line("_next = 0;");
        writer.Line("Current = default;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The current element.</summary>");
        writer.Line("public View Current { get; private set; }");
        writer.Line();
        writer.Line("/// <summary>Moves to the next element; false after the last.</summary>");
        writer.Open("public bool MoveNext()");
        writer.Open("if (_left == 0)");
        writer.Line("return false;");
        writer.Close();
        writer.Line();
        writer.Line("_left--;");
        writer.Line("Current = new View(_bytes.Slice(_next));");
        writer.Line(fixedSize is { } step ? $"_next += {Int(step)};" : "_next += Current.WireLength;");
        writer.Line("return true;");
        writer.Close();
        writer.Close();
        writer.Close();
    }

    /// <summary>
    /// A text member's two accessors, whatever its kind: <c>NameUtf8</c>, its bytes (<paramref name="utf8"/>, an
    /// expression over <c>_bytes</c>), and <c>GetName()</c>, which makes the string.
    /// </summary>
    internal static void WriteTextAccessors(SourceWriter writer, FieldModel field, string summaryLine, string utf8)
    {
        writer.Line(summaryLine);
        writer.Line($"public {Span} {field.Name}Utf8 => {utf8};");
        writer.Line();
        writer.Line($"/// <summary>Makes the string of <see cref=\"{field.Name}Utf8\"/>.</summary>");
        writer.Line($"public string Get{field.Name}() => global::System.Text.Encoding.UTF8.GetString({field.Name}Utf8);");
    }

    /// <summary>The read of a primitive (or bit-field) member at <paramref name="at"/> in <paramref name="bytes"/>: the view's own, or <c>Check</c>'s parameter.</summary>
    internal static string ReadPrimitive(FieldModel field, string at, string bytes = "_bytes")
    {
        if (field.Bits is not null)
        {
            return Fields.BitsCode.ViewRead(field, at, bytes);
        }

        var size = LayoutPlan.PrimitiveSize(field.Primitive);
        var read = field.Primitive switch
        {
            PrimitiveType.Byte => $"{bytes}[{at}]",
            PrimitiveType.SByte => $"unchecked((sbyte){bytes}[{at}])",
            PrimitiveType.Boolean => $"{bytes}[{at}] != 0",
            _ => $"{Primitives}Read{field.Primitive}{(field.BigEndian ? "BigEndian" : "LittleEndian")}({bytes}.Slice({at}, {Int(size)}))",
        };
        return field.Kind == FieldKind.Enum ? $"({field.TypeName}){(field.Primitive == PrimitiveType.Boolean ? "(" + read + ")" : read)}" : read;
    }

    internal static string ReadPrefix(FieldModel field, string at, string bytes = "_bytes") => field.FixedCount > 0
        ? Int(field.FixedCount)
        : $"{RuntimeNames.ViewReads}.ReadPrefix({bytes}, {at}, {Width(field)}, {Bool(field.BigEndian)})";

    internal static string Width(FieldModel field) => RuntimeNames.PrefixWidth + ".U" + Int(field.Prefix * 8);

    internal static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Bool(bool value) => value ? "true" : "false";

    private static string Xml(string name) => $"<c>{name}</c>";
}

/// <summary>How a view reads one field.</summary>
internal enum ViewShape
{
    Primitive,
    Address,
    FixedBytes,
    FixedText,
    TerminatedText,
    NestedView,
    NestedValue,
    PrefixedBytes,
    PrefixedText,
    RestBytes,
    RestText,
    ViewArray,
    ValueArray,
    PrimitiveArray,
    Converted,
}

/// <summary>A field as a view reads it: its place from the layout plan, and how it is read.</summary>
internal sealed class ViewField
{

    public ViewField(FieldPlan plan, ViewShape shape, ViewRun run)
    {
        Plan = plan;
        Shape = shape;
        Run = run;
    }

    public FieldPlan Plan { get; }

    public FieldModel Field => Plan.Field;

    public ViewShape Shape { get; }

    public ViewRun Run { get; }

    /// <summary>The offset expression the field starts at.</summary>
    public string At => Run.Offset(Plan.RunOffset);

    /// <summary>For a member whose length an earlier field holds, that length (or count) as an expression; else null.</summary>
    public string? Measure { get; set; }

    /// <summary>For a conditional member, whether it is on the wire, as an expression over the view's bytes; else null.</summary>
    public string? Presence { get; set; }

    /// <summary>For a conditional member, whether it is on the wire, in <c>Check</c> (over its selector's captured value); else null.</summary>
    public string? CheckedPresence { get; set; }

    /// <summary>Whether a conditional member's condition reads this field, so <c>Check</c> keeps its value.</summary>
    public bool IsSelector { get; set; }

    /// <summary>The field's whole size (head and tail), with the field starting at <paramref name="at"/>.</summary>
    public string VariableLength(string at)
    {
        if (Measure is not null)
        {
            return LengthViewCode.VariableLength(this);
        }

        if (Presence is not null)
        {
            return ConditionViewCode.VariableLength(this, at);
        }

        var field = Field;
        var prefix = ViewEmitter.Int(field.Prefix);
        var count = ViewEmitter.ReadPrefix(field, at);
        return Shape switch
        {
            ViewShape.PrefixedBytes or ViewShape.PrefixedText => $"{prefix} + {count}",
            ViewShape.RestBytes or ViewShape.RestText => $"(_bytes.Length - {at})",
            ViewShape.TerminatedText => Fields.TerminatedTextCode.ViewLength(at),
            ViewShape.NestedView => $"new {field.ElementTypeName}.View(_bytes.Slice({at})).WireLength",
            ViewShape.NestedValue => $"{RuntimeNames.ViewReads}.StructLength<{field.ElementTypeName}>(_bytes.Slice({at}))",
            ViewShape.ViewArray => $"{prefix} + new {field.ElementTypeName}.ViewArray(_bytes.Slice({at} + {prefix}), {count}).WireLength",
            ViewShape.ValueArray => $"{prefix} + new {RuntimeNames.StructArrayView}<{field.ElementTypeName}>(_bytes.Slice({at} + {prefix}), {count}).Length",
            ViewShape.PrimitiveArray => $"{prefix} + {count} * {ViewEmitter.Int(LayoutPlan.PrimitiveSize(field.Primitive))}",
            _ => ViewEmitter.Int(Plan.HeadSize!.Value),
        };
    }
}

/// <summary>
/// One of the plan's fixed runs as a view sees it: where it starts (a constant, or a field of the view worked out
/// when the view is made), its fields, and how its bytes are checked.
/// </summary>
internal sealed class ViewRun
{

    public ViewRun(RunPlan plan, ViewField? after)
    {
        Plan = plan;
        After = plan.Offset is null ? after : null;
        Field = plan.Offset is null ? "_run" + ViewEmitter.Int(plan.Index) : null;
    }

    public RunPlan Plan { get; }

    public List<ViewField> Fields { get; } = new();

    /// <summary>The view's field that holds this run's start; null when the start is the constant <see cref="RunPlan.Offset"/>.</summary>
    public string? Field { get; }

    /// <summary>The variable-length field that ends just before this run, when the run's start is not constant.</summary>
    public ViewField? After { get; }

    public string Offset(int offset) => Field is null
        ? ViewEmitter.Int(Plan.Offset!.Value + offset)
        : offset == 0 ? Field : $"{Field} + {ViewEmitter.Int(offset)}";

    public void WriteCheck(SourceWriter writer, ViewLayout layout)
    {
        var names = ConstantCode.DescribeRun(Plan, Fields.Count switch
        {
            0 => null,
            1 => Fields[0].Field.WireName,
            _ => $"{Fields[0].Field.WireName} to {Fields[Fields.Count - 1].Field.WireName}",
        });
        var length = ViewEmitter.Int(Plan.Length);
        if (Plan.Length > 0)
        {
            writer.Line($"// {names}: {length} byte{(Plan.Length == 1 ? string.Empty : "s")}, one length check, then constant offsets.");
            writer.Open($"if (bytes.Length - at < {length})");
            writer.Line("return -1;");
            writer.Close();
            writer.Line();
            ConstantCode.WriteViewMagic(writer, Plan);
            foreach (var field in Fields.Where(static f => f.Field.Padding is { IsChecked: true }))
            {
                PaddingCode.WriteViewCheck(writer, field.Plan);
            }

            foreach (var field in Fields.Where(static f => (f.Plan.HeadSize is > 0 || f.Field.Bits is not null) && !f.Plan.HasTail))
            {
                var at = field.Plan.RunOffset == 0 ? "at" : $"at + {ViewEmitter.Int(field.Plan.RunOffset)}";
                LengthViewCode.WriteCheckSource(writer, field, at);
                ConditionViewCode.WriteCheckSelector(writer, field, at);
                if (field.Field.Bits is not null)
                {
                    BitsCode.WriteViewCheck(writer, field.Field, at);
                    continue;
                }

                CountsCode.WriteViewCheck(writer, field.Field, at);
                ConverterCode.WriteViewCheck(writer, field.Field, at);
                ConstantCode.WriteViewCheck(writer, field.Field, at);
                if (field.Shape == ViewShape.FixedText)
                {
                    FixedTextCode.WriteViewCheck(writer, field.Field, at);
                }
                else if (field.Shape == ViewShape.Primitive && field.Field.Primitive == PrimitiveType.Boolean)
                {
                    writer.Open($"if (bytes[{at}] > 1)");
                    writer.Line("return -1;");
                    writer.Close();
                    writer.Line();
                }
                else if (field.Shape == ViewShape.NestedView)
                {
                    writer.Open($"if ({field.Field.ElementTypeName}.View.Check(bytes, {at}) < 0)");
                    writer.Line("return -1;");
                    writer.Close();
                    writer.Line();
                }
            }

            writer.Line($"at += {length};");
        }

        if (Fields.Count > 0 && Fields[Fields.Count - 1].Plan.HasTail)
        {
            if (Fields[Fields.Count - 1].Field.LengthFrom is not null)
            {
                LengthViewCode.WriteCheck(writer, layout, Fields[Fields.Count - 1]);
                return;
            }

            if (Fields[Fields.Count - 1].Field.Condition is not null)
            {
                ConditionViewCode.WriteCheck(writer, Fields[Fields.Count - 1]);
                return;
            }

            WriteTail(writer, Fields[Fields.Count - 1]);
        }
    }

    // The tail of the run's last field: its head (a prefix, if any) is the run's last bytes, just before at.
    private static void WriteTail(SourceWriter writer, ViewField view)
    {
        var field = view.Field;
        var local = NameConventions.ToLocalName(field.Name).TrimStart('@');
        var prefixAt = $"at - {ViewEmitter.Int(field.Prefix)}";
        switch (view.Shape)
        {
            case ViewShape.PrefixedBytes or ViewShape.PrefixedText:
                writer.Line($"// {field.WireName}: that many bytes{(view.Shape == ViewShape.PrefixedText ? " of UTF-8" : string.Empty)}.");
                WriteCount(writer, field, local + "Length", prefixAt, "1");
                if (view.Shape == ViewShape.PrefixedText)
                {
                    WriteUtf8(writer, $"{local}Length");
                }

                writer.Line($"at += {local}Length;");
                break;
            case ViewShape.RestBytes:
                writer.Line($"// {field.WireName}: the bytes to the end of the frame.");
                writer.Line("at = bytes.Length;");
                break;
            case ViewShape.TerminatedText:
                TerminatedTextCode.WriteViewCheck(writer, field, local + "Length");
                break;
            case ViewShape.RestText:
                writer.Line($"// {field.WireName}: UTF-8 to the end of the frame.");
                WriteUtf8(writer, "bytes.Length - at");
                writer.Line("at = bytes.Length;");
                break;
            case ViewShape.NestedView:
                writer.Line($"// {field.WireName}: a structure of varying size, checked by its own view.");
                writer.Line($"at = {field.ElementTypeName}.View.Check(bytes, at);");
                writer.Open("if (at < 0)");
                writer.Line("return -1;");
                writer.Close();
                writer.Line();
                break;
            case ViewShape.NestedValue:
                writer.Line($"// {field.WireName}: a structure read as a value (hand-written, or holding a wire union), checked by reading it.");
                writer.Line($"at = {RuntimeNames.ViewReads}.CheckStruct<{field.ElementTypeName}>(bytes, at);");
                writer.Open("if (at < 0)");
                writer.Line("return -1;");
                writer.Close();
                writer.Line();
                break;
            case ViewShape.ViewArray:
                writer.Line($"// {field.WireName}: that many structures; plain ones by their length alone, others each by its view.");
                WriteCount(writer, field, local + "Count", prefixAt, $"{RuntimeNames.WireLength}.MinOf<{field.ElementTypeName}>()");
                writer.Open($"if ({field.ElementTypeName}.View.PlainSize >= 0)");
                writer.Line($"at += {local}Count * {field.ElementTypeName}.View.PlainSize;");
                writer.Close();
                writer.Open("else");
                writer.Open($"for (var i = 0; i < {local}Count && at >= 0; i++)");
                writer.Line($"at = {field.ElementTypeName}.View.Check(bytes, at);");
                writer.Close();
                writer.Line();
                writer.Open("if (at < 0)");
                writer.Line("return -1;");
                writer.Close();
                writer.Close();
                writer.Line();
                break;
            case ViewShape.ValueArray:
                writer.Line($"// {field.WireName}: that many hand-written structures, each checked by reading it.");
                WriteCount(writer, field, local + "Count", prefixAt, $"{RuntimeNames.WireLength}.MinOf<{field.ElementTypeName}>()");
                writer.Open($"for (var i = 0; i < {local}Count && at >= 0; i++)");
                writer.Line($"at = {RuntimeNames.ViewReads}.CheckStruct<{field.ElementTypeName}>(bytes, at);");
                writer.Close();
                writer.Line();
                writer.Open("if (at < 0)");
                writer.Line("return -1;");
                writer.Close();
                writer.Line();
                break;
            case ViewShape.PrimitiveArray:
                var size = ViewEmitter.Int(LayoutPlan.PrimitiveSize(field.Primitive));
                writer.Line($"// {field.WireName}: that many {size}-byte values.");
                WriteCount(writer, field, local + "Count", prefixAt, size);
                if (field.Primitive == PrimitiveType.Boolean)
                {
                    writer.Open($"if (!{RuntimeNames.ViewReads}.AreBooleans(bytes.Slice(at, {local}Count)))");
                    writer.Line("return -1;");
                    writer.Close();
                    writer.Line();
                }

                ConstantCode.WriteViewElementsCheck(writer, field, local + "Count");

                writer.Line($"at += {local}Count * {size};");
                break;
        }
    }

    private static void WriteCount(SourceWriter writer, FieldModel field, string local, string prefixAt, string elementSize)
    {
        if (field.FixedCount > 0)
        {
            CountsCode.WriteViewCount(writer, field, local, elementSize);
            return;
        }

        writer.Line($"var {local} = {RuntimeNames.ViewReads}.CheckedCount(bytes, {prefixAt}, {ViewEmitter.Width(field)}, {ViewEmitter.Bool(field.BigEndian)}, {elementSize});");
        writer.Open($"if ({local} < 0)");
        writer.Line("return -1;");
        writer.Close();
        writer.Line();
    }

    private static void WriteUtf8(SourceWriter writer, string length)
    {
        writer.Open($"if (!{RuntimeNames.ViewReads}.IsUtf8(bytes.Slice(at, {length})))");
        writer.Line("return -1;");
        writer.Close();
        writer.Line();
    }
}

/// <summary>
/// Where a view finds each field: the record's <see cref="LayoutPlan"/> (offsets, runs, heads and tails), plus what
/// only views need: which nested structures have views of their own.
/// </summary>
internal sealed class ViewLayout
{
    private const string AddressPrefix = RuntimeNames.RootNamespace + ".Ipv";

    private ViewLayout(List<ViewField> fields, List<ViewRun> runs, LayoutPlan plan)
    {
        Fields = fields;
        Runs = runs;
        FixedSize = plan.IsConstantSize ? plan.ConstantMinSize : null;
        PlainSize = FixedSize is { } size && plan.MagicLength == 0 && fields.All(static f => IsPlain(f)) ? size : -1;
    }

    public List<ViewField> Fields { get; }

    public List<ViewRun> Runs { get; }

    /// <summary>The structure's size when the plan says it is constant; else null.</summary>
    public int? FixedSize { get; }

    /// <summary>The size when constant and checked by length alone (no booleans, no nested checks); else -1.</summary>
    public int PlainSize { get; }

    /// <summary>Where the fields end, as an expression.</summary>
    public string EndExpression()
    {
        if (FixedSize is { } size)
        {
            return ViewEmitter.Int(size);
        }

        var last = Fields[Fields.Count - 1];
        return last.Plan.HasTail
            ? $"{last.At} + {last.VariableLength(last.At)}"
            : last.Run.Offset(last.Run.Plan.Length);
    }

    public static ViewLayout Of(StructModel model)
    {
        var plan = model.Layout;
        var fields = new List<ViewField>();
        var runs = new List<ViewRun>();
        ViewField? previous = null;
        foreach (var runPlan in plan.Runs)
        {
            var run = new ViewRun(runPlan, previous);
            runs.Add(run);
            for (var i = runPlan.FirstField; i < runPlan.FirstField + runPlan.FieldCount; i++)
            {
                var field = new ViewField(plan.Fields[i], Classify(plan.Fields[i].Field), run);
                run.Fields.Add(field);
                fields.Add(field);
                previous = field;
            }
        }

        var layout = new ViewLayout(fields, runs, plan);
        foreach (var field in fields.Where(static f => f.Field.LengthFrom is not null))
        {
            field.Measure = LengthViewCode.Measure(layout, field);
        }

        foreach (var field in fields)
        {
            field.IsSelector = ConditionCode.NeedsLocal(model, field.Field);
            if (field.Field.Condition is not null)
            {
                field.Presence = ConditionViewCode.Presence(model, layout, field);
                field.CheckedPresence = ConditionViewCode.CheckedPresence(model, field);
            }
        }

        return layout;
    }

    private static bool IsPlain(ViewField field) => field.Field.Padding is not { IsChecked: true } && field.Shape switch
    {
        ViewShape.Primitive => !LayoutPlan.RefusesBytes(field.Field),
        ViewShape.Address or ViewShape.FixedBytes => true,
        _ => false,
    };

    private static ViewShape Classify(FieldModel field) => field.Kind switch
    {
        _ when field.Converter is not null => ViewShape.Converted,
        FieldKind.Primitive or FieldKind.Enum => ViewShape.Primitive,
        FieldKind.FixedBytes => ViewShape.FixedBytes,
        FieldKind.FixedString => ViewShape.FixedText,
        FieldKind.TerminatedString => ViewShape.TerminatedText,
        FieldKind.PrefixedBytes => ViewShape.PrefixedBytes,
        FieldKind.PrefixedString => ViewShape.PrefixedText,
        FieldKind.RestBytes => ViewShape.RestBytes,
        FieldKind.RestString => ViewShape.RestText,
        FieldKind.PrimitiveArray => ViewShape.PrimitiveArray,

        // The runtime's addresses take any 4 or 16 bytes, so they are read in place like integers.
        FieldKind.Struct when IsAddress(field) => ViewShape.Address,
        FieldKind.Struct when HasView(field) => ViewShape.NestedView,
        FieldKind.Struct => ViewShape.NestedValue,
        FieldKind.StructArray when HasView(field) => ViewShape.ViewArray,
        _ => ViewShape.ValueArray,
    };

    private static bool IsAddress(FieldModel field) =>
        field.ElementTypeName is { } name && name.StartsWith(AddressPrefix, System.StringComparison.Ordinal) && field.ElementSize is 4 or 16;

    // The parser sizes a nested structure only when it is a generated [WireStruct] (or a runtime address), and a
    // generated one has a view; a hand-written one is read as a value.
    private static bool HasView(FieldModel field) => field.ElementSize is not null && !IsAddress(field) && field.Switch is null;
}
