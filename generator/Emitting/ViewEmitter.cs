using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProtocolGen.Generator.Model;
using ProtocolGen.Generator.Parsing;

namespace ProtocolGen.Generator.Emitting;

/// <summary>
/// Writes a packet's or wire structure's <c>View</c>: a <c>ref struct</c> over its bytes that reads each field where
/// it lies, when asked, and allocates nothing. The bytes are checked once, by <c>Check</c>, with the record
/// decoder's rules (lengths, booleans, UTF-8) and error offsets; accessors then read at constant offsets, or at
/// offsets the view worked out when it was made for fields after a variable-length one. Structures used as array
/// elements also get a <c>ViewArray</c> that enumerates element views.
/// </summary>
internal static class ViewEmitter
{
    private const string Runtime = "global::ProtocolGen.";
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
        foreach (var segment in layout.Segments.Skip(1))
        {
            writer.Line($"private readonly int {segment.Field};");
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
        WriteCheck(writer, layout);
        writer.Close();
    }

    private static void WriteConstructor(SourceWriter writer, ViewLayout layout)
    {
        writer.Line("/// <summary>A view over <paramref name=\"bytes\"/>, which <see cref=\"Check\"/> must have accepted (for generated code).</summary>");
        writer.Line(Hidden);
        if (layout.Segments.Count == 1)
        {
            writer.Line($"public View({Span} bytes) => _bytes = bytes;");
            return;
        }

        writer.Open($"public View({Span} bytes)");
        writer.Line("_bytes = bytes;");
        writer.Line("// Fields after a variable-length one start where it ends, worked out once here.");
        writer.Line("int at;");
        for (var i = 1; i < layout.Segments.Count; i++)
        {
            var segment = layout.Segments[i];
            writer.Line($"at = {segment.After.At};");
            writer.Line($"{segment.Field} = at + {segment.After.VariableLength("at")};");
        }

        writer.Close();
    }

    private static void WriteAccessor(SourceWriter writer, ViewField view)
    {
        var field = view.Field;
        var at = view.At;
        var summary = $"/// <summary>{Xml(field.Name)} (<c>{field.WireName}</c>)";
        switch (view.Shape)
        {
            case ViewShape.Primitive:
                writer.Line(summary + ".</summary>");
                writer.Line($"public {field.TypeName} {field.Name} => {ReadPrimitive(field, at)};");
                break;
            case ViewShape.Address:
                writer.Line(summary + ".</summary>");
                writer.Line($"public {field.TypeName} {field.Name} => new {field.TypeName}(_bytes.Slice({at}, {Int(view.Size!.Value)}));");
                break;
            case ViewShape.FixedBytes:
                writer.Line(summary + ", its bytes.</summary>");
                writer.Line($"public {Span} {field.Name} => _bytes.Slice({at}, {Int(field.Length)});");
                break;
            case ViewShape.NestedView:
                writer.Line(summary + ", as a view.</summary>");
                writer.Line($"public {field.ElementTypeName}.View {field.Name} => new {field.ElementTypeName}.View(_bytes.Slice({at}));");
                break;
            case ViewShape.NestedValue:
                writer.Line(summary + ", read when asked for.</summary>");
                writer.Line($"public {field.TypeName} {field.Name} => {Runtime}ViewReads.ReadStruct<{field.ElementTypeName}>(_bytes.Slice({at}));");
                break;
            case ViewShape.PrefixedBytes:
                writer.Line(summary + ", its bytes.</summary>");
                writer.Line($"public {Span} {field.Name} => _bytes.Slice({at} + {Int(field.Prefix)}, {ReadPrefix(field, at)});");
                break;
            case ViewShape.RestBytes:
                writer.Line(summary + ", its bytes (to the end of the frame).</summary>");
                writer.Line($"public {Span} {field.Name} => _bytes.Slice({at});");
                break;
            case ViewShape.PrefixedText:
            case ViewShape.RestText:
                var bytes = view.Shape == ViewShape.PrefixedText
                    ? $"_bytes.Slice({at} + {Int(field.Prefix)}, {ReadPrefix(field, at)})"
                    : $"_bytes.Slice({at})";
                writer.Line(summary + ", as its UTF-8 bytes (checked valid).</summary>");
                writer.Line($"public {Span} {field.Name}Utf8 => {bytes};");
                writer.Line();
                writer.Line($"/// <summary>Makes the string of <see cref=\"{field.Name}Utf8\"/>.</summary>");
                writer.Line($"public string Get{field.Name}() => global::System.Text.Encoding.UTF8.GetString({field.Name}Utf8);");
                break;
            case ViewShape.ViewArray:
                writer.Line(summary + ", its elements as views.</summary>");
                writer.Line($"public {field.ElementTypeName}.ViewArray {field.Name} => new {field.ElementTypeName}.ViewArray(_bytes.Slice({at} + {Int(field.Prefix)}), {ReadPrefix(field, at)});");
                break;
            case ViewShape.ValueArray:
                writer.Line(summary + ", its elements read one at a time.</summary>");
                writer.Line($"public {Runtime}StructArrayView<{field.ElementTypeName}> {field.Name} => new {Runtime}StructArrayView<{field.ElementTypeName}>(_bytes.Slice({at} + {Int(field.Prefix)}), {ReadPrefix(field, at)});");
                break;
            case ViewShape.PrimitiveArray:
                writer.Line(summary + ", its elements read in place.</summary>");
                writer.Line($"public {Runtime}PrimitiveArrayView<{field.ElementTypeName}> {field.Name} => new {Runtime}PrimitiveArrayView<{field.ElementTypeName}>("
                    + $"_bytes.Slice({at} + {Int(field.Prefix)}, {ReadPrefix(field, at)} * {Int(FieldCode.PrimitiveSize(field.Primitive))}), bigEndian: {Bool(field.BigEndian)});");
                break;
        }
    }

    private static void WriteFactories(SourceWriter writer, StructModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        var type = model.Packet is { } packet ? Int(packet.PacketType) : "null";
        var name = model.Packet is { } named ? "\"" + named.Name + "\"" : "null";
        writer.Line("/// <summary>Checks <paramref name=\"bytes\"/> and makes a view over them, or says what is wrong with them.</summary>");
        writer.Open($"public static bool TryCreate({Span} bytes, out View view, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out {Runtime}ProtocolError? error)");
        writer.Line("var check = Check(bytes, 0);");
        writer.Open("if (check.Fault is { } fault)");
        writer.Line("view = default;");
        writer.Line($"error = new {Runtime}ProtocolError(fault, 0, {type}, {name}, null, check.End);");
        writer.Line("return false;");
        writer.Close();
        writer.Line();
        writer.Line("view = new View(bytes);");
        writer.Line("error = null;");
        writer.Line("return true;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Checks <paramref name=\"bytes\"/> and makes a view over them, or throws <see cref=\"global::ProtocolGen.ProtocolException\"/>.</summary>");
        writer.Line($"public static View Create({Span} bytes) => TryCreate(bytes, out var view, out var error) ? view : throw new {Runtime}ProtocolException(error);");
        writer.Line();
        writer.Line($"/// <summary>Decodes the record, with its own copies of the bytes and text.</summary>");
        writer.Line($"public {self} ToRecord() => {Runtime}WireCodec.Read<{self}>(_bytes);");
    }

    private static void WriteCheck(SourceWriter writer, ViewLayout layout)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Checks the fields that start at <paramref name=\"at\"/> as the record decoder would read them: where they end,");
        writer.Line("/// or the first problem, with the decoder's kind and offset (for generated code).");
        writer.Line("/// </summary>");
        writer.Line(Hidden);
        writer.Open($"public static {Runtime}ViewCheck Check({Span} bytes, int at)");
        if (layout.Steps.Any(static s => s.NeedsFault))
        {
            writer.Line($"{Runtime}ViewCheck fault;");
        }

        foreach (var step in layout.Steps)
        {
            step.WriteCheck(writer);
        }

        writer.Line($"return {Runtime}ViewCheck.Valid(at);");
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

    internal static string ReadPrimitive(FieldModel field, string at)
    {
        var size = FieldCode.PrimitiveSize(field.Primitive);
        var read = field.Primitive switch
        {
            PrimitiveType.Byte => $"_bytes[{at}]",
            PrimitiveType.SByte => $"unchecked((sbyte)_bytes[{at}])",
            PrimitiveType.Boolean => $"_bytes[{at}] != 0",
            _ => $"{Primitives}Read{field.Primitive}{(field.BigEndian ? "BigEndian" : "LittleEndian")}(_bytes.Slice({at}, {Int(size)}))",
        };
        return field.Kind == FieldKind.Enum ? $"({field.TypeName}){(field.Primitive == PrimitiveType.Boolean ? "(" + read + ")" : read)}" : read;
    }

    internal static string ReadPrefix(FieldModel field, string at, string bytes = "_bytes") =>
        $"{Runtime}ViewReads.ReadPrefix({bytes}, {at}, {Width(field)}, {Bool(field.BigEndian)})";

    internal static string Width(FieldModel field) => Runtime + "PrefixWidth.U" + Int(field.Prefix * 8);

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
    NestedView,
    NestedValue,
    PrefixedBytes,
    PrefixedText,
    RestBytes,
    RestText,
    ViewArray,
    ValueArray,
    PrimitiveArray,
}

/// <summary>A field as a view reads it: its shape, its segment and its offset in that segment.</summary>
internal sealed class ViewField
{
    public ViewField(FieldModel field, ViewShape shape, int? size, ViewSegment segment, int offset)
    {
        Field = field;
        Shape = shape;
        Size = size;
        Segment = segment;
        Offset = offset;
    }

    public FieldModel Field { get; }

    public ViewShape Shape { get; }

    /// <summary>The field's size when it is constant; null for variable-length fields.</summary>
    public int? Size { get; }

    public ViewSegment Segment { get; }

    /// <summary>The offset from the start of <see cref="Segment"/>.</summary>
    public int Offset { get; }

    /// <summary>The offset expression the accessor reads at.</summary>
    public string At => ViewLayout.Offset(Segment, Offset);

    /// <summary>The expression for this variable-length field's size, with the field starting at <paramref name="at"/>.</summary>
    public string VariableLength(string at)
    {
        const string Runtime = "global::ProtocolGen.";
        var field = Field;
        var prefix = ViewEmitter.Int(field.Prefix);
        var count = ViewEmitter.ReadPrefix(field, at);
        return Shape switch
        {
            ViewShape.PrefixedBytes or ViewShape.PrefixedText => $"{prefix} + {count}",
            ViewShape.RestBytes or ViewShape.RestText => $"(_bytes.Length - {at})",
            ViewShape.NestedView => $"new {field.ElementTypeName}.View(_bytes.Slice({at})).WireLength",
            ViewShape.NestedValue => $"{Runtime}ViewReads.StructLength<{field.ElementTypeName}>(_bytes.Slice({at}))",
            ViewShape.ViewArray => $"{prefix} + new {field.ElementTypeName}.ViewArray(_bytes.Slice({at} + {prefix}), {count}).WireLength",
            ViewShape.ValueArray => $"{prefix} + new {Runtime}StructArrayView<{field.ElementTypeName}>(_bytes.Slice({at} + {prefix}), {count}).Length",
            ViewShape.PrimitiveArray => $"{prefix} + {count} * {ViewEmitter.Int(FieldCode.PrimitiveSize(field.Primitive))}",
            _ => throw new System.InvalidOperationException(Shape.ToString()),
        };
    }
}

/// <summary>
/// A stretch of fields at constant offsets from one another: the first starts the structure, each other one
/// starts where a variable-length field ends, an offset the view keeps in <see cref="Field"/>.
/// </summary>
internal sealed class ViewSegment
{
    public ViewSegment(string? field, ViewField? after)
    {
        Field = field;
        After = after!;
    }

    /// <summary>The view's field holding this segment's start; null for the first segment (start 0).</summary>
    public string? Field { get; }

    /// <summary>The variable-length field this segment follows.</summary>
    public ViewField After { get; }
}

/// <summary>One step of a view's check: a run of fixed fields, or one field that needs its own check.</summary>
internal sealed class ViewCheckStep
{
    private const string Runtime = "global::ProtocolGen.";
    private readonly List<ViewField> _fields;

    public ViewCheckStep(List<ViewField> fields) => _fields = fields;

    /// <summary>Whether the step reports through the shared <c>fault</c> local.</summary>
    public bool NeedsFault => _fields[0].Shape is not (ViewShape.Primitive or ViewShape.Address or ViewShape.FixedBytes or ViewShape.NestedView or ViewShape.RestBytes);

    public void WriteCheck(SourceWriter writer)
    {
        var first = _fields[0];
        var field = first.Field;
        var local = NameConventions.ToLocalName(field.Name).TrimStart('@');
        switch (first.Shape)
        {
            case ViewShape.Primitive or ViewShape.Address or ViewShape.FixedBytes:
                WriteRun(writer);
                break;
            case ViewShape.NestedView:
                writer.Line($"// {field.Name}: a nested structure, checked by its own view.");
                writer.Line($"var {local}Check = {field.ElementTypeName}.View.Check(bytes, at);");
                writer.Open($"if ({local}Check.Failed)");
                writer.Line($"return {local}Check;");
                writer.Close();
                writer.Line();
                writer.Line($"at = {local}Check.End;");
                break;
            case ViewShape.NestedValue:
                writer.Line($"// {field.Name}: a hand-written structure, checked by reading it.");
                writer.Open($"if (!{Runtime}ViewReads.CheckStruct<{field.ElementTypeName}>(bytes, ref at, out fault))");
                writer.Line("return fault;");
                writer.Close();
                writer.Line();
                break;
            case ViewShape.PrefixedBytes or ViewShape.PrefixedText:
                writer.Line($"// {field.Name}: a {ViewEmitter.Int(field.Prefix * 8)}-bit length, then that many bytes{(first.Shape == ViewShape.PrefixedText ? " of UTF-8" : string.Empty)}.");
                WritePrefix(writer, field, local + "Length", "1");
                if (first.Shape == ViewShape.PrefixedText)
                {
                    WriteUtf8(writer, $"{local}Length");
                }

                writer.Line($"at += {local}Length;");
                break;
            case ViewShape.RestBytes:
                writer.Line($"// {field.Name}: the bytes to the end of the frame.");
                writer.Line("at = bytes.Length;");
                break;
            case ViewShape.RestText:
                writer.Line($"// {field.Name}: UTF-8 to the end of the frame.");
                WriteUtf8(writer, "bytes.Length - at");
                writer.Line("at = bytes.Length;");
                break;
            case ViewShape.ViewArray:
                writer.Line($"// {field.Name}: a {ViewEmitter.Int(field.Prefix * 8)}-bit count, then that many structures, each checked by its view unless plain bytes.");
                WritePrefix(writer, field, local + "Count", $"{Runtime}WireLength.MinOf<{field.ElementTypeName}>()");
                writer.Open($"if ({field.ElementTypeName}.View.PlainSize >= 0)");
                writer.Line($"at += {local}Count * {field.ElementTypeName}.View.PlainSize;");
                writer.Close();
                writer.Open("else");
                writer.Open($"for (var i = 0; i < {local}Count; i++)");
                writer.Line($"var element = {field.ElementTypeName}.View.Check(bytes, at);");
                writer.Open("if (element.Failed)");
                writer.Line("return element;");
                writer.Close();
                writer.Line();
                writer.Line("at = element.End;");
                writer.Close();
                writer.Close();
                writer.Line();
                break;
            case ViewShape.ValueArray:
                writer.Line($"// {field.Name}: a {ViewEmitter.Int(field.Prefix * 8)}-bit count, then that many hand-written structures, each checked by reading it.");
                WritePrefix(writer, field, local + "Count", $"{Runtime}WireLength.MinOf<{field.ElementTypeName}>()");
                writer.Open($"for (var i = 0; i < {local}Count; i++)");
                writer.Open($"if (!{Runtime}ViewReads.CheckStruct<{field.ElementTypeName}>(bytes, ref at, out fault))");
                writer.Line("return fault;");
                writer.Close();
                writer.Close();
                writer.Line();
                break;
            case ViewShape.PrimitiveArray:
                var size = ViewEmitter.Int(FieldCode.PrimitiveSize(field.Primitive));
                writer.Line($"// {field.Name}: a {ViewEmitter.Int(field.Prefix * 8)}-bit count, then that many {size}-byte values.");
                WritePrefix(writer, field, local + "Count", size);
                if (field.Primitive == PrimitiveType.Boolean)
                {
                    writer.Open($"if (!{Runtime}ViewReads.CheckBooleans(bytes, at, {local}Count, out fault))");
                    writer.Line("return fault;");
                    writer.Close();
                    writer.Line();
                }

                writer.Line($"at += {local}Count * {size};");
                break;
        }
    }

    private void WriteRun(SourceWriter writer)
    {
        var starts = new List<int>();
        var total = 0;
        foreach (var field in _fields)
        {
            starts.Add(total);
            total += field.Size!.Value;
        }

        var size = ViewEmitter.Int(total);
        var names = _fields.Count == 1 ? _fields[0].Field.Name : $"{_fields[0].Field.Name} to {_fields[_fields.Count - 1].Field.Name}";
        var booleans = _fields.Select((f, i) => (Field: f, Start: starts[i])).Where(p => p.Field.Field.Primitive == PrimitiveType.Boolean && p.Field.Shape == ViewShape.Primitive).ToList();
        writer.Line($"// {names}: {size} bytes of fixed fields, one length check.");
        writer.Open($"if (bytes.Length - at < {size})");
        writer.Line("// Too short: the record decoder stops at the first field that does not fit, or at a bad boolean before it.");
        foreach (var (_, start) in booleans)
        {
            writer.Open($"if (bytes.Length - at > {ViewEmitter.Int(start)} && bytes[at + {ViewEmitter.Int(start)}] > 1)");
            writer.Line($"return {Runtime}ViewCheck.Invalid(at + {ViewEmitter.Int(start)});");
            writer.Close();
            writer.Line();
        }

        writer.Line($"return {Runtime}ViewCheck.Short(at + {Runtime}ViewReads.FirstShortField(bytes.Length - at, [{string.Join(", ", starts.Skip(1).Append(total).Select(ViewEmitter.Int))}]));");
        writer.Close();
        writer.Line();
        foreach (var (_, start) in booleans)
        {
            writer.Open($"if (bytes[at + {ViewEmitter.Int(start)}] > 1)");
            writer.Line($"return {Runtime}ViewCheck.Invalid(at + {ViewEmitter.Int(start)});");
            writer.Close();
            writer.Line();
        }

        writer.Line($"at += {size};");
    }

    private static void WritePrefix(SourceWriter writer, FieldModel field, string local, string elementSize)
    {
        writer.Open($"if (!{Runtime}ViewReads.CheckPrefix(bytes, ref at, {ViewEmitter.Width(field)}, {ViewEmitter.Bool(field.BigEndian)}, {elementSize}, out var {local}, out fault))");
        writer.Line("return fault;");
        writer.Close();
        writer.Line();
    }

    private static void WriteUtf8(SourceWriter writer, string length)
    {
        writer.Open($"if (!{Runtime}ViewReads.CheckUtf8(bytes, at, {length}, out fault))");
        writer.Line("return fault;");
        writer.Close();
        writer.Line();
    }
}

/// <summary>
/// Where a view finds each field. Built from the field models until the layout plan lands; it states the
/// same rules (sizes from <see cref="FieldCode.MinSize"/> and <see cref="FieldCode.IsFixedSize"/>).
/// </summary>
internal sealed class ViewLayout
{
    private const string AddressPrefix = "global::ProtocolGen.Ipv";

    private ViewLayout(List<ViewField> fields, List<ViewSegment> segments, List<ViewCheckStep> steps, int? fixedSize, int plainSize)
    {
        Fields = fields;
        Segments = segments;
        Steps = steps;
        FixedSize = fixedSize;
        PlainSize = plainSize;
    }

    public List<ViewField> Fields { get; }

    public List<ViewSegment> Segments { get; }

    public List<ViewCheckStep> Steps { get; }

    /// <summary>The structure's size when every field is fixed-size; else null.</summary>
    public int? FixedSize { get; }

    /// <summary>The size when fixed and checked by length alone (no booleans, no nested checks); else -1.</summary>
    public int PlainSize { get; }

    private int EndOffset { get; set; }

    public static string Offset(ViewSegment segment, int offset) => segment.Field is null
        ? ViewEmitter.Int(offset)
        : offset == 0 ? segment.Field : $"{segment.Field} + {ViewEmitter.Int(offset)}";

    /// <summary>Where the fields end, as an expression.</summary>
    public string EndExpression()
    {
        var last = Fields.LastOrDefault();
        if (last is null)
        {
            return "0";
        }

        return last.Size is null
            ? $"{last.At} + {last.VariableLength(last.At)}"
            : Offset(last.Segment, EndOffset);
    }

    public static ViewLayout Of(StructModel model)
    {
        var fields = new List<ViewField>();
        var segments = new List<ViewSegment> { new(null, null) };
        var steps = new List<ViewCheckStep>();
        List<ViewField>? run = null;
        var offset = 0;
        var plain = true;
        foreach (var field in model.Fields)
        {
            var (shape, size) = Classify(field);
            var view = new ViewField(field, shape, size, segments[segments.Count - 1], offset);
            fields.Add(view);
            if (shape is ViewShape.Primitive or ViewShape.Address or ViewShape.FixedBytes)
            {
                plain &= field.Primitive != PrimitiveType.Boolean || shape != ViewShape.Primitive;
                if (run is null)
                {
                    run = new List<ViewField>();
                    steps.Add(new ViewCheckStep(run));
                }

                run.Add(view);
            }
            else
            {
                plain = false;
                run = null;
                steps.Add(new ViewCheckStep(new List<ViewField> { view }));
            }

            if (size is { } constant)
            {
                offset += constant;
            }
            else
            {
                segments.Add(new ViewSegment("_segment" + ViewEmitter.Int(segments.Count), view));
                offset = 0;
            }
        }

        // A trailing variable-length field needs no segment after it: nothing follows it.
        if (fields.Count > 0 && fields[fields.Count - 1].Size is null)
        {
            segments.RemoveAt(segments.Count - 1);
        }

        var fixedSize = segments.Count == 1 && fields.All(static f => f.Size is not null) ? offset : (int?)null;
        return new ViewLayout(fields, segments, steps, fixedSize, plain && fixedSize is not null ? fixedSize.Value : -1) { EndOffset = offset };
    }

    private static (ViewShape Shape, int? Size) Classify(FieldModel field)
    {
        switch (field.Kind)
        {
            case FieldKind.Primitive or FieldKind.Enum:
                return (ViewShape.Primitive, FieldCode.PrimitiveSize(field.Primitive));
            case FieldKind.FixedBytes:
                return (ViewShape.FixedBytes, field.Length);
            case FieldKind.PrefixedBytes:
                return (ViewShape.PrefixedBytes, null);
            case FieldKind.PrefixedString:
                return (ViewShape.PrefixedText, null);
            case FieldKind.RestBytes:
                return (ViewShape.RestBytes, null);
            case FieldKind.RestString:
                return (ViewShape.RestText, null);
            case FieldKind.PrimitiveArray:
                return (ViewShape.PrimitiveArray, null);
            case FieldKind.Struct when IsAddress(field):
                // The runtime's addresses take any 4 or 16 bytes, so they join a run of fixed fields.
                return (ViewShape.Address, field.ElementSize);
            case FieldKind.Struct when HasView(field):
                return (ViewShape.NestedView, field.ElementIsFixedSize ? field.ElementSize : null);
            case FieldKind.Struct:
                return (ViewShape.NestedValue, null);
            case FieldKind.StructArray when HasView(field):
                return (ViewShape.ViewArray, null);
            default:
                return (ViewShape.ValueArray, null);
        }
    }

    private static bool IsAddress(FieldModel field) => field.ElementTypeName is { } name && name.StartsWith(AddressPrefix, System.StringComparison.Ordinal) && field.ElementSize is 4 or 16;

    // The parser sizes a nested structure only when it is a generated [WireStruct] (or a runtime address), and a
    // generated one has a view; a hand-written one is read as a value.
    private static bool HasView(FieldModel field) => field.ElementSize is not null && !IsAddress(field);
}
