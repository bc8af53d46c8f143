using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing.Fields;

/// <summary>
/// Reads a <c>[Fixed(value)]</c> constant for an integer, boolean or enum member: the constant as a C# expression of
/// the member's type, or PG0026 when it does not fit (out of range, of another type, or unnamed in a closed enum).
/// </summary>
internal static class FixedParser
{
    /// <param name="value">The attribute's argument.</param>
    /// <param name="type">The member's type.</param>
    /// <param name="primitive">The member's integer type (an enum's underlying type).</param>
    /// <param name="enumModel">The member's enum, when it is one.</param>
    /// <param name="attribute">How the diagnostic spells the attribute, given the constant as written: <c>[Fixed(3)]</c> unless told.</param>
    public static FixedValue? Parse(TypedConstant value, ITypeSymbol type, PrimitiveType primitive, EnumModel? enumModel, string name, Location? location, List<DiagnosticInfo> diagnostics, System.Func<string, string>? attribute = null)
    {
        FixedValue? Refuse(string reason)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConstantDoesNotFit, location, $"Member '{name}'", attribute is null ? $"[Fixed({Spell(value)})]" : attribute(Spell(value)), reason));
            return null;
        }

        if (value.Kind is TypedConstantKind.Error or TypedConstantKind.Array || value.Value is null)
        {
            return Refuse("is not a constant of the member's type; give a number, a boolean or a member of its enum");
        }

        if (primitive == PrimitiveType.Boolean)
        {
            return value.Value is bool flag
                ? new FixedValue(flag ? "true" : "false", flag ? "true" : "false")
                : Refuse("is not a boolean; a bool member takes [Fixed(true)] or [Fixed(false)]");
        }

        if (value.Value is bool or string or char or float or double or decimal)
        {
            return Refuse($"is not an integer; '{name}' is {type.ToDisplayString()}");
        }

        if (value.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } valueEnum && !SymbolEqualityComparer.Default.Equals(valueEnum, type))
        {
            return Refuse($"is a value of {valueEnum.Name}, not of {type.ToDisplayString()}");
        }

        var number = System.Convert.ToDecimal(value.Value, CultureInfo.InvariantCulture);
        var (min, max) = Range(primitive);
        if (number < min || number > max)
        {
            return Refuse($"is outside the range of {FieldKeyword(type, primitive)} ({min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)})");
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
            return Refuse($"is not a named value of the closed enum {enumModel.Name}");
        }

        return new FixedValue($"({enumModel.FullyQualifiedName})({literal})", literal);
    }

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
