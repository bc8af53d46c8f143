using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing.Fields;

/// <summary>
/// Resolves a record's <c>[LengthOf(member)]</c> and <c>[CountOf(member)]</c> fields to <see cref="LengthRule"/>s
/// between positional parameters, before the fields are parsed (a target's wire form depends on having one), and
/// reports each mistake once: PG0029 (no such member), PG0030 (member not after the field), PG0031 (wrong type of
/// field or member, or a conditional member), PG0032 (two length rules), PG0033 (scale not positive), PG0009 (with <c>[Fixed]</c>).
/// </summary>
internal static class LengthsParser
{
    /// <summary>The rules of one record, by parameter index: the field holding each, and the member each measures.</summary>
    internal sealed class Rules
    {
        public Rules(int count)
        {
            BySource = new LengthRule?[count];
            ByTarget = new LengthRule?[count];
        }

        public LengthRule?[] BySource { get; }

        public LengthRule?[] ByTarget { get; }
    }

    /// <summary>
    /// The rules of <paramref name="constructor"/>'s parameters. A rule whose mistake is reported is still given to its
    /// member when the member can take one, so the member reports no missing length rule of its own (one mistake, one error).
    /// </summary>
    public static Rules Resolve(IMethodSymbol? constructor, INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
    {
        var parameters = constructor?.Parameters ?? System.Collections.Immutable.ImmutableArray<IParameterSymbol>.Empty;
        var rules = new Rules(parameters.Length);
        var unknownMember = false;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var found = AttributesOf(parameter, type).Where(a => a.AttributeClass?.MetadataName() is KnownNames.LengthOfAttribute or KnownNames.CountOfAttribute).ToList();
            if (found.Count == 0)
            {
                continue;
            }

            var location = parameter.Locations.FirstOrDefault();
            var attribute = found[0];
            var isCount = attribute.AttributeClass!.MetadataName() == KnownNames.CountOfAttribute;
            var member = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
            var spelled = $"[{(isCount ? "CountOf" : "LengthOf")}(\"{member}\")]";
            var scale = Named(attribute, "Scale") as int? ?? 1;
            var offset = Named(attribute, "Offset") as int? ?? 0;
            var fromStart = Named(attribute, "FromRecordStart") as bool? ?? false;
            void Report(DiagnosticDescriptor descriptor, params string[] args) => diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));

            if (found.Count > 1)
            {
                // Each member it names still has a length rule, so none reports a missing one as well.
                foreach (var each in found)
                {
                    var named = IndexOf(parameters, each.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty);
                    if (named >= 0 && CanTakeRule(parameters[named], type) && rules.ByTarget[named] is null)
                    {
                        rules.ByTarget[named] = new LengthRule(i, named, 1, 0, false, false);
                    }
                }

                Report(DiagnosticDescriptors.TwoLengthRules, parameter.Name, "it measures two members (" + string.Join(" and ", found.Select(Spell)) + "); one field holds one length, so give the other member a field of its own");
                continue;
            }

            var target = IndexOf(parameters, member);
            if (target < 0)
            {
                Report(DiagnosticDescriptors.UnknownMemberReference, parameter.Name, spelled, type.Name, member);
                unknownMember = true;
                continue;
            }

            var targetType = parameters[target].Type;
            var targetAttributes = AttributesOf(parameters[target], type).Select(a => a.AttributeClass?.MetadataName()).ToList();
            var ownRule = targetAttributes.FirstOrDefault(n => n is KnownNames.LengthPrefixAttribute or KnownNames.FixedLengthAttribute or KnownNames.CountPrefixAttribute or KnownNames.RestOfFrameAttribute or KnownNames.NullTerminatedAttribute);
            var other = rules.ByTarget[target];
            var measurable = isCount ? IsArray(targetType) || IsBytes(targetType) : IsArray(targetType) || IsBytes(targetType) || targetType.SpecialType == SpecialType.System_String || targetType.IsWireStruct() || WireUnionParser.IsUnion(targetType);
            var rule = new LengthRule(i, target, scale, offset, fromStart, isCount && !IsBytes(targetType));
            if (CanTakeRule(parameters[target], type) && other is null)
            {
                // Given even when a mistake is reported below: the member then reports no missing length rule too.
                rules.BySource[i] = rule;
                rules.ByTarget[target] = rule;
            }

            if (!IsUnsignedInteger(parameter.Type))
            {
                Report(DiagnosticDescriptors.MemberReferenceOfWrongType, parameter.Name, spelled,
                    $"it is {parameter.Type.ToDisplayString()}; a length or count is an unsigned integer (byte, ushort, uint or ulong) or an unsigned bit field");
            }
            else if (AttributesOf(parameter, type).Any(a => a.AttributeClass?.MetadataName() == KnownNames.FixedAttribute))
            {
                Report(DiagnosticDescriptors.ConflictingAttributes, parameter.Name, "[Fixed] and " + spelled.Substring(0, spelled.IndexOf('(')) + "]",
                    "a length is derived from its member, a fixed value from its constant; keep one");
            }
            else if (scale <= 0)
            {
                Report(DiagnosticDescriptors.LengthScaleNotPositive, parameter.Name, spelled, scale.ToString(CultureInfo.InvariantCulture));
            }
            else if (target <= i)
            {
                Report(DiagnosticDescriptors.MemberReferenceOnWrongSide, parameter.Name, spelled, member, isCount ? "count" : "length");
            }
            else if (targetAttributes.Contains(KnownNames.PresentWhenAttribute))
            {
                // Only sometimes on the wire: its length would be a second, disagreeing account of whether it is there.
                Report(DiagnosticDescriptors.MemberReferenceOfWrongType, parameter.Name, spelled,
                    $"'{member}' is a conditional member ([PresentWhen]), and a {(isCount ? "count" : "length")} cannot be taken of a conditional member; hold the member and its {(isCount ? "count" : "length")} in a [WireStruct], and make that conditional");
            }
            else if (!measurable)
            {
                Report(DiagnosticDescriptors.MemberReferenceOfWrongType, parameter.Name, spelled, isCount
                    ? $"'{member}' is {targetType.ToDisplayString()}; a count measures an array (T[] or ImmutableArray<T>)"
                    : $"'{member}' is {targetType.ToDisplayString()}, which has a size of its own; a length measures bytes, text, an array or a wire structure");
            }
            else if (ownRule is not null)
            {
                Report(DiagnosticDescriptors.TwoLengthRules, member, $"{spelled} on '{parameter.Name}' and its own [{ownRule.Substring(ownRule.LastIndexOf('.') + 1).Replace("Attribute", string.Empty)}]");
            }
            else if (other is not null)
            {
                Report(DiagnosticDescriptors.TwoLengthRules, member, $"'{parameters[other.Source].Name}' and '{parameter.Name}' both measure it");
            }
        }

        if (unknownMember)
        {
            // A misspelt member was meant to have its length here: whichever it was, it reports no missing rule as well.
            for (var i = 0; i < parameters.Length; i++)
            {
                if (rules.ByTarget[i] is null && rules.BySource[i] is null && CanTakeRule(parameters[i], type))
                {
                    rules.ByTarget[i] = new LengthRule(-1, i, 1, 0, false, false);
                }
            }
        }

        return rules;
    }

    // A member a length rule can measure (bytes, text, an array, a structure) that has no length rule of its own.
    private static bool CanTakeRule(IParameterSymbol member, INamedTypeSymbol type) =>
        (IsArray(member.Type) || IsBytes(member.Type) || member.Type.SpecialType == SpecialType.System_String || member.Type.IsWireStruct() || WireUnionParser.IsUnion(member.Type))
        && !AttributesOf(member, type).Any(a => a.AttributeClass?.MetadataName() is KnownNames.LengthPrefixAttribute or KnownNames.FixedLengthAttribute or KnownNames.CountPrefixAttribute or KnownNames.RestOfFrameAttribute or KnownNames.NullTerminatedAttribute);

    internal static IEnumerable<AttributeData> AttributesOf(IParameterSymbol parameter, INamedTypeSymbol type)
    {
        var property = type.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault();
        return property is null ? parameter.GetAttributes() : parameter.GetAttributes().Concat(property.GetAttributes());
    }

    private static object? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value;

    private static string Spell(AttributeData attribute) =>
        $"[{(attribute.AttributeClass!.MetadataName() == KnownNames.CountOfAttribute ? "CountOf" : "LengthOf")}(\"{attribute.ConstructorArguments.FirstOrDefault().Value}\")]";

    private static int IndexOf(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, string name)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsignedInteger(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64;

    private static bool IsBytes(ITypeSymbol type) =>
        type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte }
        || type is INamedTypeSymbol { IsGenericType: true } named && named.OriginalDefinition.MetadataName() == KnownNames.ReadOnlyMemory && named.TypeArguments[0].SpecialType == SpecialType.System_Byte;

    private static bool IsArray(ITypeSymbol type) =>
        !IsBytes(type) && (type is IArrayTypeSymbol { Rank: 1 } || type is INamedTypeSymbol { IsGenericType: true } named && named.OriginalDefinition.MetadataName() == KnownNames.ImmutableArray);
}
