using System.Collections.Generic;

namespace ProtocolGen.Generator.Model;

/// <summary>
/// The byte layout of one record, computed once by the parser: each field's size and constant offset, and the
/// runs of fixed-size bytes between the variable parts. It is the one place where each field kind's size rules
/// live (its value rules, for JSON and equality, are in <c>ValueForms.cs</c>); the read, write, size, JSON,
/// equality, layout-doc and view emitters ask it instead of switching on kinds themselves.
/// </summary>
/// <remarks>
/// A field has a <em>head</em>, the bytes at a position known from the start of its run, and may have a
/// <em>tail</em>, the bytes whose count only the value tells:
/// <list type="table">
/// <item><term>integer, boolean, enum, fixed bytes, plain fixed-size structure</term><description>head = the whole field; no tail.</description></item>
/// <item><term>length- or count-prefixed bytes, text and arrays</term><description>head = the prefix; tail = the payload or elements.</description></item>
/// <item><term>rest of frame</term><description>head = 0 bytes; tail = everything left.</description></item>
/// <item><term>conditional member</term><description>no head; the member, when its condition holds, is its tail (at least 0 bytes).</description></item>
/// <item><term>any other structure (its size varies, only the runtime knows it, or it can refuse bytes)</term><description>no head (<see cref="FieldPlan.HeadSize"/> null); it reads and writes itself, and the whole structure is its tail.</description></item>
/// </list>
/// A run is a stretch of heads with no tail between them: reading or writing it costs one bounds check, then
/// every head sits at a constant offset from the run's start. A tail ends its run; the next field starts a new one.
/// </remarks>
/// <param name="Fields">Each field's place, in wire order, index for index with <see cref="StructModel.Fields"/>.</param>
/// <param name="Runs">The fixed runs, in wire order; a record with no fields has none.</param>
/// <param name="ConstantMinSize">The fewest bytes the record takes, counting only what the generator knows (see <see cref="RuntimeSizedStructs"/>).</param>
/// <param name="RuntimeSizedStructs">Fully qualified types of nested structures whose minimum size only the runtime knows; each adds its <c>MinWireSize</c> to <see cref="ConstantMinSize"/>.</param>
/// <param name="IsFixedSize">True when every value takes the same bytes, false when some do not, null when that depends on <see cref="RuntimeSizedStructs"/> (each must be fixed).</param>
/// <param name="IsPlain">
/// Whether the record is one run of constant size in which every byte string is a valid value (no booleans, no
/// structure that can refuse bytes): it then reads and writes from exactly its bytes with no failure path, and
/// a record holding it reads it in its own run.
/// </param>
/// <param name="MagicLength">The bytes of the record's <c>[Magic]</c> (0 when it has none): the first run's first bytes (see <see cref="RunPlan.Magic"/>).</param>
/// <param name="Checksums">The record's <c>[Checksum]</c> fields, in the order encoding patches them (<c>LayoutPlan.Checksums.cs</c>).</param>
internal sealed partial record LayoutPlan(
    EquatableArray<FieldPlan> Fields,
    EquatableArray<RunPlan> Runs,
    int ConstantMinSize,
    EquatableArray<string> RuntimeSizedStructs,
    bool? IsFixedSize,
    bool IsPlain,
    int MagicLength = 0,
    EquatableArray<ChecksumPlan> Checksums = default)
{
    /// <summary>Whether the record's whole size is a constant the generator knows.</summary>
    public bool IsConstantSize => IsFixedSize == true && RuntimeSizedStructs.Count == 0;

    /// <summary>Lays out <paramref name="fields"/> in wire order, after <paramref name="magicLength"/> bytes of magic.</summary>
    public static LayoutPlan For(IReadOnlyList<FieldModel> fields, int magicLength = 0)
    {
        var plans = new List<FieldPlan>();
        var runs = new List<RunPlan>();
        var runtimeSized = new List<string>();
        var constantMin = magicLength;
        bool? isFixed = true;
        int? offset = magicLength;
        var runStart = 0;

        // The magic is the first run's first bytes, so checking it costs no bounds check of its own.
        var runLength = magicLength;
        int? runOffset = 0;

        void CloseRun(int nextField)
        {
            var magic = runs.Count == 0 ? magicLength : 0;
            if (nextField > runStart || magic > 0)
            {
                runs.Add(new RunPlan(runs.Count, runStart, nextField - runStart, runLength, runOffset, magic));
            }

            runStart = nextField;
            runLength = 0;
        }

        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var head = HeadSize(field);
            var tail = HasTail(field);
            if (head is null && (i > runStart || (i == 0 && magicLength > 0)))
            {
                // A structure with no head cannot share a run: close the run before it.
                CloseRun(i);
            }

            if (i == runStart && (runs.Count > 0 || magicLength == 0))
            {
                runOffset = offset;
            }

            // Padding is part of the run it sits in, so the field and those after it keep constant offsets.
            var padBefore = field.Padding?.Before ?? 0;
            var padAfter = field.Padding?.After ?? 0;
            runLength += padBefore;
            offset += padBefore;
            constantMin += padBefore + padAfter;

            plans.Add(new FieldPlan(field, offset, runs.Count, runLength, head, tail, MinSize(field), FieldIsFixedSize(field), JsonFormOf(field), EqualityOf(field)));
            if (MinSize(field) is { } min)
            {
                constantMin += min;
            }
            else
            {
                runtimeSized.Add(field.ElementTypeName!);
            }

            switch (FieldIsFixedSize(field))
            {
                case false:
                    isFixed = false;
                    break;
                case null when isFixed == true:
                    isFixed = null;
                    break;
            }

            runLength += head ?? 0;
            offset = offset is { } o && FieldIsFixedSize(field) == true && MinSize(field) is { } size ? o + size + padAfter : null;
            runLength += padAfter;
            if (tail)
            {
                CloseRun(i + 1);
            }
        }

        CloseRun(fields.Count);
        // A structure of no bytes is not plain: it has nothing to read at an offset, and a count of such elements must
        // be bounded by the frame, not by a zero element size.
        var isPlain = constantMin > 0 && magicLength == 0 && isFixed == true && runtimeSized.Count == 0 && plans.TrueForAll(p => p.HeadSize is not null && !p.HasTail && !RefusesBytes(p.Field) && !BreaksPlain(p.Field));
        return new LayoutPlan(plans.ToEquatableArray(), runs.ToEquatableArray(), constantMin, runtimeSized.ToEquatableArray(), isFixed, isPlain, magicLength, ChecksumPlans(fields));
    }

    /// <summary>The size of one integer, boolean or enum of <paramref name="primitive"/>.</summary>
    public static int PrimitiveSize(PrimitiveType primitive) => primitive switch
    {
        PrimitiveType.Byte or PrimitiveType.SByte or PrimitiveType.Boolean => 1,
        PrimitiveType.UInt16 or PrimitiveType.Int16 => 2,
        PrimitiveType.UInt32 or PrimitiveType.Int32 => 4,
        _ => 8,
    };

    /// <summary>
    /// The head a conditional member has when present: its size when it is read at a position like an integer (an
    /// integer, boolean, enum, fixed bytes or a plain structure); null for a structure that reads itself.
    /// </summary>
    public static int? PresentHeadSize(FieldModel field) => HeadSize(field with { Condition = null });

    /// <summary>The field's head: its whole size when fixed, its prefix, 0 for rest of frame, null for a structure that reads itself.</summary>
    private static int? HeadSize(FieldModel field) => field.Kind switch
    {
        _ when field.Condition is not null => null, // read by itself, when its condition holds
        _ when BitsHeadSize(field) is { } bits => bits,
        _ when field.FixedCount > 0 => CountedHeadSize(field),
        FieldKind.Primitive or FieldKind.Enum => PrimitiveSize(field.Primitive),
        FieldKind.FixedBytes or FieldKind.FixedString => field.Length,
        FieldKind.PrefixedBytes or FieldKind.PrefixedString or FieldKind.StructArray or FieldKind.PrimitiveArray => field.Prefix,
        FieldKind.RestBytes or FieldKind.RestString or FieldKind.TerminatedString => 0,
        FieldKind.Struct => field.ElementIsPlain && !HasLengthSource(field) ? field.ElementSize : null,
        _ => null,
    };

    private static bool HasTail(FieldModel field) => field.Kind switch
    {
        _ when field.Condition is not null => true,
        _ when field.FixedCount > 0 => !IsCountedHead(field),
        FieldKind.Primitive or FieldKind.Enum or FieldKind.FixedBytes or FieldKind.FixedString => false,
        FieldKind.Struct => !field.ElementIsPlain || HasLengthSource(field),
        _ => true,
    };

    private static int? MinSize(FieldModel field) => field.Kind switch
    {
        _ when field.Condition is not null => 0, // absent
        _ when field.FixedCount > 0 => CountedMinSize(field),
        FieldKind.Struct => field.ElementSize,
        FieldKind.TerminatedString => 1, // the 0x00, at least
        _ => HeadSize(field),
    };

    private static bool? FieldIsFixedSize(FieldModel field) => field.Kind switch
    {
        _ when field.Condition is not null => false,
        _ when field.FixedCount > 0 => CountedIsFixedSize(field),
        FieldKind.Primitive or FieldKind.Enum or FieldKind.FixedBytes or FieldKind.FixedString => true,
        FieldKind.Struct => field.ElementSize is null ? null : field.ElementIsFixedSize,
        _ => false,
    };
}

/// <summary>Where one field sits in its record's layout.</summary>
/// <param name="Field">The field.</param>
/// <param name="Offset">Its constant offset from the record's start, when every field before it has a constant size; else null.</param>
/// <param name="Run">The index of the run holding its head (for a field with no head, of the run it starts after).</param>
/// <param name="RunOffset">Its head's offset from the start of its run.</param>
/// <param name="HeadSize">
/// Its head's size: the whole field for integers, booleans, enums, fixed bytes and plain structures; the prefix
/// width for prefixed kinds; 0 for rest of frame; null for a structure that reads and writes itself.
/// </param>
/// <param name="HasTail">Whether bytes not in the run follow the head: a payload, text, elements, or a structure that reads itself.</param>
/// <param name="MinSize">The fewest bytes the whole field takes, when the generator knows; null for a structure only the runtime can size.</param>
/// <param name="IsFixedSize">Whether the whole field always takes <see cref="MinSize"/> bytes; null when only the runtime can tell.</param>
/// <param name="Json">How its value is written to and read from JSON.</param>
/// <param name="Equality">How two records compare its values.</param>
internal sealed record FieldPlan(
    FieldModel Field,
    int? Offset,
    int Run,
    int RunOffset,
    int? HeadSize,
    bool HasTail,
    int? MinSize,
    bool? IsFixedSize,
    JsonForm Json,
    EqualityForm Equality)
{
    /// <summary>Where the field's tail starts, from the record's start, when that is constant (its payload after a prefix).</summary>
    public int? TailOffset => HasTail && Offset is { } offset && HeadSize is { } head ? offset + head : null;
}

/// <summary>A stretch of heads with no tail between them: one bounds check, then constant offsets.</summary>
/// <param name="Index">The run's position among its record's runs.</param>
/// <param name="FirstField">The index of its first field.</param>
/// <param name="FieldCount">How many fields' heads it holds; only the last may have a tail, which follows the run.</param>
/// <param name="Length">Its size in bytes (0 for a run holding only a rest-of-frame field).</param>
/// <param name="Offset">Its constant offset from the record's start, when known (always 0 for the first run).</param>
/// <param name="Magic">
/// How many of its first bytes are the record's magic (only the first run has any): its fields' heads follow them.
/// A run of magic alone (no fields) is the whole record, or comes before a first field that reads itself.
/// </param>
internal sealed record RunPlan(int Index, int FirstField, int FieldCount, int Length, int? Offset, int Magic = 0);
