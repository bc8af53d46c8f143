using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing.Fields;

/// <summary>
/// Reads <c>[PresentWhen(selector, values...)]</c> members: the nullable type's value type (PG0034 when the member has
/// no null), the shapes a conditional member may take (PG0009 otherwise), and, once every field is parsed, the
/// selector (PG0029, PG0035) and its values as constants of its type (PG0026).
/// </summary>
internal static class ConditionParser
{
    /// <summary>A conditional member before its selector is resolved: the field shape every emitter reads it by.</summary>
    public static readonly ConditionInfo Unresolved = new(-1, EquatableArray<string>.Empty, string.Empty, false);

    /// <summary>
    /// The type a conditional member holds when present: <c>T</c> of a <c>T?</c>. False (reported) when the member has no
    /// null to stand for "absent".
    /// </summary>
    public static bool TryUnwrap(ITypeSymbol type, string name, Location? location, List<DiagnosticInfo> diagnostics, out ITypeSymbol present)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            present = nullable.TypeArguments[0];
            return true;
        }

        // A reference type outside a nullable context (annotation None) can hold null too.
        if (type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated)
        {
            present = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            return true;
        }

        present = type;
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConditionalNotNullable, location, name, type.ToDisplayString()));
        return false;
    }

    /// <summary>
    /// Whether <paramref name="field"/> is a shape a conditional member can take: an integer, boolean or enum, fixed
    /// bytes, or a structure; with no derived value, bit, padding or length rule of its own. Reports PG0009 otherwise; a
/// length taken of it by another field is refused there (PG0031), so not again here.
    /// </summary>
    public static bool CheckShape(FieldModel field, Location? location, List<DiagnosticInfo> diagnostics)
    {
        if (field.LengthFrom is not null)
        {
            // A [LengthOf] names it: LengthsParser has reported that (PG0031, or the mistake it met first), once.
            return false;
        }

        var other = field switch
        {
            { Fixed: not null } => "[Fixed]",
            { Bits: not null } => "[Bits]",
            { Checksum: not null } => "[Checksum]",
            { Converter: not null } => "[WireConverter]",
            { Switch: not null } => "[Switch]",
            { Padding: not null } => "[PadBefore]/[PadAfter]",
            { LengthOf: not null } => "[LengthOf]/[CountOf]",
            { Kind: FieldKind.FixedBytes, Shape: not SequenceShape.Array } => "ReadOnlyMemory<byte>",
            { Kind: FieldKind.Primitive or FieldKind.Enum or FieldKind.FixedBytes or FieldKind.Struct } => null,
            _ => "a length rule",
        };

        if (other is null)
        {
            return true;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, location, field.Name, "[PresentWhen] with " + other,
            "a conditional member is an integer, boolean, enum, [FixedLength] byte[] or wire structure with no rule of its own besides; hold anything else in a [WireStruct] and make that conditional"));
        return false;
    }

    /// <summary>Fills in each conditional member's <see cref="ConditionInfo"/>; false when one is wrong (reported).</summary>
    public static bool Resolve(List<FieldModel> fields, IMethodSymbol? constructor, INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
    {
        var ok = true;
        var parameters = constructor?.Parameters ?? System.Collections.Immutable.ImmutableArray<IParameterSymbol>.Empty;
        for (var i = 0; i < fields.Count && i < parameters.Length; i++)
        {
            if (fields[i].Condition is null)
            {
                continue;
            }

            var parameter = parameters[i];
            var location = parameter.Locations.FirstOrDefault();
            var attribute = LengthsParser.AttributesOf(parameter, type).First(a => a.AttributeClass?.MetadataName() == KnownNames.PresentWhenAttribute);
            if (Resolve(attribute, "PresentWhen", "its presence", "the member is on the wire", fields, i, parameters, type.Name, location, diagnostics) is { } condition)
            {
                fields[i] = fields[i] with { Condition = condition };
            }
            else
            {
                ok = false;
            }
        }

        return ok;
    }

    /// <summary>
    /// A condition as <c>[PresentWhen]</c> and <c>[DefaultCaseWhen]</c> spell it, for the member at
    /// <paramref name="member"/>: its selector (PG0029, PG0035) and its values as constants of the selector's type, each
    /// once and within its bits (PG0026). Null when it is wrong (reported once). One place for both attributes' rules;
    /// <paramref name="attributeName"/> is how messages spell the attribute, <paramref name="picked"/> what the selector
    /// decides (<c>its presence</c>), <paramref name="purpose"/> what the values are for.
    /// </summary>
    internal static ConditionInfo? Resolve(AttributeData attribute, string attributeName, string picked, string purpose, List<FieldModel> fields, int member, System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, string typeName, Location? location, List<DiagnosticInfo> diagnostics)
    {
        var name = fields[member].Name;
        var arguments = attribute.ConstructorArguments;
        var selectorName = arguments.Length > 0 ? arguments[0].Value as string ?? string.Empty : string.Empty;
        var spelled = $"[{attributeName}(\"{selectorName}\", ...)]";
        var selector = SwitchParser.Find(fields, selectorName);
        if (selector < 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownMemberReference, location, name, spelled, typeName, selectorName));
            return null;
        }

        if (SwitchParser.SelectorProblem(fields, selector, member, picked) is { } problem)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SelectorNotPlainField, location, name, spelled, problem));
            return null;
        }

        if (arguments.Any(a => a.Kind == TypedConstantKind.Error))
        {
            // The compiler reports the argument it cannot read; a second error here would only be noise.
            return null;
        }

        // [PresentWhen(nameof(X), null)] passes a null array: no value, like passing none.
        var values = arguments.Length > 1 && arguments[1].Kind == TypedConstantKind.Array && !arguments[1].IsNull ? arguments[1].Values : System.Collections.Immutable.ImmutableArray<TypedConstant>.Empty;
        if (values.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConstantDoesNotFit, location, $"Member '{name}'", $"[{attributeName}(\"{selectorName}\")]",
                $"names no value of its selector '{selectorName}'; list the values for which {purpose}"));
            return null;
        }

        var selectorField = fields[selector];
        var constants = new List<FixedValue>();
        foreach (var value in values)
        {
            if (FixedParser.Parse(value, parameters[selector].Type, selectorField.Primitive, selectorField.Enum, name, location, diagnostics, v => $"[{attributeName}(\"{selectorName}\", {v})]", selectorName) is not { } constant)
            {
                return null;
            }

            // A bit-field selector holds fewer values than its C# type: a value beyond its bits could never be read.
            if (selectorField.Bits is { } bits && selectorField.Primitive != PrimitiveType.Boolean && !BitsParser.Fits(constant, selectorField.Enum, bits.Width))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConstantDoesNotFit, location, $"Member '{name}'", $"[{attributeName}(\"{selectorName}\", {constant.Display})]",
                    $"names a value that the {bits.Width.ToString(System.Globalization.CultureInfo.InvariantCulture)} bits of its selector '{selectorName}' cannot hold (at most {((1UL << bits.Width) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)})"));
                return null;
            }

            if (constants.Any(c => c.Expression == constant.Expression))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConstantDoesNotFit, location, $"Member '{name}'", $"[{attributeName}(\"{selectorName}\", ...)]",
                    $"lists the value {constant.Display} of its selector '{selectorName}' twice; list each value once"));
                return null;
            }

            constants.Add(constant);
        }

        var not = attribute.NamedArguments.Any(a => a.Key == "Not" && a.Value.Value is true);
        var shown = string.Join(" or ", constants.Select(c => c.Display));
        var display = (not ? "unless " : "when ") + selectorField.WireName + " = " + shown;
        return new ConditionInfo(selector, constants.Select(c => c.Expression).ToEquatableArray(), display, not);
    }
}
