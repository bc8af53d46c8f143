using System.Collections.Generic;
using System.Linq;
using ProtocolGen.Generator.Emitting.Fields;
using ProtocolGen.Generator.Model;
using ProtocolGen.Generator.Parsing;

namespace ProtocolGen.Generator.Emitting;

/// <summary>
/// Writes a structure's <c>TryReadFrom</c> from its layout plan: per run one length check, then every head at a
/// constant offset of a span sliced to the run's exact length; each tail checked once; the reader advanced once.
/// </summary>
internal static class ReadEmitter
{
    private const string Kind = RuntimeNames.ProtocolErrorKind + ".";

    public static void WriteTryReadFrom(SourceWriter writer, StructModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        writer.Line("/// <summary>Reads a value's fields in wire order; on failure the reader records why.</summary>");
        if (ReturnsValue(model))
        {
            // Two lines: inlined, a caller of TryReadFrom makes one call, as before.
            writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        }

        writer.Open($"public static bool TryReadFrom(ref {RuntimeNames.WireReader} reader, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {self} value)");
        if (ReturnsValue(model))
        {
            writer.Line("value = ReadOrNull(ref reader);");
            writer.Line("return value is not null;");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line("/// Reads a value's fields in wire order, or returns null when it cannot (the reader records why). TryReadFrom and");
            writer.Line("/// a union's frame decoder call it: the value comes back in a register, not through an out slot.");
            writer.Line("/// </summary>");
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            writer.Open($"public static {self}? ReadOrNull(ref {RuntimeNames.WireReader} reader)");
        }

        var exits = new Exits(self, ReturnsValue(model));
        if (model.Fields.Count == 0 && model.Layout.MagicLength == 0)
        {
            exits.Accept(writer, $"new {self}()");
            writer.Close();
            return;
        }

        if (IsPlainStruct(model))
        {
            var size = FieldCode.Int(model.Layout.ConstantMinSize);
            writer.Line("var source = reader.UnreadSpan;");
            writer.Open($"if (source.Length < {size})");
            writer.Line(exits.RefuseShort);
            writer.Close();
            writer.Line();
            writer.Line("value = ReadFixed(source);");
            writer.Line($"reader.Advance({size});");
            writer.Line("return true;");
            writer.Close();
            return;
        }

        var names = new LocalNames(model);
        writer.Line("var source = reader.UnreadSpan;");
        var body = new Body(writer, names, exits, model);
        foreach (var run in model.Layout.Runs)
        {
            body.Run(model.Layout, run);
        }

        body.ReadPendingContainers();
        if (body.Position != "0")
        {
            writer.Line($"reader.Advance({body.Position});");
        }

        exits.AcceptNew(writer, self, model.Fields.Select(static f => f.Name).ToList(), model.Fields.Select(names.ValueOf).ToList());
        writer.Close();
    }

    /// <summary>
    /// Whether the reader is <c>ReadOrNull</c>, returning the value (TryReadFrom, inlined, wraps it): a class, but not a
    /// packet of an interface union or a plain structure. Its union's frame decoder and a caller's loop get the value in
    /// a register, where an out slot costs a checked write barrier per value.
    /// </summary>
    public static bool ReturnsValue(StructModel model) => !model.IsValueType && model.Packet is not { UnionIsInterface: true } && !IsPlainStruct(model);

    /// <summary>
    /// The statements that read a constant-size record from the span <c>source</c> with every check its own reader
    /// makes, each refusal a bare <c>return false;</c> (a caller that needs to know why runs that reader instead).
    /// Returns how each member's value is spelled after them. A frame header's hot path reads its framing this way,
    /// with no <see cref="RuntimeNames.WireReader"/> to keep on the stack. Only for what a header may hold (PG0045,
    /// PG0047): fixed-size members, magic, fixed values and padding; a checksum, a tail or a member that reads itself
    /// would need the reader this method does not have.
    /// </summary>
    /// <param name="parameters">The enclosing method's parameter names, which no local may take.</param>
    public static System.Func<FieldModel, string> WriteSilentRead(SourceWriter writer, StructModel model, params string[] parameters)
    {
        var names = new LocalNames(model, parameters);
        var body = new Body(writer, names, Exits.Silent, model);
        foreach (var run in model.Layout.Runs)
        {
            body.Run(model.Layout, run);
        }

        body.ReadPendingContainers();
        return names.ValueOf;
    }

    /// <summary>
    /// How a reader leaves: through <c>out value</c> and a bool, by returning the value (null when refused), or, for
    /// <see cref="WriteSilentRead"/>, with a bare false.
    /// </summary>
    internal sealed class Exits
    {
        private readonly string _self;
        private readonly bool _returnsValue;
        private readonly bool _silent;

        public Exits(string self, bool returnsValue)
            : this(self, returnsValue, silent: false)
        {
        }

        private Exits(string self, bool returnsValue, bool silent)
        {
            _self = self;
            _returnsValue = returnsValue;
            _silent = silent;
        }

        /// <summary>Refusals that record nothing: <c>return false;</c>.</summary>
        public static Exits Silent { get; } = new(string.Empty, returnsValue: false, silent: true);

        /// <summary>Refuses because the fields need more bytes than there are.</summary>
        public string RefuseShort => _silent ? "return false;" : _returnsValue ? $"return reader.RefuseShort<{_self}>();" : "return reader.RefuseShort(out value);";

        /// <summary>Refuses with <paramref name="kind"/> at <paramref name="offset"/> bytes into the unread span.</summary>
        public string Refuse(string kind, string offset) =>
            _silent ? "return false;" : _returnsValue ? $"return reader.Refuse<{_self}>({kind}, {offset});" : $"return reader.Refuse({kind}, {offset}, out value);";

        /// <summary>Refuses after a read that recorded its own failure.</summary>
        public void Failed(SourceWriter writer)
        {
            if (_silent)
            {
                writer.Line("return false;");
                return;
            }

            if (_returnsValue)
            {
                writer.Line("return null;");
                return;
            }

            writer.Line("value = default;");
            writer.Line("return false;");
        }

        /// <summary>Returns the value <paramref name="expression"/>.</summary>
        public void Accept(SourceWriter writer, string expression)
        {
            if (_returnsValue)
            {
                writer.Line($"return {expression};");
                return;
            }

            writer.Line($"value = {expression};");
            writer.Line("return true;");
        }

        /// <summary>
        /// Returns the record built from <paramref name="values"/> of its <paramref name="parameters"/>: on one line when
        /// they are locals, else a named argument a line, so each read says which member it is.
        /// </summary>
        public void AcceptNew(SourceWriter writer, string type, IReadOnlyList<string> parameters, IReadOnlyList<string> values)
        {
            if (values.All(static v => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(v.TrimStart('@'))))
            {
                Accept(writer, $"new {type}({string.Join(", ", values)})");
                return;
            }

            writer.Line($"{(_returnsValue ? "return" : "value =")} new {type}(");
            for (var i = 0; i < values.Count; i++)
            {
                writer.Line($"    {NameConventions.EscapeKeyword(parameters[i])}: {values[i]}{(i == values.Count - 1 ? ");" : ",")}");
            }

            if (!_returnsValue)
            {
                writer.Line("return true;");
            }
        }
    }

    /// <summary>A plain structure's reader from exactly its bytes, which every other reader of it calls.</summary>
    public static void WriteReadFixed(SourceWriter writer, StructModel model)
    {
        var self = model.Declaration.FullyQualifiedName;
        var size = FieldCode.Int(model.Layout.ConstantMinSize);
        writer.Line($"/// <summary>Reads a value from the start of <paramref name=\"source\"/>, which holds at least its {size} bytes; any bytes are a valid value.</summary>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        writer.Open($"public static {self} ReadFixed(global::System.ReadOnlySpan<byte> source)");
        writer.Line("// One slice to the exact length: every read below is at a constant offset the JIT checks at compile time.");
        writer.Line($"var run = source.Slice(0, {size});");
        var fields = model.Layout.Fields;
        foreach (var group in fields.Where(static p => p.Field.Bits is { StartsGroup: true }))
        {
            writer.Line($"var {BitsCode.ContainerLocal(group)} = {BitsCode.ReadContainer(group.Field.Bits!, "run", FieldCode.Int(group.RunOffset))};");
        }

        writer.Line($"return new {self}(");
        for (var i = 0; i < fields.Count; i++)
        {
            var read = fields[i].Field.Bits is not null
                ? BitsCode.Extract(fields[i].Field, BitsCode.ContainerLocal(fields[i]))
                : FieldCode.ReadHead(fields[i].Field, "run", fields[i].RunOffset);
            writer.Line($"    {read}{(i == fields.Count - 1 ? ");" : ",")}");
        }

        writer.Close();
    }

    /// <summary>Whether the structure reads and writes through <c>ReadFixed</c> and <c>WriteFixed</c>.</summary>
    public static bool IsPlainStruct(StructModel model) => model.Packet is null && model.Layout.IsPlain && model.Fields.Count > 0;

    /// <summary>The statements of a reader, with where it is: a constant while every size so far is, then the local <c>position</c>.</summary>
    internal sealed class Body
    {
        private readonly SourceWriter _writer;
        private readonly LocalNames _names;
        private readonly Exits _exits;
        private int? _known = 0;
        private bool _declared;

        public Body(SourceWriter writer, LocalNames names, Exits exits, StructModel model)
        {
            _writer = writer;
            _names = names;
            _exits = exits;
            _model = model;
            _start = new RecordStart(writer, model.Layout, names, "reader", "source");
            _points = ChecksumPoints.For(writer, model.Layout, "0", names.Temporary);
        }

        private readonly StructModel _model;
        private readonly ChecksumPoints? _points;
        private readonly RecordStart _start;

        /// <summary>Reads one run (and its tail), then verifies each checksum whose bytes are all read.</summary>
        public void Run(LayoutPlan plan, RunPlan run)
        {
            _points?.RunStart(plan, run, _start.FromRecordStart(Position));
            ReadRun(plan, run);
            if (_points is null)
            {
                return;
            }

            _points.RunEnd(run, _start.FromRecordStart(Position));
            ChecksumCode.WriteVerify(_writer, _model, _points, run.FirstField, run.FirstField + run.FieldCount - 1, _start.Bytes, _names.ValueOf,
                at => _exits.Refuse($"{Kind}ChecksumMismatch", _start.InSpan(at)), "reader.VerifiesChecksums", "reader.PseudoHeader");
        }

        public SourceWriter Writer => _writer;

        // Bit containers not read yet, by local: only the record's construction needs them, so they are read last,
        // after any checksum call, across which each value read earlier would be kept on the stack.
        private readonly List<KeyValuePair<string, string>> _pendingContainers = new();

        /// <summary>Reads the bit containers not read yet, where the record is built.</summary>
        public void ReadPendingContainers()
        {
            if (_pendingContainers.Count == 0)
            {
                return;
            }

            _writer.Line("// The bit containers only the record needs, read after the checks.");
            foreach (var pending in _pendingContainers)
            {
                _writer.Line(pending.Value);
            }

            _pendingContainers.Clear();
        }

        // Reads the container a checked member needs now; the others stay pending.
        private void ReadContainerNow(string container)
        {
            var index = _pendingContainers.FindIndex(p => p.Key == container);
            if (index >= 0)
            {
                _writer.Line(_pendingContainers[index].Value);
                _pendingContainers.RemoveAt(index);
            }
        }

        public LocalNames Names => _names;

        public StructModel Model => _model;

        public Exits Exits => _exits;

        /// <summary>Where reading is in <c>source</c>, as an expression.</summary>
        public string Position => _known is { } known ? FieldCode.Int(known) : "position";

        private void ReadRun(LayoutPlan plan, RunPlan run)
        {
            var places = Enumerable.Range(run.FirstField, run.FieldCount).Select(i => plan.Fields[i]).ToList();
            var last = places.Count > 0 ? places[places.Count - 1] : null;
            if (last is { HeadSize: null })
            {
                if (last.Field.LengthFrom is not null)
                {
                    LengthReadCode.WriteTarget(this, plan, last);
                    return;
                }

                ReadItself(last);
                return;
            }

            var start = Position;
            var span = run.Length > 0 ? _names.Run(run.Index) : null;
            if (span is not null)
            {
                var length = FieldCode.Int(run.Length);
                _writer.Line();
                _writer.Line($"// {ConstantCode.DescribeRun(run, places.Count > 0 ? Describe(places) : null)}: {length} {(run.Length == 1 ? "byte" : "bytes")}, one bounds check, then constant offsets.");
                _writer.Open(_known == 0 ? $"if (source.Length < {length})" : $"if (source.Length - {start} < {length})");
                _writer.Line(_exits.RefuseShort);
                _writer.Close();
                _writer.Line();
                _writer.Line($"var {span} = source.Slice({start}, {length});");
                ConstantCode.WriteReadMagic(_writer, run, span, blankAfter: run.FieldCount > 0 || run.Index == plan.Runs.Count - 1, _exits.Refuse);
            }

            foreach (var place in places)
            {
                ReadHead(place, span!, start);
                LengthReadCode.WriteSourceAt(this, plan, place, Offset(start, place.RunOffset));
            }

            Move(run.Length);
            if (last is { HasTail: true })
            {
                if (last.Field.LengthFrom is not null)
                {
                    LengthReadCode.WriteTarget(this, plan, last);
                    return;
                }

                ReadTail(last);
            }
        }

        private void ReadHead(FieldPlan place, string span, string start)
        {
            var field = place.Field;
            PaddingCode.WriteReadCheck(_writer, place, span, start, _names, _exits.Refuse);
            if (field.Bits is { } bits)
            {
                // One read of the container, at its group's first member; every member shifts it.
                var container = _names.Temporary(BitsCode.ContainerLocal(place));
                if (bits.StartsGroup)
                {
                    _pendingContainers.Add(new KeyValuePair<string, string>(container, $"var {container} = {BitsCode.ReadContainer(bits, span, FieldCode.Int(place.RunOffset))};"));
                }

                ReadValue(field, BitsCode.Extract(field, container), start, place.RunOffset, container);
                return;
            }

            if (place.HeadSize == 0)
            {
                return;
            }

            if (field.Kind == FieldKind.Primitive && field.Primitive == PrimitiveType.Boolean)
            {
                _writer.Open($"if ({span}[{FieldCode.Int(place.RunOffset)}] > 1)");
                _writer.Line(_exits.Refuse($"{Kind}InvalidValue", Offset(start, place.RunOffset)));
                _writer.Close();
                _writer.Line();
            }

            var local = place.HasTail ? _names.PrefixOf(field) : _names.Of(field);
            if (field.Converter is not null)
            {
                ConverterCode.WriteRead(_writer, field, span, place.RunOffset, local, _names, Offset(start, place.RunOffset), _exits.Refuse);
                return;
            }

            if (LayoutPlan.IsCountedHead(field))
            {
                CountsCode.WriteRead(_writer, field, span, place.RunOffset, local, _names, Offset(start, place.RunOffset), _exits.Refuse);
                return;
            }

            if (field.Kind == FieldKind.FixedString)
            {
                FixedTextCode.WriteRead(_writer, field, span, place.RunOffset, local, Offset(start, place.RunOffset), _exits.Refuse);
                return;
            }

            if (place.HasTail)
            {
                _writer.Line($"var {local} = {FieldCode.ReadHead(field, span, place.RunOffset)};");
                return;
            }

            ReadValue(field, FieldCode.ReadHead(field, span, place.RunOffset), start, place.RunOffset);
        }

        /// <summary>
        /// A head's value from <paramref name="read"/>, a pure read of its run. Read where the record is built when nothing
        /// else needs it: values kept in locals live across the checksum call and the allocation, and each costs a spill.
        /// </summary>
        private void ReadValue(FieldModel field, string read, string start, int runOffset, string? container = null)
        {
            if (ConstantCode.ChecksOnRead(field) || field.LengthOf is not null || SwitchCode.NeedsLocal(_model, field) || ConditionCode.NeedsLocal(_model, field))
            {
                if (container is not null)
                {
                    ReadContainerNow(container);
                }

                var local = _names.Of(field);
                _writer.Line($"var {local} = {read};");
                ConstantCode.WriteReadCheck(_writer, field, local, Offset(start, runOffset), _exits.Refuse);
                // A fixed field that passed its check holds its constant.
                _names.ReadAt(field, ConstantCode.FixedValue(field) ?? local);
                return;
            }

            _names.ReadAt(field, read);
        }

        private void ReadTail(FieldPlan place)
        {
            var field = place.Field;
            var local = _names.Of(field);
            _writer.Line();
            switch (field.Kind)
            {
                case FieldKind.RestBytes:
                    _writer.Line($"var {local} = source.Slice({Position}).ToArray();");
                    SetPosition("source.Length");
                    return;
                case FieldKind.RestString:
                    _writer.Open($"if (!{RuntimeNames.WireText}.TryDecode(source.Slice({Position}), out var {local}))");
                    _writer.Line(_exits.Refuse($"{Kind}InvalidText", Position));
                    _writer.Close();
                    _writer.Line();
                    SetPosition("source.Length");
                    return;
                case FieldKind.TerminatedString:
                    TerminatedTextCode.WriteRead(_writer, field, local, Position, _exits.Refuse);
                    SetPosition(Position == "0" ? $"{local}Length" : $"{Position} + {local}Length");
                    return;
            }

            var count = _names.PrefixOf(field);
            var prefixAt = Offset(Position, -field.Prefix);
            var elementSize = field.Kind switch
            {
                FieldKind.PrimitiveArray => LayoutPlan.PrimitiveSize(field.Primitive),
                FieldKind.StructArray when field.ElementIsPlain => field.ElementSize!.Value,
                FieldKind.StructArray => (int?)null,
                _ => 1,
            };

            if (elementSize is null)
            {
                // Elements that read themselves: the count is checked against their minimum size, so a hostile count allocates nothing.
                var min = field.ElementSize is { } size and > 0 ? FieldCode.Int(size) : $"global::System.Math.Max(1, {FieldCode.MinSizeExpression(field.ElementTypeName!)})";
                Sync();
                if (field.FixedCount > 0)
                {
                    // A count the schema fixes is no hostile count: the elements themselves say when the bytes run out.
                    count = FieldCode.Int(field.FixedCount);
                }
                else
                {
                    _writer.Open($"if ((ulong){count} * (ulong){min} > (ulong)reader.Remaining)");
                    _writer.Line(_exits.Refuse($"{Kind}LengthBeyondFrame", $"-{FieldCode.Int(field.Prefix)}"));
                    _writer.Close();
                    _writer.Line();
                }

                _writer.Line($"var {local} = reader.{(field.Shape == SequenceShape.Array ? "ReadArray" : "ReadImmutableArray")}<{field.ElementTypeName}>({(field.FixedCount > 0 ? count : "(int)" + count)});");
                _writer.Open("if (reader.HasFailed)");
                _exits.Failed(_writer);
                _writer.Close();
                _writer.Line();
                _writer.Line("source = reader.UnreadSpan;");
                return;
            }

            var bytes = elementSize == 1 ? $"(int){count}" : $"(int){count} * {FieldCode.Int(elementSize.Value)}";
            DeclarePosition();
            _writer.Open(elementSize == 1
                ? $"if ({count} > (uint)(source.Length - position))"
                : $"if ((ulong){count} * {FieldCode.Int(elementSize.Value)} > (ulong)(source.Length - position))");
            _writer.Line(_exits.Refuse($"{Kind}LengthBeyondFrame", prefixAt));
            _writer.Close();
            _writer.Line();
            ReadPayload(field, count, bytes, elementSize.Value);
        }

        /// <summary>
        /// Reads a payload of bytes, text or elements whose count, checked against the bytes left, is in the local
        /// <paramref name="count"/> (<paramref name="bytes"/> bytes of <paramref name="elementSize"/> each) at <c>position</c>.
        /// </summary>
        public void ReadPayload(FieldModel field, string count, string bytes, int elementSize)
        {
            var local = _names.Of(field);
            switch (field.Kind)
            {
                case FieldKind.PrefixedBytes:
                    _writer.Line($"var {local} = source.Slice(position, {bytes}).ToArray();");
                    break;
                case FieldKind.PrefixedString:
                    _writer.Open($"if (!{RuntimeNames.WireText}.TryDecode(source.Slice(position, {bytes}), out var {local}))");
                    _writer.Line(_exits.Refuse($"{Kind}InvalidText", "position"));
                    _writer.Close();
                    _writer.Line();
                    break;
                case FieldKind.PrimitiveArray:
                    var items = _names.Temporary(local + "Items");
                    var bad = _names.Temporary(local + "Bad");
                    _writer.Line($"var {items} = {RuntimeNames.WireArrays}.ReadPrimitives<{field.ElementTypeName}>(source.Slice(position, {bytes}), bigEndian: {(field.BigEndian ? "true" : "false")}, out var {bad});");
                    _writer.Open($"if ({items} is null)");
                    _writer.Line(_exits.Refuse($"{Kind}InvalidValue", $"position + {bad}"));
                    _writer.Close();
                    _writer.Line();
                    ConstantCode.WriteReadElementsCheck(_writer, field, items, _names.Temporary(local + "Unnamed"), "position", _exits.Refuse);
                    _writer.Line(field.Shape == SequenceShape.Array
                        ? $"var {local} = {items};"
                        : $"var {local} = global::System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray({items});");
                    break;
                default:
                    // Plain elements: the whole array was checked above; each element reads from exactly its bytes.
                    var size = FieldCode.Int(elementSize);
                    var array = field.Shape == SequenceShape.Array ? local : _names.Temporary(local + "Items");
                    var elements = _names.Temporary(local + "Bytes");
                    _writer.Line($"var {array} = {RuntimeNames.WireArrays}.New<{field.ElementTypeName}>((int){count});");
                    _writer.Line($"var {elements} = source.Slice(position, {array}.Length * {size});");
                    _writer.Open($"for (var i = 0; i < {array}.Length; i++)");
                    _writer.Line($"{array}[i] = {FieldCode.ReadElement(field, $"{elements}.Slice(i * {size}, {size})")};");
                    _writer.Close();
                    _writer.Line();
                    if (array != local)
                    {
                        _writer.Line($"var {local} = global::System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray({array});");
                    }

                    break;
            }

            _writer.Line($"position += {bytes};");
        }

        /// <summary>A structure that reads itself: the reader catches up, reads it, and the span restarts after it.</summary>
        private void ReadItself(FieldPlan place)
        {
            var field = place.Field;
            if (field.Condition is not null)
            {
                ConditionCode.WriteRead(this, place);
                return;
            }

            _writer.Line();
            Sync();
            _writer.Open(field.Switch is not null
                ? $"if (!{SwitchCode.ReadInPlace(_model, field, _names.ValueOf, _names.Of(field))})"
                : $"if (!reader.TryReadStruct<{field.ElementTypeName}>(out var {_names.Of(field)}))");
            _exits.Failed(_writer);
            _writer.Close();
            _writer.Line();
            _writer.Line("source = reader.UnreadSpan;");
        }

        public void Sync()
        {
            _start.Moved = true;
            if (_known != 0)
            {
                _writer.Line($"reader.Advance({Position});");
            }

            if (_declared)
            {
                _writer.Line("position = 0;");
            }

            _known = 0;
        }

        private void Move(int length)
        {
            if (length == 0)
            {
                return;
            }

            if (_known is { } known)
            {
                _known = known + length;
            }
            else
            {
                _writer.Line($"position += {FieldCode.Int(length)};");
            }
        }

        public void DeclarePosition()
        {
            if (_known is not { } known)
            {
                return;
            }

            _writer.Line(_declared ? $"position = {FieldCode.Int(known)};" : $"var position = {FieldCode.Int(known)};");
            _declared = true;
            _known = null;
        }

        public void SetPosition(string value)
        {
            _writer.Line(_declared ? $"position = {value};" : $"var position = {value};");
            _declared = true;
            _known = null;
        }

        public static string Offset(string start, int delta) => start switch
        {
            _ when int.TryParse(start, out var constant) => FieldCode.Int(constant + delta),
            _ when delta == 0 => start,
            _ => delta > 0 ? $"{start} + {FieldCode.Int(delta)}" : $"{start} - {FieldCode.Int(-delta)}",
        };

        private static string Describe(List<FieldPlan> places) => places.Count == 1
            ? Name(places[0])
            : Name(places[0]) + " to " + Name(places[places.Count - 1]);

        private static string Name(FieldPlan place) => place.HasTail && place.Field.LengthFrom is null ? place.Field.WireName + "." + (place.Field.Kind is FieldKind.StructArray or FieldKind.PrimitiveArray ? "count" : "length") : place.Field.WireName;
    }
}

/// <summary>The locals a generated reader or writer declares, unique and never a field's own local.</summary>
internal sealed class LocalNames
{
    private static readonly string[] Reserved = { "reader", "writer", "value", "source", "destination", "position", "run", "i" };
    private readonly Dictionary<string, string> _fields = new();
    private readonly HashSet<string> _used = new(Reserved);

    /// <param name="model">The record whose fields get locals.</param>
    /// <param name="alsoReserved">Names the enclosing method already uses (its parameters), which no local may take.</param>
    public LocalNames(StructModel model, params string[] alsoReserved)
    {
        // A field's local may be escaped (@type): the same name as the parameter either way.
        _used.UnionWith(alsoReserved);
        _used.UnionWith(alsoReserved.Select(static name => "@" + name));
        foreach (var field in model.Fields)
        {
            var local = NameConventions.ToLocalName(field.Name);
            _fields[field.Name] = Unique(_used.Contains(local) ? local + "Field" : local);
        }
    }

    /// <summary>The local holding a field's value.</summary>
    public string Of(FieldModel field) => _fields[field.Name];

    /// <summary>
    /// The field's value where the record is built: its local, unless <see cref="ReadAt"/> gave an expression (a pure read
    /// of its run, or the constant a check proved).
    /// </summary>
    public string ValueOf(FieldModel field) => _values.TryGetValue(field.Name, out var value) ? value : Of(field);

    /// <summary>Builds the record with <paramref name="expression"/> as the field's value, instead of its local.</summary>
    public void ReadAt(FieldModel field, string expression) => _values[field.Name] = expression;

    private readonly Dictionary<string, string> _values = new();

    /// <summary>The local holding a field's length or count prefix.</summary>
    public string PrefixOf(FieldModel field) => Temporary(Of(field) + (field.Kind is FieldKind.StructArray or FieldKind.PrimitiveArray ? "Count" : "Length"));

    /// <summary>The span of run <paramref name="index"/>: <c>run</c>, then <c>run2</c>, <c>run3</c>...</summary>
    public string Run(int index) => index == 0 ? "run" : Temporary("run" + FieldCode.Int(index + 1));

    /// <summary>A local named <paramref name="name"/> unless taken; the same name again gives the same local.</summary>
    public string Temporary(string name)
    {
        if (_temporaries.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var local = Unique(name);
        _temporaries[name] = local;
        return local;
    }

    private readonly Dictionary<string, string> _temporaries = new();

    private string Unique(string name)
    {
        var candidate = name;
        for (var i = 2; !_used.Add(candidate); i++)
        {
            candidate = name + FieldCode.Int(i);
        }

        return candidate;
    }
}
