using System;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// Lengths and counts that an earlier field holds (<c>[LengthOf]</c>, <c>[CountOf]</c>), for generated codecs: the
/// field's value is derived, <c>value × scale = measured + offset</c>, and <c>WireSize</c> checks here that the field
/// can say what its member measures, so a writer never stops half-way.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireLengths
{
    /// <summary>
    /// Checks that a field of at most <paramref name="max"/> can hold <c>(measured + offset) / scale</c> exactly;
    /// otherwise throws a <see cref="WireEncodeException"/> naming both the field (<paramref name="source"/>) and what
    /// it measures (<paramref name="target"/>).
    /// </summary>
    /// <param name="measured">What the field measures: the target's bytes or elements, plus the bytes before it when the length counts from the record's start.</param>
    /// <param name="before">The bytes before the target counted in <paramref name="measured"/> (0 unless from the record's start).</param>
    /// <param name="scale">The field's unit (at least 1).</param>
    /// <param name="offset">What the field counts beyond the measure.</param>
    /// <param name="max">The largest value the field holds.</param>
    /// <param name="isCount">Whether the measure is a count of elements, not bytes.</param>
    /// <param name="source">The length field's wire name.</param>
    /// <param name="target">The measured member's wire name.</param>
    // Inlined, so the constant scale, offset and max of the call fold the division away; the message is built out of line.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(long measured, long before, int scale, int offset, ulong max, bool isCount, string source, string target)
    {
        var total = measured + offset;
        if (total < 0 || total % scale != 0 || (ulong)(total / scale) > max)
        {
            ThrowCannotBeSaid(measured, before, scale, offset, max, isCount, source, target);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowCannotBeSaid(long measured, long before, int scale, int offset, ulong max, bool isCount, string source, string target)
    {
        var total = measured + offset;
        var unit = isCount ? (measured - before == 1 ? "element" : "elements") : (measured - before == 1 ? "byte" : "bytes");
        var what = string.Create(CultureInfo.InvariantCulture, $"is {measured - before} {unit}") +
            (before > 0 ? string.Create(CultureInfo.InvariantCulture, $" (it ends {measured} bytes from the record's start)") : string.Empty);
        var reason = total < 0
            ? string.Create(CultureInfo.InvariantCulture, $"the field would be negative ({total} ÷ {scale})")
            : total % scale != 0
                ? string.Create(CultureInfo.InvariantCulture, $"{total} is not a multiple of {scale}")
                : string.Create(CultureInfo.InvariantCulture, $"the field would be {total / scale}, more than its {max}");
        throw WireEncodeException.LengthCannotBeSaid(source, target, what, Rule(source, scale, offset, before > 0), reason);
    }

    /// <summary>The element count of an array whose count an earlier field holds; a default array throws, naming <paramref name="field"/>.</summary>
    public static int Count<T>(ImmutableArray<T> items, string field) => items.IsDefault ? throw WireEncodeException.Null(field) : items.Length;

    /// <summary>The element count of an array whose count an earlier field holds; null throws, naming <paramref name="field"/>.</summary>
    public static int Count<T>(T[]? items, string field) => (items ?? throw WireEncodeException.Null(field)).Length;

    // "header_length × 4 − 20": what the field says in terms of the measure, as the message states the rule.
    private static string Rule(string source, int scale, int offset, bool fromStart)
    {
        var rule = scale == 1 ? source : string.Create(CultureInfo.InvariantCulture, $"{source} × {scale}");
        if (offset != 0)
        {
            rule += string.Create(CultureInfo.InvariantCulture, $" {(offset > 0 ? "−" : "+")} {Math.Abs((long)offset)}");
        }

        return fromStart ? rule + " (from the record's start)" : rule;
    }
}
