using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing;

/// <summary>
/// Reads a <c>[WireUnion]</c> interface and the <c>[WireCase]</c>/<c>[WireCaseDefault]</c> records that claim it,
/// then joins them: PG0037 (a tag used twice, or not an integer), PG0038 (a second default, or one that cannot keep
/// bytes), PG0039 (a case of no union, or of several), PG0026 (a tag a <c>[Switch]</c> member's selector cannot give),
/// PG0050 (a <c>[DefaultCaseWhen]</c> member of a union with no default case).
/// </summary>
internal static class WireUnionParser
{
    public static Result<WireUnionDeclaration> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var location = DeclarationParser.IdentifierLocation(context.TargetNode);
        var diagnostics = new List<DiagnosticInfo>();
        if (!DeclarationParser.IsPartialAllTheWayOut(context.TargetNode, cancellationToken))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MustBePartial, location, type.Name));
        }
        else if (type.IsGenericOrInGeneric())
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericProtocolType, location, type.Name));
        }

        return diagnostics.Count > 0
            ? new Result<WireUnionDeclaration>(null, diagnostics.ToEquatableArray(), FullyQualifiedName: type.ToFullyQualified())
            : new Result<WireUnionDeclaration>(new WireUnionDeclaration(DeclarationParser.Describe(type), LocationInfo.From(location)), EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>Whether the type is a case: it carries <c>[WireCase]</c> or <c>[WireCaseDefault]</c>.</summary>
    public static bool IsCase(ITypeSymbol type) =>
        type.HasAttribute(KnownNames.WireCaseAttribute) || type.HasAttribute(KnownNames.WireCaseDefaultAttribute);

    /// <summary>Whether the type is a <c>[WireUnion]</c> interface.</summary>
    public static bool IsUnion(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Interface } && type.HasAttribute(KnownNames.WireUnionAttribute);

    /// <summary>The case a record declares, or null when it is none; false when the declaration is wrong (reported).</summary>
    public static bool TryReadCase(INamedTypeSymbol type, Location location, List<DiagnosticInfo> diagnostics, out WireCaseInfo? info)
    {
        info = null;
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.MetadataName() is KnownNames.WireCaseAttribute or KnownNames.WireCaseDefaultAttribute);
        if (attribute is null)
        {
            return true;
        }

        var isDefault = attribute.AttributeClass!.MetadataName() == KnownNames.WireCaseDefaultAttribute;
        var unions = type.AllInterfaces.Where(IsUnion).ToList();
        if (unions.Count != 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CaseWithoutUnion, location, type.Name,
                unions.Count == 0 ? "none" : string.Join(", ", unions.Select(u => "'" + u.Name + "'"))));
            return false;
        }

        var name = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Name").Value.Value as string ?? NameConventions.ToSnakeCase(type.Name);
        if (type.HasAttribute(KnownNames.WireCaseAttribute) && type.HasAttribute(KnownNames.WireCaseDefaultAttribute))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDefaultCase, location, type.Name, unions[0].Name,
                "it is also marked [WireCase]; a record is the case of one tag, or of every other tag, so keep one of the two"));

            // Still claimed, with no tag, so the union knows a case of it got no codec.
            info = new WireCaseInfo(unions[0].ToFullyQualified(), 0, string.Empty, name, IsDefault: false, type.ToFullyQualified());
            return false;
        }

        ulong tag = 0;
        var display = string.Empty;
        if (!isDefault && !TryReadTag(attribute, out tag, out display))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateCaseTag, location, type.Name, unions[0].Name,
                "has a tag that is not an integer, a bool or an enum member; give [WireCase] the selector's value that picks it"));

            // Still claimed, with no tag (an empty display), so the union knows a case of it got no codec.
            info = new WireCaseInfo(unions[0].ToFullyQualified(), 0, string.Empty, name, IsDefault: false, type.ToFullyQualified());
            return false;
        }

        info = new WireCaseInfo(unions[0].ToFullyQualified(), tag, display, name, isDefault, type.ToFullyQualified());
        return true;
    }

    /// <summary>Reports a default case that cannot keep the bytes of an unknown tag: its last member must be <c>[RestOfFrame]</c> bytes.</summary>
    public static void CheckDefault(WireCaseInfo info, string typeName, IReadOnlyList<FieldModel> fields, Location location, List<DiagnosticInfo> diagnostics)
    {
        if (info.IsDefault && (fields.Count == 0 || fields[fields.Count - 1].Kind != FieldKind.RestBytes))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDefaultCase, location, typeName, NameConventions.ShortName(info.UnionFullyQualifiedName),
                "its last member must be [RestOfFrame] bytes (ReadOnlyMemory<byte> or byte[]), which keep an unknown case's bytes to the end of its window so that it re-encodes as it was read"));
        }
    }

    /// <summary>Gathers a union's cases in tag order, and reports tags used twice, second defaults and tags a selector of it cannot give.</summary>
    public static Result<WireUnionModel> Join(WireUnionDeclaration union, EquatableArray<WireCaseClaim> allCases, EquatableArray<SwitchSelector> selectors)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var mine = allCases.Where(c => c.Case.UnionFullyQualifiedName == union.Declaration.FullyQualifiedName).ToList();
        var tagged = mine.Where(c => !c.Case.IsDefault && c.Case.TagDisplay.Length > 0).OrderBy(c => c.Case.Tag).ThenBy(c => c.Case.FullyQualifiedName, System.StringComparer.Ordinal).ToList();
        for (var i = 1; i < tagged.Count; i++)
        {
            if (tagged[i].Case.Tag == tagged[i - 1].Case.Tag)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateCaseTag, tagged[i].Location, NameConventions.ShortName(tagged[i].Case.FullyQualifiedName), union.Declaration.Name,
                    $"uses tag {tagged[i].Case.TagDisplay}, which '{NameConventions.ShortName(tagged[i - 1].Case.FullyQualifiedName)}' already has; give each case its own"));
            }
        }

        // A tag its selector's type cannot give would never be read: one report per case, naming the first such selector.
        var mySelectors = selectors.Where(s => s.UnionFullyQualifiedName == union.Declaration.FullyQualifiedName).ToList();
        foreach (var claim in tagged)
        {
            if (mySelectors.FirstOrDefault(s => !Fields.SwitchParser.CanGive(s.Primitive, claim.Case.Tag)) is { } narrow)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConstantDoesNotFit, claim.Location, $"Case '{NameConventions.ShortName(claim.Case.FullyQualifiedName)}'", $"[WireCase({claim.Case.TagDisplay})]",
                    $"{narrow.Spelled}, the selector of its union '{union.Declaration.Name}', cannot hold, so it would never be read; give a tag of the selector's type, or widen the selector"));
            }
        }

        var defaults = mine.Where(c => c.Case.IsDefault).OrderBy(c => c.Case.FullyQualifiedName, System.StringComparer.Ordinal).ToList();
        foreach (var extra in defaults.Skip(1))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDefaultCase, extra.Location, NameConventions.ShortName(extra.Case.FullyQualifiedName), union.Declaration.Name,
                $"'{NameConventions.ShortName(defaults[0].Case.FullyQualifiedName)}' already is; a union has one case for the tags no other case has"));
        }

        // A [DefaultCaseWhen] guard reads the default case: one report per guarded member, on the union that lacks it.
        if (defaults.Count == 0)
        {
            foreach (var guarded in mySelectors.Select(s => s.Guarded).OfType<string>().Distinct())
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GuardedSwitchWithoutDefault, union.Location, guarded, union.Declaration.Name));
            }
        }

        // Two cases of one kind would make their JSON ambiguous.
        var named = tagged.Concat(defaults.Take(1)).ToList();
        var kinds = new HashSet<string>(System.StringComparer.Ordinal);
        var unnamed = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var claim in named)
        {
            if (!kinds.Add(claim.Case.Name))
            {
                unnamed.Add(claim.Case.FullyQualifiedName);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateCaseTag, claim.Location, NameConventions.ShortName(claim.Case.FullyQualifiedName), union.Declaration.Name,
                    $"has the name '{claim.Case.Name}', which another case of it already has; give it its own with [WireCase(..., Name = \"...\")]"));
            }
        }

        // Of two cases that share a tag or a name (reported above) only the first is dispatched to, so the union still compiles.
        var cases = tagged.Where(c => c.HasCodec && !unnamed.Contains(c.Case.FullyQualifiedName)).GroupBy(c => c.Case.Tag).Select(g => g.First().Case).ToEquatableArray();
        var fallback = defaults.FirstOrDefault(c => c.HasCodec && !unnamed.Contains(c.Case.FullyQualifiedName))?.Case;
        var model = new WireUnionModel(union.Declaration, cases, fallback) { HasCasesWithoutCodec = mine.Any(c => !c.HasCodec) };
        return new Result<WireUnionModel>(model, diagnostics.ToEquatableArray());
    }

    private static bool TryReadTag(AttributeData attribute, out ulong tag, out string display)
    {
        tag = 0;
        display = string.Empty;
        if (attribute.ConstructorArguments.Length != 1)
        {
            return false;
        }

        var argument = attribute.ConstructorArguments[0];
        switch (argument.Value)
        {
            case bool flag:
                // A bool selector is compared as 1 or 0.
                tag = flag ? 1UL : 0UL;
                break;
            case byte or ushort or uint or ulong:
                tag = System.Convert.ToUInt64(argument.Value, CultureInfo.InvariantCulture);
                break;
            case sbyte or short or int or long:
                // A signed selector is widened with its sign, and so is its tag, so the two compare equal.
                tag = unchecked((ulong)System.Convert.ToInt64(argument.Value, CultureInfo.InvariantCulture));
                break;
            default:
                return false;
        }

        display = System.Convert.ToString(argument.Value, CultureInfo.InvariantCulture)!;
        if (argument.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
            && enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, argument.Value)) is { } member)
        {
            display = member.Name;
        }

        return true;
    }
}
