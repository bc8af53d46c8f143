using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProtocolGen.Generator.Model;
using ProtocolGen.Layout;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// The code of padding (<c>[PadBefore]</c>, <c>[PadAfter]</c>): bytes in the field's run, just before its head or just
/// after it, skipped on decode (or refused at the first non-zero byte when they must be zero) and cleared on encode.
/// </summary>
internal static class PaddingCode
{
    private const string Mismatch = RuntimeNames.ProtocolErrorKind + ".FixedValueMismatch";

    /// <summary>
    /// The decode check of the field's padding that must be zero, in the run <paramref name="span"/>, which starts at
    /// <paramref name="runStart"/> in the reader's unread span (for the error's offset).
    /// </summary>
    public static void WriteReadCheck(SourceWriter writer, FieldPlan place, string span, string runStart, LocalNames names, System.Func<string, string, string> refuse)
    {
        foreach (var (start, length) in Checked(place))
        {
            var bad = names.Temporary(NameConventions(place) + "Padding");
            writer.Line($"var {bad} = {RuntimeNames.WirePadding}.FirstNonZero({span}.Slice({Int(place.RunOffset + start)}, {Int(length)}));");
            writer.Open($"if ({bad} >= 0)");
            var first = Plus(runStart, place.RunOffset + start);
            writer.Line(refuse(Mismatch, first == "0" ? bad : $"{first} + {bad}"));
            writer.Close();
            writer.Line();
        }
    }

    /// <summary>The encode side: the field's padding cleared in <paramref name="span"/> (a writer's buffer holds old bytes).</summary>
    public static void WriteClear(SourceWriter writer, FieldPlan place, string span)
    {
        if (place.Field.Padding is not { } padding)
        {
            return;
        }

        if (padding.Before > 0)
        {
            writer.Line($"{span}.Slice({Int(place.RunOffset - padding.Before)}, {Int(padding.Before)}).Clear();");
        }

        if (padding.After > 0)
        {
            writer.Line($"{span}.Slice({Int(place.RunOffset + place.HeadSize!.Value)}, {Int(padding.After)}).Clear();");
        }
    }

    /// <summary>The view's <c>Check</c> of the field's padding that must be zero, in the run that starts at <c>at</c> in <c>bytes</c>.</summary>
    public static void WriteViewCheck(SourceWriter writer, FieldPlan place)
    {
        foreach (var (start, length) in Checked(place))
        {
            writer.Open($"if ({RuntimeNames.WirePadding}.FirstNonZero(bytes.Slice({Plus("at", place.RunOffset + start)}, {Int(length)})) >= 0)");
            writer.Line("return -1;");
            writer.Close();
            writer.Line();
        }
    }

    /// <summary>What a layout's title says of padding: <c>no padding</c>, or where the rows draw it.</summary>
    public static string Summary(StructModel model) =>
        model.Fields.Any(static f => f.Padding is not null) ? "padding as drawn" : "no padding";

    /// <summary>The field's padding rows for layouts, before or after its own rows.</summary>
    public static void AddRow(List<FieldLayout> rows, FieldPlan place, bool after)
    {
        if (place.Field.Padding is not { } padding || (after ? padding.After : padding.Before) is not (> 0 and var length))
        {
            return;
        }

        int? offset = place.Offset is { } at ? (after ? at + place.HeadSize!.Value : at - length) : null;
        var mustBeZero = after ? padding.AfterMustBeZero : padding.BeforeMustBeZero;
        rows.Add(new FieldLayout(offset, length, "padding", mustBeZero ? "padding, must be 0x00" : "padding, 0x00 on encode"));
    }

    // The stretches of padding decoding must check, from the head's start: before it (negative) and after it.
    private static IEnumerable<(int Start, int Length)> Checked(FieldPlan place)
    {
        if (place.Field.Padding is not { } padding)
        {
            yield break;
        }

        if (padding.Before > 0 && padding.BeforeMustBeZero)
        {
            yield return (-padding.Before, padding.Before);
        }

        if (padding.After > 0 && padding.AfterMustBeZero)
        {
            yield return (place.HeadSize!.Value, padding.After);
        }
    }

    private static string NameConventions(FieldPlan place) => Parsing.NameConventions.ToLocalName(place.Field.Name).TrimStart('@');

    private static string Plus(string start, int delta) => int.TryParse(start, NumberStyles.Integer, CultureInfo.InvariantCulture, out var constant)
        ? Int(constant + delta)
        : delta == 0 ? start : delta > 0 ? $"{start} + {Int(delta)}" : $"{start} - {Int(-delta)}";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
