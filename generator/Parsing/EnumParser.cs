using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing;

/// <summary>Reads an enum's named values for its JSON name table.</summary>
internal static class EnumParser
{
    public static EnumModel Parse(INamedTypeSymbol type, PrimitiveType underlying)
    {
        var members = type.GetMembers()
            .OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue)
            .Select(f => new EnumMemberModel(f.Name, System.Convert.ToString(f.ConstantValue, CultureInfo.InvariantCulture)!))
            .ToEquatableArray();

        var outer = new List<string>();
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            outer.Insert(0, containing.Name);
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        return new EnumModel(ns, string.Concat(outer) + type.Name + "WireNames", type.Name, type.ToFullyQualified(), underlying, members);
    }
}
