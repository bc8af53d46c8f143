using System.Globalization;
using System.Linq;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Emitting.Fields;

/// <summary>
/// The arithmetic of lengths and counts that earlier fields hold (<c>value × Scale = measure + Offset</c>), shared by the
/// readers, writers, sizes and views of <see cref="LengthReadCode"/>, <see cref="LengthWriteCode"/> and
/// <see cref="LengthViewCode"/>, and the words layouts and JSON use for them.
/// </summary>
internal static class LengthCode
{
    /// <summary>
    /// The target's measure from the source's value (<paramref name="value"/>, an unsigned expression), as a <c>long</c>:
    /// <c>value × Scale − Offset</c>, minus the bytes before the target when counting from the record's start
    /// (<paramref name="before"/>, a constant or an expression; null when not counting from the start).
    /// </summary>
    public static string Measure(LengthRule rule, string value, int beforeConstant, string? beforeExpression)
    {
        var product = rule.Scale == 1 ? $"(long){value}" : $"(long){value} * {Int(rule.Scale)}";
        var constant = (long)rule.Offset + beforeConstant;
        var expression = product;
        if (constant > 0)
        {
            expression += " - " + constant.ToString(CultureInfo.InvariantCulture);
        }
        else if (constant < 0)
        {
            expression += " + " + (-constant).ToString(CultureInfo.InvariantCulture);
        }

        return beforeExpression is null ? expression : $"{expression} - ({beforeExpression})";
    }

    /// <summary>Whether <see cref="Measure"/> can be negative: something is taken from the product.</summary>
    public static bool CanBeNegative(LengthRule rule, int beforeConstant, string? beforeExpression) =>
        beforeExpression is not null || (long)rule.Offset + beforeConstant > 0;

    /// <summary>The source's rule in words, for comments and layouts: <c>total_length × 4 − 20</c>.</summary>
    public static string Rule(LengthRule rule, string sourceWireName)
    {
        var text = rule.Scale == 1 ? sourceWireName : $"{sourceWireName} × {Int(rule.Scale)}";
        return rule.Offset switch
        {
            > 0 => $"{text} − {Int(rule.Offset)}",
            < 0 => $"{text} + {((long)-rule.Offset).ToString(CultureInfo.InvariantCulture)}",
            _ => text,
        };
    }

    /// <summary>What a source's layout row adds to its type: <c>, length of ..options ÷ 4</c> (<c>..</c>: from the record's start).</summary>
    public static string LayoutSuffix(StructModel model, FieldModel field)
    {
        if (field.LengthOf is not { } rule)
        {
            return string.Empty;
        }

        var target = (rule.FromRecordStart ? ".." : string.Empty) + model.Fields[rule.Target].WireName;
        var measure = $"{(rule.IsCount ? "count" : "length")} of {target}";
        if (rule.Offset != 0)
        {
            measure = $"({measure} {(rule.Offset > 0 ? "+" : "−")} {((long)System.Math.Abs((long)rule.Offset)).ToString(CultureInfo.InvariantCulture)})";
        }

        return ", " + measure + (rule.Scale == 1 ? string.Empty : " ÷ " + Int(rule.Scale));
    }

    /// <summary>What a target's layout row says of its length: <c>, length in total_length</c>.</summary>
    public static string LayoutTargetSuffix(StructModel model, FieldModel field) => field.LengthFrom is { } rule
        ? $", {(rule.IsCount ? "count" : "length")} in {model.Fields[rule.Source].WireName}"
        : string.Empty;

    /// <summary>
    /// A source's JSON read: optional (a length is derived, so a document need not give it), 0 when absent; the value
    /// given is kept, as a decoded record keeps what it read, and re-encoding recomputes it either way.
    /// </summary>
    public static string JsonRead(FieldModel field, string read) => field.LengthOf is null
        ? read
        : $"element.TryGetProperty({FieldCode.Quoted(field)}, out _) ? {read} : default";

    /// <summary>Whether a reader or writer keeps where the record starts: a length from the record's start ends at no constant offset.</summary>
    public static bool NeedsRecordStart(LayoutPlan plan) => plan.Fields.Any(static p => p.Field.LengthFrom is { FromRecordStart: true } && p.Offset is null);

    /// <summary>The largest value the source holds (its bits' for a bit field, else its integer type's), as a C# expression.</summary>
    public static string MaxOf(FieldModel source) => source.Bits is not null ? BitsCode.MaxValue(source) : source.Primitive switch
    {
        PrimitiveType.Byte => "byte.MaxValue",
        PrimitiveType.UInt16 => "ushort.MaxValue",
        PrimitiveType.UInt32 => "uint.MaxValue",
        _ => "ulong.MaxValue",
    };

    /// <summary>The largest <c>ulong</c> length field value read as a length: any more is past every frame (and would overflow the arithmetic).</summary>
    public static string UInt64Limit(LengthRule rule) => (long.MaxValue / 2 / rule.Scale).ToString(CultureInfo.InvariantCulture) + "UL";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
