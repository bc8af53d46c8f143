using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing.Fields;

/// <summary>
/// Reads <c>[FixedCount(n)]</c> and <c>[PadBefore]</c>/<c>[PadAfter]</c> on a member: a count or padding that is not
/// positive is PG0028, a misplaced one PG0009, each reported once.
/// </summary>
internal static class CountsParser
{
    /// <summary>One side's padding as declared: its byte count and whether it must be zero.</summary>
    public readonly record struct Pad(int Bytes, bool MustBeZero);

    /// <summary>Reads a <c>[PadBefore]</c> or <c>[PadAfter]</c>.</summary>
    public static Pad ReadPad(AttributeData attribute)
    {
        var bytes = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int n ? n : 0;
        var mustBeZero = false;
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "MustBeZero" && named.Value.Value is bool value)
            {
                mustBeZero = value;
            }
        }

        return new Pad(bytes, mustBeZero);
    }

    /// <summary>
    /// Checks the declared count and padding before the member's kind is worked out: false (with PG0028 or PG0009 in
    /// <paramref name="diagnostics"/>) when one is not positive, or <c>[FixedCount]</c> is on a member that is not an
    /// array or shares it with another count rule.
    /// </summary>
    public static bool Check(int? fixedCount, Pad? before, Pad? after, bool otherCountRule, bool isSequence, string name, Location? location, List<DiagnosticInfo> diagnostics)
    {
        if (fixedCount is <= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CountOrPaddingNotPositive, location, name, $"[FixedCount({Int(fixedCount.Value)})]", "an array of fixed count holds at least 1 element"));
            return false;
        }

        foreach (var (pad, attribute) in new[] { (before, "PadBefore"), (after, "PadAfter") })
        {
            if (pad is { Bytes: <= 0 } bad)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CountOrPaddingNotPositive, location, name, $"[{attribute}({Int(bad.Bytes)})]", "padding is at least 1 byte; remove the attribute for none"));
                return false;
            }
        }

        if (fixedCount is not null && !isSequence)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, name, "[FixedCount]", "it is for arrays (T[] or ImmutableArray<T>, or bytes); remove it, or use [FixedLength(n)] for text"));
            return false;
        }

        if (fixedCount is not null && otherCountRule)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, name, "[FixedCount] with another count or length rule", "an array has one count rule: [FixedCount(n)], [CountPrefix(width)] or [RestOfFrame]; keep one"));
            return false;
        }

        return true;
    }

    /// <summary>
    /// <paramref name="field"/> with its padding, or null (PG0009 in <paramref name="diagnostics"/>) when the padding
    /// cannot sit there: before a structure that reads itself, or after a member whose tail varies in length.
    /// </summary>
    public static FieldModel? WithPadding(FieldModel field, Pad? before, Pad? after, Location? location, List<DiagnosticInfo> diagnostics)
    {
        if (before is null && after is null)
        {
            return field;
        }

        if (before is not null && !LayoutPlan.PaddingFits(field, after: false) || after is not null && !LayoutPlan.PaddingFits(field, after: true))
        {
            var which = before is not null && !LayoutPlan.PaddingFits(field, after: false) ? "[PadBefore]" : "[PadAfter]";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, field.Name, which,
                which == "[PadBefore]"
                    ? "the member is a structure that reads itself, so padding before it has no place in a fixed run; put [PadAfter] on the member before it"
                    : "the member's length varies, so padding after it has no constant place; put [PadBefore] on the member after it"));
            return null;
        }

        return field with
        {
            Padding = new Padding(before?.Bytes ?? 0, after?.Bytes ?? 0, before?.MustBeZero ?? false, after?.MustBeZero ?? false),
        };
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
