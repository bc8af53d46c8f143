using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing.Fields;

/// <summary>
/// Reads a <c>[Fixed(value)]</c> constant for an integer, boolean or enum member (or a <c>[PresentWhen]</c> value for
/// its selector): the constant as a C# expression of the member's type, or PG0026 when it does not fit (out of range,
/// of another type, or unnamed in a closed enum).
/// </summary>
internal static class FixedParser
{
    /// <param name="value">The attribute's argument.</param>
    /// <param name="type">The member's type (a condition's: its selector's).</param>
    /// <param name="primitive">The member's integer type (an enum's underlying type).</param>
    /// <param name="enumModel">The member's enum, when it is one.</param>
    /// <param name="attribute">How the diagnostic spells the attribute, given the constant as written: <c>[Fixed(3)]</c> unless told.</param>
    /// <param name="selector">
    /// The selector whose value the constant is, for a <c>[PresentWhen]</c> value (then the reasons speak of the
    /// condition's value and its selector); null for a <c>[Fixed]</c> constant of the member itself.
    /// </param>
    public static FixedValue? Parse(TypedConstant value, ITypeSymbol type, PrimitiveType primitive, EnumModel? enumModel, string name, Location? location, List<DiagnosticInfo> diagnostics, System.Func<string, string>? attribute = null, string? selector = null)
    {
        var reasons = selector is null ? FixedReasons(name, type) : ConditionReasons(selector, type);
        FixedValue? Refuse(string reason)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConstantDoesNotFit, location, $"Member '{name}'", attribute is null ? $"[Fixed({Spell(value)})]" : attribute(Spell(value)), reason));
            return null;
        }

        if (value.Kind is TypedConstantKind.Error or TypedConstantKind.Array || value.Value is null)
        {
            return Refuse(reasons.NotAConstant);
        }

        if (primitive == PrimitiveType.Boolean)
        {
            return value.Value is bool flag
                ? new FixedValue(flag ? "true" : "false", flag ? "true" : "false")
                : Refuse(reasons.NotABoolean);
        }

        if (value.Value is bool or string or char or float or double or decimal)
        {
            return Refuse(reasons.NotAnInteger);
        }

        if (value.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } valueEnum && !SymbolEqualityComparer.Default.Equals(valueEnum, type))
        {
            return Refuse(reasons.OfAnotherEnum(valueEnum.Name));
        }

        var number = System.Convert.ToDecimal(value.Value, CultureInfo.InvariantCulture);
        var (min, max) = Range(primitive);
        if (number < min || number > max)
        {
            return Refuse(reasons.OutOfRange($"{FieldKeyword(type, primitive)} ({min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)})"));
        }

        var literal = number.ToString(CultureInfo.InvariantCulture);
        if (enumModel is null)
        {
            return new FixedValue(literal, literal);
        }

        var named = enumModel.Members.FirstOrDefault(m => m.Value == literal);
        if (named is not null)
        {
            return new FixedValue(enumModel.FullyQualifiedName + "." + named.Name, named.Name);
        }

        // A closed [Flags] enum names every combination of its named bits (its IsNamed is a mask test), zero included.
        if (enumModel.Closed is { IsFlags: true, FlagsMask: { } mask } && IsCombination(number, mask))
        {
            return new FixedValue($"({enumModel.FullyQualifiedName})({literal})", literal);
        }

        if (enumModel.Closed is not null)
        {
            return Refuse(reasons.Unnamed(enumModel.Name));
        }

        return new FixedValue($"({enumModel.FullyQualifiedName})({literal})", literal);
    }

    // Why a constant does not fit, said of what it must be a value of: the member's own [Fixed] constant, or a
    // condition's value, which is a value of its selector.
    private sealed record Reasons(string NotAConstant, string NotABoolean, string NotAnInteger, System.Func<string, string> OfAnotherEnum, System.Func<string, string> OutOfRange, System.Func<string, string> Unnamed);

    private static Reasons FixedReasons(string name, ITypeSymbol type) => new(
        "is not a constant of the member's type; give a number, a boolean or a member of its enum",
        "is not a boolean; a bool member takes [Fixed(true)] or [Fixed(false)]",
        $"is not an integer; '{name}' is {type.ToDisplayString()}",
        other => $"is a value of {other}, not of {type.ToDisplayString()}",
        range => $"is outside the range of {range}",
        enumName => $"is not a named value of the closed enum {enumName}");

    private static Reasons ConditionReasons(string selector, ITypeSymbol type) => new(
        $"names a value that is not a constant of the type of its selector '{selector}' ({type.ToDisplayString()}); give a number, a boolean or a member of its enum",
        $"names a value that is not a boolean, but its selector '{selector}' is a bool; give true or false",
        $"names a value that is not an integer, but its selector '{selector}' is {type.ToDisplayString()}",
        other => $"names a value of {other}, but its selector '{selector}' is {type.ToDisplayString()}",
        range => $"names a value that its selector '{selector}' cannot hold, outside the range of {range}",
        enumName => $"names a value that its selector '{selector}', of the closed enum {enumName}, does not name");

    private static bool IsCombination(decimal number, string mask)
    {
        var bits = number < 0 ? unchecked((ulong)(long)number) : (ulong)number;
        var named = ulong.Parse(mask.Substring(0, mask.Length - "UL".Length), CultureInfo.InvariantCulture);
        return (bits & ~named) == 0;
    }

    private static string Spell(TypedConstant value) => value.Kind == TypedConstantKind.Error || value.Value is null
        ? "null"
        : value.Value is string text ? "\"" + text + "\"" : value.ToCSharpString();

    private static string FieldKeyword(ITypeSymbol type, PrimitiveType primitive) =>
        type.TypeKind == TypeKind.Enum ? $"{type.Name}'s underlying type" : primitive.ToString();

    private static (decimal Min, decimal Max) Range(PrimitiveType primitive) => primitive switch
    {
        PrimitiveType.Byte => (byte.MinValue, byte.MaxValue),
        PrimitiveType.SByte => (sbyte.MinValue, sbyte.MaxValue),
        PrimitiveType.UInt16 => (ushort.MinValue, ushort.MaxValue),
        PrimitiveType.Int16 => (short.MinValue, short.MaxValue),
        PrimitiveType.UInt32 => (uint.MinValue, uint.MaxValue),
        PrimitiveType.Int32 => (int.MinValue, int.MaxValue),
        PrimitiveType.UInt64 => (ulong.MinValue, ulong.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };
}
