using System.Linq;
using ProtocolGen.Generator.Emitting.Fields;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting;

/// <summary>
/// Writes a structure's <c>WriteTo</c> from its layout plan: per run one slice to its exact length, then every
/// head at a constant offset; tails after their run; the writer advanced once. The body is the hidden
/// <c>WriteAfterSize</c>, which checks nothing <c>WireSize</c> already refused: the runtime's encoders and parent
/// writers call it after sizing. The public <c>WriteTo</c> asks <c>WireSize</c> first, so no public path writes a
/// byte of a value the wire cannot carry.
/// </summary>
internal static class WriteEmitter
{

    public static void WriteWriteTo(SourceWriter writer, StructModel model, string overrideModifier)
    {
        writer.Line("/// <inheritdoc/>");
        if (model.Fields.Count == 0 && model.Layout.MagicLength == 0)
        {
            writer.Line($"public {overrideModifier}void WriteTo(ref {RuntimeNames.WireWriter} writer)");
            writer.Line("{");
            writer.Line("}");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            writer.Line($"public {overrideModifier}void WriteAfterSize(ref {RuntimeNames.WireWriter} writer)");
            writer.Line("{");
            writer.Line("}");
            return;
        }

        writer.Open($"public {overrideModifier}void WriteTo(ref {RuntimeNames.WireWriter} writer)");
        writer.Line("// The checks run before the first byte; WriteAfterSize trusts them.");
        writer.Line("_ = WireSize;");
        writer.Line("WriteAfterSize(ref writer);");
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        // Inlined into the frame encoder that knows the packet, so the writer stays in registers and the writes land
        // at offsets from the frame's one bounds check.
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");

        writer.Open($"public {overrideModifier}void WriteAfterSize(ref {RuntimeNames.WireWriter} writer)");
        if (WritesFixed(model))
        {
            writer.Line("WriteFixed(writer.UnwrittenSpan);");
            writer.Line($"writer.Advance({FieldCode.Int(model.Layout.ConstantMinSize)});");
            writer.Close();
            return;
        }

        var names = new LocalNames(model);
        writer.Line("var destination = writer.UnwrittenSpan;");
        var body = new Body(writer, names, model);
        foreach (var run in model.Layout.Runs)
        {
            body.Run(model.Layout, run);
        }

        body.PatchChecksums();

        if (body.Position != "0")
        {
            writer.Line();
            writer.Line($"writer.Advance({body.Position});");
        }

        writer.Close();
    }

    /// <summary>
    /// Whether the structure writes through <c>WriteFixed</c>: one run of constant size with nothing for
    /// <c>WireSize</c> to check (a plain structure, or a packet laid out as one).
    /// </summary>
    public static bool WritesFixed(StructModel model) =>
        ReadEmitter.IsPlainStruct(model)
        || (model.Layout.IsPlain && model.Fields.Count > 0 && model.Layout.Fields.All(p => FieldCode.ConstantSizeCheck(p) is null));

    /// <summary>A plain structure's writer into exactly its bytes, which every other writer of it calls.</summary>
    public static void WriteWriteFixed(SourceWriter writer, StructModel model)
    {
        var size = FieldCode.Int(model.Layout.ConstantMinSize);
        writer.Line($"/// <summary>Writes this value's {size} bytes at the start of <paramref name=\"destination\"/>.</summary>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        writer.Open("public void WriteFixed(global::System.Span<byte> destination)");
        writer.Line("// One slice to the exact length: every write below is at a constant offset the JIT checks at compile time.");
        writer.Line($"var run = destination.Slice(0, {size});");
        foreach (var place in model.Layout.Fields)
        {
            PaddingCode.WriteClear(writer, place, "run");
            if (place.Field.Bits is { } bits)
            {
                if (bits.StartsGroup)
                {
                    writer.Line(BitsCode.WriteGroup(model.Layout.BitGroup(place), "run", place.RunOffset));
                }

                continue;
            }

            writer.Line(FieldCode.WriteHead(place.Field, "run", place.RunOffset, "this." + place.Field.Name));
        }

        writer.Close();
    }

    internal sealed class Body
    {
        private readonly SourceWriter _writer;
        private readonly LocalNames _names;
        private int? _known = 0;
        private bool _declared;

        public Body(SourceWriter writer, LocalNames names, StructModel model)
        {
            _writer = writer;
            _names = names;
            _model = model;
            _start = new RecordStart(writer, model.Layout, names, "writer", "destination");
            _points = ChecksumPoints.For(writer, model.Layout, "0", names.Temporary);
        }

        private readonly StructModel _model;
        private readonly ChecksumPoints? _points;
        private readonly RecordStart _start;

        /// <summary>Writes one run (and its tail), noting where the fields the record's checksums need start.</summary>
        public void Run(LayoutPlan plan, RunPlan run)
        {
            _points?.RunStart(plan, run, _start.FromRecordStart(Position));
            WriteRun(plan, run);
            _points?.RunEnd(run, _start.FromRecordStart(Position));
        }

        /// <summary>The checksums, last: every byte they cover is written.</summary>
        public void PatchChecksums()
        {
            if (_points is not null)
            {
                // A case's parent leaves the pseudo-header's length to it: its length is known here, once written.
                var pseudoHeader = _model.Case is null ? "writer.PseudoHeader" : $"writer.PseudoHeaderFor({_start.FromRecordStart(Position)})";
                ChecksumCode.WritePatches(_writer, _model, _points, _start.Bytes, _names.Temporary, pseudoHeader);
            }
        }


        public string Position => _known is { } known ? FieldCode.Int(known) : "position";

        public SourceWriter Writer => _writer;

        public LocalNames Names => _names;

        public StructModel Model => _model;

        private void WriteRun(LayoutPlan plan, RunPlan run)
        {
            var places = Enumerable.Range(run.FirstField, run.FieldCount).Select(i => plan.Fields[i]).ToList();
            _writer.Line();
            if (places.Count == 0)
            {
                // A run of magic alone: the record's only bytes, or those before a first field that writes itself.
                var magic = _names.Run(run.Index);
                _writer.Line($"var {magic} = destination.Slice({Position}, {FieldCode.Int(run.Length)});");
                ConstantCode.WriteWriteMagic(_writer, run, magic);
                Move(run.Length);
                return;
            }

            var last = places[places.Count - 1];
            if (last.HeadSize is null && last.Field.LengthFrom is not null)
            {
                LengthWriteCode.WriteTarget(this, plan, last, null);
                return;
            }

            if (last.Field.Condition is not null)
            {
                ConditionCode.WriteWrite(this, last);
                return;
            }

            if (last.HeadSize is null)
            {
                // A structure that writes itself: the writer catches up, it writes, and the span restarts after it.
                Sync();
                _writer.Line(SwitchCode.Write(_model, last.Field));
                _writer.Line("destination = writer.UnwrittenSpan;");
                return;
            }

            // The tail's span is taken first, so its length can go in the prefix.
            var field = last.Field;
            var tail = last.HasTail ? _names.Of(field) : null;
            switch (field.Kind)
            {
                case FieldKind.PrefixedBytes or FieldKind.RestBytes:
                    _writer.Line(field.Shape == SequenceShape.ReadOnlyMemory
                        ? $"var {tail} = this.{field.Name}.Span;"
                        : $"global::System.ReadOnlySpan<byte> {tail} = this.{field.Name};");
                    break;
                case FieldKind.StructArray or FieldKind.PrimitiveArray:
                    _writer.Line(field.Shape == SequenceShape.ImmutableArray
                        ? $"var {tail} = this.{field.Name}.AsSpan();"
                        : $"global::System.ReadOnlySpan<{field.ElementTypeName}> {tail} = this.{field.Name};");
                    break;
            }

            string? span = null;
            if (run.Length > 0)
            {
                span = _names.Run(run.Index);
                _writer.Line($"var {span} = destination.Slice({Position}, {FieldCode.Int(run.Length)});");
                ConstantCode.WriteWriteMagic(_writer, run, span);
            }

            foreach (var place in places)
            {
                PaddingCode.WriteClear(_writer, place, span!);
                if (place.Field.Bits is { } bits)
                {
                    // The container is written once, at its group's first member, with every member or'ed in.
                    if (bits.StartsGroup)
                    {
                        _writer.Line(BitsCode.WriteGroup(plan.BitGroup(place), span!, place.RunOffset));
                    }

                    continue;
                }

                if (place.HeadSize == 0 || (place.HasTail && field.Kind == FieldKind.PrefixedString) || place.Field.LengthOf is not null || CountsCode.WriteHead(_writer, place.Field, span!, place.RunOffset))
                {
                    // A length field's value comes from its member, written after it (LengthWriteCode).
                    continue;
                }

                _writer.Line(ChecksumCode.WriteHead(place.Field, span!, place.RunOffset)
                    ?? ConstantCode.WriteHead(place.Field, span!, place.RunOffset)
                    ?? FieldCode.WriteHead(place.Field, span!, place.RunOffset, place.HasTail ? tail + ".Length" : "this." + place.Field.Name));
            }

            Move(run.Length);
            if (!last.HasTail)
            {
                return;
            }

            if (field.LengthFrom is not null)
            {
                LengthWriteCode.WriteTarget(this, plan, last, tail);
                return;
            }

            Declare();
            switch (field.Kind)
            {
                case FieldKind.PrefixedBytes or FieldKind.RestBytes:
                    _writer.Line($"{tail}.CopyTo(destination.Slice(position));");
                    _writer.Line($"position += {tail}.Length;");
                    break;
                case FieldKind.RestString:
                    _writer.Line($"position += {RuntimeNames.WireText}.Write(this.{field.Name}, destination.Slice(position), {FieldCode.Quoted(field)});");
                    break;
                case FieldKind.TerminatedString:
                    _writer.Line(TerminatedTextCode.WriteTail(field));
                    break;
                case FieldKind.PrefixedString:
                    var length = _names.PrefixOf(field);
                    _writer.Line($"var {length} = {RuntimeNames.WireText}.Write(this.{field.Name}, destination.Slice(position), {FieldCode.Quoted(field)});");
                    _writer.Line(FieldCode.WriteHead(field, span!, last.RunOffset, length));
                    _writer.Line($"position += {length};");
                    break;
                case FieldKind.PrimitiveArray:
                    _writer.Line($"position += {RuntimeNames.WireArrays}.WritePrimitives({tail}, destination.Slice(position), bigEndian: {(field.BigEndian ? "true" : "false")});");
                    break;
                case FieldKind.StructArray when field.ElementIsPlain:
                    var size = FieldCode.Int(field.ElementSize!.Value);
                    var elements = _names.Temporary(tail + "Bytes");
                    _writer.Line($"var {elements} = destination.Slice(position, {tail}.Length * {size});");
                    _writer.Open($"for (var i = 0; i < {tail}.Length; i++)");
                    _writer.Line(FieldCode.WriteElement(field, $"{tail}[i]", $"{elements}.Slice(i * {size}, {size})"));
                    _writer.Close();
                    _writer.Line();
                    _writer.Line($"position += {elements}.Length;");
                    break;
                default:
                    Sync();
                    _writer.Line($"writer.WriteArrayAfterSize<{field.ElementTypeName}>({tail});");
                    _writer.Line("destination = writer.UnwrittenSpan;");
                    break;
            }
        }

        public void Sync()
        {
            _start.Moved = true;
            if (_known != 0)
            {
                _writer.Line($"writer.Advance({Position});");
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

        public void Declare()
        {
            if (_known is not { } known)
            {
                return;
            }

            _writer.Line(_declared ? $"position = {FieldCode.Int(known)};" : $"var position = {FieldCode.Int(known)};");
            _declared = true;
            _known = null;
        }
    }
}
