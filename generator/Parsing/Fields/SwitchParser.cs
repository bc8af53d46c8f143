using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing.Fields;

/// <summary>
/// Resolves a record's <c>[Switch(selector)]</c> members, and their <c>[PseudoHeader]</c>, to the fields they name,
/// once every field is parsed: PG0029 (no such field), PG0035 (a selector that is not an earlier integer or enum
/// holding data), PG0031 (pseudo-header fields of the wrong type), PG0036 (<c>[PseudoHeader]</c> or
/// <c>[DefaultCaseWhen]</c> on another member); its <c>[DefaultCaseWhen]</c> guards as <c>[PresentWhen]</c> conditions are
/// (PG0029, PG0035, PG0026); and gives the union's join each selector, whose type bounds the case tags it can give
/// (PG0026), and which guarded members need a default case (PG0050).
/// </summary>
internal static class SwitchParser
{
    /// <summary>A union member before its selector is resolved: the field shape every emitter reads it by.</summary>
    public static readonly SwitchInfo Unresolved = new(-1, null);

    /// <summary>Fills in each <c>[Switch]</c> member's <see cref="SwitchInfo"/>; false when one is wrong (reported).</summary>
    public static bool Resolve(List<FieldModel> fields, IMethodSymbol? constructor, INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
    {
        var ok = true;
        var parameters = constructor?.Parameters ?? System.Collections.Immutable.ImmutableArray<IParameterSymbol>.Empty;
        for (var i = 0; i < fields.Count && i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var location = parameter.Locations.FirstOrDefault();
            var attributes = LengthsParser.AttributesOf(parameter, type).ToList();
            var pseudo = attributes.FirstOrDefault(a => a.AttributeClass?.MetadataName() == KnownNames.PseudoHeaderAttribute);
            var guards = attributes.Where(a => a.AttributeClass?.MetadataName() == KnownNames.DefaultCaseWhenAttribute).ToList();
            if (fields[i].Switch is null)
            {
                if (pseudo is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SwitchWithoutUnion, location, parameter.Name,
                        "is declared [PseudoHeader], which gives a [Switch] member's case its checksum seed; put it on the [Switch] member the IP header carries"));
                    ok = false;
                }
                else if (guards.Count > 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SwitchWithoutUnion, location, parameter.Name,
                        "is declared [DefaultCaseWhen], which makes a [Switch] member read its union's default case; put it on the [Switch] member whose case it guards"));
                    ok = false;
                }

                continue;
            }

            var selectorName = attributes.First(a => a.AttributeClass?.MetadataName() == KnownNames.SwitchAttribute).ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
            var spelled = $"[Switch(\"{selectorName}\")]";
            var selector = Find(fields, selectorName);
            if (selector < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownMemberReference, location, parameter.Name, spelled, type.Name, selectorName));
                ok = false;
                continue;
            }

            if (SelectorProblem(fields, selector, i, "the case") is { } problem)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SelectorNotPlainField, location, parameter.Name, spelled, problem));
                ok = false;
                continue;
            }

            if (pseudo is not null && fields[i].LengthFrom is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SwitchWithoutUnion, location, parameter.Name,
                    "is declared [PseudoHeader] but no [LengthOf] field measures it; the pseudo-header counts the case's length, which the IP header's length field gives"));
                ok = false;
                continue;
            }

            PseudoHeaderFields? pseudoHeader = null;
            if (pseudo is not null && !TryResolvePseudoHeader(pseudo, fields, i, parameter.Name, type.Name, location, diagnostics, out pseudoHeader))
            {
                ok = false;
                continue;
            }

            var conditions = new List<ConditionInfo>();
            foreach (var guard in guards)
            {
                if (ConditionParser.Resolve(guard, "DefaultCaseWhen", "the default case", "the default case is read", fields, i, parameters, type.Name, location, diagnostics) is not { } condition)
                {
                    break;
                }

                conditions.Add(condition);
            }

            if (conditions.Count != guards.Count)
            {
                ok = false;
                continue;
            }

            fields[i] = fields[i] with { Switch = new SwitchInfo(selector, pseudoHeader, conditions.ToEquatableArray()) };
        }

        return ok;
    }

    /// <summary>The selectors of a record's resolved <c>[Switch]</c> members, for the union's join (PG0026 on a tag none can give, PG0050 on a guarded member of a union without a default case).</summary>
    public static IEnumerable<SwitchSelector> Selectors(StructModel model) => model.Fields
        .Where(static f => f.Switch is { Selector: >= 0 } && f.ElementTypeName is not null)
        .Select(f =>
        {
            var selector = model.Fields[f.Switch!.Selector];
            var keyword = selector.Primitive.Keyword();
            var type = selector.Enum is { } e ? $"{e.Name} : {keyword}" : keyword;
            var guarded = f.Switch.IsGuarded ? $"'{model.Declaration.Name}.{f.Name}'" : null;
            return new SwitchSelector(f.ElementTypeName!, selector.Primitive, $"'{model.Declaration.Name}.{selector.Name}' ({type})", guarded);
        });

    /// <summary>Whether a selector of <paramref name="primitive"/> gives <paramref name="tag"/>: its value widened to 64 bits as cases are compared (sign-extended when signed, a bool as 1 or 0).</summary>
    public static bool CanGive(PrimitiveType primitive, ulong tag) => primitive switch
    {
        PrimitiveType.Boolean => tag <= 1,
        PrimitiveType.Byte => tag <= byte.MaxValue,
        PrimitiveType.UInt16 => tag <= ushort.MaxValue,
        PrimitiveType.UInt32 => tag <= uint.MaxValue,
        PrimitiveType.SByte => unchecked((long)tag) is >= sbyte.MinValue and <= sbyte.MaxValue,
        PrimitiveType.Int16 => unchecked((long)tag) is >= short.MinValue and <= short.MaxValue,
        PrimitiveType.Int32 => unchecked((long)tag) is >= int.MinValue and <= int.MaxValue,
        _ => true,
    };

    /// <summary>
    /// Why the field at <paramref name="selector"/> cannot pick what <paramref name="picked"/> names (a switch's case, a
    /// conditional member's presence) for the member at <paramref name="member"/>, or null when it can: it must be an
    /// earlier integer, boolean or enum that is always on the wire and holds data.
    /// </summary>
    internal static string? SelectorProblem(List<FieldModel> fields, int selector, int member, string picked)
    {
        var field = fields[selector];
        if (selector >= member)
        {
            return $"'{field.Name}' comes after it; a decoder reads the selector first, so declare '{field.Name}' before '{fields[member].Name}'";
        }

        if (field.Kind is not (FieldKind.Primitive or FieldKind.Enum) || field.Converter is not null)
        {
            return $"'{field.Name}' is not an integer, boolean or enum; {picked} is picked by such a field's value";
        }

        if (field.Condition is not null)
        {
            return $"'{field.Name}' is itself conditional, so it may have no value to read; {picked} is picked by a field that is always on the wire";
        }

        var derived = field.LengthOf is not null ? "a length or count" : field.Checksum is not null ? "a checksum" : field.Fixed is not null ? "a constant" : null;
        return derived is null
            ? null
            : $"'{field.Name}' is {derived}, derived on encode from other members; {picked} is picked by a field that holds data, so that the record re-encodes as it was read";
    }

    private static bool TryResolvePseudoHeader(AttributeData attribute, List<FieldModel> fields, int member, string memberName, string typeName, Location? location, List<DiagnosticInfo> diagnostics, out PseudoHeaderFields? resolved)
    {
        resolved = null;
        var names = attribute.ConstructorArguments.Select(a => a.Value as string ?? string.Empty).ToList();
        var indexes = new int[3];
        for (var k = 0; k < 3; k++)
        {
            var name = k < names.Count ? names[k] : string.Empty;
            indexes[k] = Find(fields, name);
            if (indexes[k] < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownMemberReference, location, memberName, $"[PseudoHeader(...\"{name}\"...)]", typeName, name));
                return false;
            }

            if (indexes[k] >= member)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SelectorNotPlainField, location, memberName, "[PseudoHeader]",
                    $"'{fields[indexes[k]].Name}' comes after it; the pseudo-header is made of fields read before the payload"));
                return false;
            }
        }

        var (source, destination, protocol) = (fields[indexes[0]], fields[indexes[1]], fields[indexes[2]]);
        var address = IsAddress(source) ? source.ElementTypeName : null;
        if (address is null || destination.ElementTypeName != address || destination.Kind != FieldKind.Struct)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberReferenceOfWrongType, location, memberName, "[PseudoHeader]",
                $"'{source.Name}' and '{destination.Name}' must both be Ipv4Address or both Ipv6Address fields"));
            return false;
        }

        if (protocol.Kind is not (FieldKind.Primitive or FieldKind.Enum) || protocol.Primitive != PrimitiveType.Byte)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberReferenceOfWrongType, location, memberName, "[PseudoHeader]",
                $"'{protocol.Name}' must be a byte, or an enum over one (the protocol number)"));
            return false;
        }

        resolved = new PseudoHeaderFields(indexes[0], indexes[1], indexes[2]);
        return true;
    }

    private static bool IsAddress(FieldModel field) =>
        field.Kind == FieldKind.Struct && field.ElementTypeName is "global::ProtocolGen.Ipv4Address" or "global::ProtocolGen.Ipv6Address";

    internal static int Find(List<FieldModel> fields, string name)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
