using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProtocolGen.Generator.Diagnostics;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing.Fields;

/// <summary>Reads <c>[ClosedEnum]</c>: how generated code tells a named value, and PG0048 for an enum that names none.</summary>
internal static class ClosedEnumParser
{
    /// <summary>How a closed enum's named values are recognised; null when <paramref name="type"/> is open.</summary>
    public static ClosedEnumInfo? Describe(INamedTypeSymbol type, EquatableArray<EnumMemberModel> members)
    {
        if (!type.HasAttribute(KnownNames.ClosedEnumAttribute))
        {
            return null;
        }

        var values = members.Select(m => decimal.Parse(m.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToList();
        if (type.HasAttribute(KnownNames.FlagsAttribute))
        {
            // Any combination of named bits is named; a signed value counts as its sign-extended bits, as (ulong)value gives them.
            var mask = values.Aggregate(0UL, (bits, v) => bits | (v < 0 ? unchecked((ulong)(long)v) : (ulong)v));
            return new ClosedEnumInfo(IsFlags: true, null, null, mask.ToString(CultureInfo.InvariantCulture) + "UL");
        }

        var distinct = values.Distinct().OrderBy(v => v).ToList();
        if (distinct.Count > 0 && distinct[distinct.Count - 1] - distinct[0] + 1 == distinct.Count)
        {
            // Contiguous: one range compare, between the names of the smallest and the largest value.
            var first = members[values.IndexOf(distinct[0])].Name;
            var last = members[values.IndexOf(distinct[distinct.Count - 1])].Name;
            return new ClosedEnumInfo(IsFlags: false, first, last, null);
        }

        return new ClosedEnumInfo(IsFlags: false, null, null, null);
    }

    /// <summary>PG0048 for a <c>[ClosedEnum]</c> with no named values (every value would be refused).</summary>
    public static EquatableArray<DiagnosticInfo> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Enum } type
            || type.GetMembers().OfType<IFieldSymbol>().Any(f => f.HasConstantValue))
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var location = context.TargetNode is EnumDeclarationSyntax declaration ? declaration.Identifier.GetLocation() : context.TargetNode.GetLocation();
        return new List<DiagnosticInfo> { DiagnosticInfo.Create(DiagnosticDescriptors.EmptyClosedEnum, location, type.Name) }.ToEquatableArray();
    }
}
