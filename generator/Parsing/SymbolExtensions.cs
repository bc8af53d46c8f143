using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ProtocolGen.Generator.Parsing;

/// <summary>What the parsers ask of symbols: names, nesting, attributes, the primary constructor.</summary>
internal static class SymbolExtensions
{
    public static string ToFullyQualified(this ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>The namespace <paramref name="symbol"/> is declared in, or null in the global namespace.</summary>
    public static string? NamespaceName(this ISymbol symbol) =>
        symbol.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;

    /// <summary>The types <paramref name="type"/> is nested in, outermost first.</summary>
    public static List<INamedTypeSymbol> ContainingTypes(this INamedTypeSymbol type)
    {
        var containing = new List<INamedTypeSymbol>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containing.Add(outer);
        }

        containing.Reverse();
        return containing;
    }

    public static string MetadataName(this ITypeSymbol type)
    {
        var ns = type.NamespaceName() is { } name ? name + "." : string.Empty;
        var outer = type.ContainingType is { } containing ? containing.MetadataName() + "+" : null;
        return outer is null ? ns + type.MetadataName : outer + type.MetadataName;
    }

    public static bool HasAttribute(this ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().Any(a => a.AttributeClass is { } c && c.MetadataName() == metadataName);

    public static bool IsWireStruct(this ITypeSymbol type) =>
        type.HasAttribute(KnownNames.WireStructAttribute) || WireUnionParser.IsCase(type) ||
        type.AllInterfaces.Any(i => i.OriginalDefinition.MetadataName() == KnownNames.WireStructInterface &&
                                    SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type));

    /// <summary>
    /// Whether a wire structure has a JSON form: a [WireStruct] gets one generated (in this compilation or its own), a
    /// hand-written codec has one only when it implements IWireJson of itself.
    /// </summary>
    public static bool HasWireJson(this ITypeSymbol type) =>
        type.HasAttribute(KnownNames.WireStructAttribute) || WireUnionParser.IsCase(type) || WireUnionParser.IsUnion(type) ||
        type.AllInterfaces.Any(i => i.OriginalDefinition.MetadataName() == KnownNames.WireJsonInterface &&
                                    SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type));

    public static bool IsGenericOrInGeneric(this INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    public static string DeclarationKeyword(this INamedTypeSymbol type) => type.IsRecord
        ? (type.IsValueType ? "record struct" : "record")
        : type.TypeKind switch
        {
            TypeKind.Struct => "struct",
            TypeKind.Interface => "interface",
            _ => "class",
        };

    /// <summary>The primary constructor of a positional record, or null.</summary>
    public static IMethodSymbol? PrimaryConstructor(this INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax)
                {
                    return constructor;
                }
            }
        }

        return null;
    }
}
