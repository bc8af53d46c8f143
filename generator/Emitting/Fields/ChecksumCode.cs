using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// The generated code of <c>[Checksum]</c> fields: where each range starts and ends (<see cref="ChecksumPoints"/>), the
/// decode and view verification once the last byte it needs is read, and the encode patch once everything is written.
/// </summary>
internal static class ChecksumCode
{
    private const string Binary = "global::System.Buffers.Binary.BinaryPrimitives.";
    private const string Kind = RuntimeNames.ProtocolErrorKind + ".";

    /// <summary>A checksum field's head on encode: zero, so an Internet checksum inside its range sums as zero (RFC 1071 (2)); patched last.</summary>
    public static string? WriteHead(FieldModel field, string run, int offset) =>
        field.Checksum is null ? null : FieldCode.WriteHead(field, run, offset, "0");

    /// <summary>
    /// Whether a reader or writer of the record may move its <c>WireReader</c>/<c>WireWriter</c> before its end (a field
    /// that reads or writes itself), so ranges are measured from the record's start, kept in locals.
    /// </summary>
    public static bool MayMove(LayoutPlan plan) => plan.Checksums.Count > 0
        && plan.Fields.Any(static p => p.HeadSize is null || p.Field.Kind == FieldKind.StructArray && !p.Field.ElementIsPlain);

    /// <summary>A JSON read of a checksum: optional (0 when absent), since encoding derives it.</summary>
    public static string JsonRead(FieldModel field, string read) => field.Checksum is null
        ? read
        : $"element.TryGetProperty({FieldCode.Quoted(field)}, out _) ? {read} : ({FieldCode.PrimitiveKeyword(field.Primitive)})0";

    /// <summary>A layout row's type for a checksum: <c>u16be, internet of ..destination</c>.</summary>
    public static string LayoutSuffix(StructModel model, FieldModel field)
    {
        if (field.Checksum is not { } checksum)
        {
            return string.Empty;
        }

        var fields = model.Fields;
        var from = checksum.FromIndex >= 0 ? fields[checksum.FromIndex].WireName : string.Empty;
        var through = checksum.ThroughIndex >= 0 ? fields[checksum.ThroughIndex].WireName : fields[fields.Count - 1].WireName;
        return $", {checksum.Display} of {from}..{through}" + (checksum.PseudoHeader ? " + pseudo-header" : string.Empty) + (checksum.ZeroMeansNone ? ", 0 = none" : string.Empty);
    }

    /// <summary>
    /// The verification after the run of fields <paramref name="first"/> to <paramref name="last"/>: each checksum whose
    /// bytes are all read by then, its stored value the reader's expression of it (<paramref name="storedValue"/>: its local or its read) or read from the span.
    /// </summary>
    /// <param name="pseudoHeader">The pseudo-header sum's expression (<c>reader.PseudoHeader</c>), or null where there is none (a view's
    /// check): a checksum that adds one is then not verified.</param>
    public static void WriteVerify(SourceWriter writer, StructModel model, ChecksumPoints points, int first, int last, string span, System.Func<FieldModel, string>? storedValue, System.Func<string, string> refuseAt, string guard, string? pseudoHeader)
    {
        var blank = true;
        foreach (var plan in model.Layout.Checksums.Where(p => p.VerifyAfter >= first && p.VerifyAfter <= last))
        {
            var field = model.Fields[plan.Field];
            var checksum = field.Checksum!;
            if (checksum.PseudoHeader && pseudoHeader is null)
            {
                continue;
            }

            var bytes = Arguments(span, points, plan, checksum.PseudoHeader ? pseudoHeader : null);
            // A view reads the stored value only to compare it; an Internet checksum covering itself is verified by its sum alone.
            var readsStored = storedValue is not null || !plan.CoversItself || checksum.Kind != ChecksumKind.Internet || checksum.ZeroMeansNone;
            var stored = storedValue?.Invoke(field) ?? (readsStored ? ReadStored(field, span, points.At(plan.Field)) : string.Empty);
            var wrong = checksum.Kind switch
            {
                ChecksumKind.Internet when plan.CoversItself => $"{RuntimeNames.Checksums}.Internet({bytes}) != 0",
                ChecksumKind.Internet => $"{RuntimeNames.Checksums}.Internet({bytes}) != {BigEndianValue(field, stored)}",
                ChecksumKind.Crc32 => $"{RuntimeNames.Checksums}.Crc32({bytes}) != {stored}",
                _ => $"{RuntimeNames.Checksums}.Compute<{checksum.CustomTypeName}>({bytes}) != {stored}",
            };
            var conditions = new List<string>();
            if (guard.Length > 0)
            {
                conditions.Add(guard);
            }

            if (checksum.ZeroMeansNone)
            {
                conditions.Add($"{stored} != 0");
            }

            conditions.Add(wrong);
            if (blank)
            {
                writer.Line();
                blank = false;
            }

            writer.Line($"// {field.WireName}: {Describe(model, plan)}{(plan.CoversItself && checksum.Kind == ChecksumKind.Internet ? ", the field included: a correct one sums to 0 (RFC 1071 (3))" : string.Empty)}{(checksum.ZeroMeansNone ? "; 0 means the sender computed none" : string.Empty)}.");
            writer.Open($"if ({string.Join(" && ", conditions)})");
            writer.Line(refuseAt(readsStored ? points.At(plan.Field) : string.Empty));
            writer.Close();
            writer.Line();
        }
    }

    /// <summary>The encode patches, in the plan's order (a checksum another covers first), over the written bytes in <paramref name="span"/>.</summary>
    /// <param name="pseudoHeader">The pseudo-header sum's expression: <c>writer.PseudoHeader</c>.</param>
    public static void WritePatches(SourceWriter writer, StructModel model, ChecksumPoints points, string span, System.Func<string, string> temporary, string pseudoHeader)
    {
        foreach (var plan in model.Layout.Checksums)
        {
            var field = model.Fields[plan.Field];
            var checksum = field.Checksum!;
            var bytes = Arguments(span, points, plan, checksum.PseudoHeader ? pseudoHeader : null);
            var keyword = FieldCode.PrimitiveKeyword(field.Primitive);
            var computed = checksum.Kind switch
            {
                ChecksumKind.Internet => $"{RuntimeNames.Checksums}.Internet({bytes})",
                ChecksumKind.Crc32 => $"{RuntimeNames.Checksums}.Crc32({bytes})",
                _ => $"({keyword}){RuntimeNames.Checksums}.Compute<{checksum.CustomTypeName}>({bytes})",
            };
            var at = points.At(plan.Field);
            var order = checksum.Kind == ChecksumKind.Internet || field.BigEndian ? "BigEndian" : "LittleEndian";
            writer.Line();
            writer.Line($"// {field.WireName}: {Describe(model, plan)}, computed over the written bytes{(plan.CoversItself ? " with the field as zero (RFC 1071 (2))" : string.Empty)}.");
            if (checksum.Kind == ChecksumKind.Internet && plan.CoversItself)
            {
                // Written swapped at an odd distance from the range's start, so the sum over the range verifies (RFC 1071 (3)).
                var distance = Sub(at, points.At(plan.From));
                if (int.TryParse(distance, NumberStyles.None, CultureInfo.InvariantCulture, out var constant))
                {
                    computed = constant % 2 == 0 ? computed : $"{Binary}ReverseEndianness({computed})";
                }
                else
                {
                    var sum = temporary(NameConventionsLocal(field) + "Sum");
                    writer.Line("// At an odd distance from the range's start its bytes pair with their neighbours the other way round.");
                    writer.Line($"var {sum} = {computed};");
                    computed = $"(({distance}) & 1) == 0 ? {sum} : {Binary}ReverseEndianness({sum})";
                }
            }

            if (!checksum.ZeroMeansNone)
            {
                writer.Line($"{Binary}Write{field.Primitive}{order}({span}.Slice({at}), {computed});");
                continue;
            }

            var local = temporary(NameConventionsLocal(field) + "Computed");
            writer.Line("// A stored 0 says the sender computes none (RFC 768): it is written as 0; a computed 0 goes out as 0xFFFF.");
            writer.Open($"if (this.{field.Name} != 0)");
            writer.Line($"var {local} = {computed};");
            writer.Line($"{Binary}Write{field.Primitive}{order}({span}.Slice({at}), {local} == 0 ? ({keyword})0xFFFF : {local});");
            writer.Close();
        }
    }

    /// <summary>A view's <c>Check</c> points, from <c>at</c> as it starts (the record's start), or null without checksums.</summary>
    public static ChecksumPoints? ViewPoints(SourceWriter writer, StructModel model)
    {
        if (model.Layout.Checksums.Count == 0)
        {
            return null;
        }

        var fromStart = model.Layout.Checksums.Any(static p => p.From < 0);
        if (fromStart)
        {
            writer.Line("var checksumStart = at;");
        }

        return ChecksumPoints.For(writer, model.Layout, fromStart ? "checksumStart" : "at", static name => name,
            plan => !plan.CoversItself || model.Fields[plan.Field].Checksum!.Kind != ChecksumKind.Internet || model.Fields[plan.Field].Checksum!.ZeroMeansNone);
    }

    /// <summary>A view's <c>Check</c> after a run: the decoder's verification, always on (a view has no options).</summary>
    public static void WriteViewVerify(SourceWriter writer, StructModel model, ChecksumPoints? points, RunPlan run)
    {
        if (points is null)
        {
            return;
        }

        points.RunEnd(run, "at");
        WriteVerify(writer, model, points, run.FirstField, run.FirstField + run.FieldCount - 1, "bytes", null, static _ => "return -1;", string.Empty, pseudoHeader: null);
    }

    private static string NameConventionsLocal(FieldModel field) => Parsing.NameConventions.ToLocalName(field.Name).TrimStart('@');

    // A checksum's arguments: the bytes it covers, then the pseudo-header's sum when it adds one.
    private static string Arguments(string span, ChecksumPoints points, ChecksumPlan plan, string? pseudoHeader) =>
        Slice(span, points, plan) + (pseudoHeader is null ? string.Empty : ", " + pseudoHeader);

    private static string Slice(string span, ChecksumPoints points, ChecksumPlan plan)
    {
        var from = points.At(plan.From);
        var end = points.At(plan.Through + 1);
        return from == "0" ? $"{span}.Slice(0, {end})" : $"{span}.Slice({from}, {Sub(end, from)})";
    }

    private static string ReadStored(FieldModel field, string span, string at) =>
        $"{Binary}Read{field.Primitive}{(field.BigEndian ? "BigEndian" : "LittleEndian")}({span}.Slice({at}))";

    // An Internet checksum is a big-endian word on the wire whatever the member's byte order.
    private static string BigEndianValue(FieldModel field, string stored) =>
        field.BigEndian ? stored : $"{Binary}ReverseEndianness({stored})";

    private static string Describe(StructModel model, ChecksumPlan plan)
    {
        var algorithm = model.Fields[plan.Field].Checksum!.Display;
        var from = plan.From < 0 ? "the record's start" : model.Fields[plan.From].WireName;
        var pseudoHeader = model.Fields[plan.Field].Checksum!.PseudoHeader ? " and the pseudo-header" : string.Empty;
        return (plan.From == plan.Through ? $"{algorithm} of {from}" : $"{algorithm} of {from} through {model.Fields[plan.Through].WireName}") + pseudoHeader;
    }

    internal static string Sub(string end, string from) =>
        from == "0" ? end
        : int.TryParse(end, NumberStyles.None, CultureInfo.InvariantCulture, out var e) && int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var f)
            ? (e - f).ToString(CultureInfo.InvariantCulture)
            : $"{end} - {from}";

    internal static string Add(string start, int offset) =>
        offset == 0 ? start
        : int.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? (s + offset).ToString(CultureInfo.InvariantCulture)
        : $"{start} + {offset.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>
/// Where the fields a record's checksums need start (the record's start for -1, its end for the field count), as the
/// emitter reaches them: a constant when it is one, else a local declared there, before the reader or writer moves on.
/// </summary>
internal sealed class ChecksumPoints
{
    private readonly SourceWriter _writer;
    private readonly System.Func<string, string> _temporary;
    private readonly HashSet<int> _needed = new();
    private readonly Dictionary<int, string> _at = new();

    private ChecksumPoints(SourceWriter writer, LayoutPlan plan, string recordStart, System.Func<string, string> temporary, System.Func<ChecksumPlan, bool> needsField)
    {
        _writer = writer;
        _temporary = temporary;
        _at[-1] = recordStart;
        foreach (var checksum in plan.Checksums)
        {
            _needed.Add(checksum.From);
            if (needsField(checksum))
            {
                _needed.Add(checksum.Field);
            }

            _needed.Add(checksum.Through + 1);
        }
    }

    /// <summary>The points of <paramref name="plan"/>'s checksums, or null when it has none.</summary>
    /// <param name="needsField">Whether the checksum field's own offset is wanted (a view's check reads it only to compare it).</param>
    public static ChecksumPoints? For(SourceWriter writer, LayoutPlan plan, string recordStart, System.Func<string, string> temporary, System.Func<ChecksumPlan, bool>? needsField = null) =>
        plan.Checksums.Count == 0 ? null : new ChecksumPoints(writer, plan, recordStart, temporary, needsField ?? (static _ => true));

    /// <summary>Notes the fields of <paramref name="run"/> starting at <paramref name="start"/> plus their run offsets.</summary>
    public void RunStart(LayoutPlan plan, RunPlan run, string start)
    {
        for (var i = run.FirstField; i < run.FirstField + run.FieldCount; i++)
        {
            Start(i, ChecksumCode.Add(start, plan.Fields[i].RunOffset));
        }
    }

    /// <summary>Notes that the field after <paramref name="run"/> starts at <paramref name="end"/>.</summary>
    public void RunEnd(RunPlan run, string end) => Start(run.FirstField + run.FieldCount, end);

    /// <summary>Where field <paramref name="field"/> starts, as noted.</summary>
    public string At(int field) => _at[field];

    private void Start(int field, string expression)
    {
        if (!_needed.Contains(field) || _at.ContainsKey(field))
        {
            return;
        }

        if (int.TryParse(expression, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            _at[field] = expression;
            return;
        }

        var local = _temporary("checksumAt" + field.ToString(CultureInfo.InvariantCulture));
        _writer.Line($"var {local} = {expression};");
        _at[field] = local;
    }
}
