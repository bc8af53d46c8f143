using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProtocolGen.Generator.Model;

namespace ProtocolGen.Generator.Parsing;

/// <summary>Reads where a partial type lives and whether it (and every type around it) is partial.</summary>
internal static class DeclarationParser
{
    public static TypeDeclarationInfo Describe(INamedTypeSymbol type)
    {
        var containing = type.ContainingTypes().Select(outer => new ContainingTypeInfo(outer.DeclarationKeyword(), outer.Name));
        return new TypeDeclarationInfo(type.NamespaceName(), containing.ToEquatableArray(), type.DeclarationKeyword(), type.Name, type.ToFullyQualified());
    }

    public static bool IsPartialAllTheWayOut(SyntaxNode node, CancellationToken cancellationToken)
    {
        for (var current = node as TypeDeclarationSyntax; current is not null; current = current.Parent as TypeDeclarationSyntax)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!current.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="node"/> holds the type's first application of <paramref name="attribute"/>'s class,
    /// so a type whose partial parts each repeat the attribute still gets one codec.
    /// </summary>
    public static bool IsFirstApplication(INamedTypeSymbol type, AttributeData attribute, SyntaxNode node)
    {
        var first = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute.AttributeClass));
        return first?.ApplicationSyntaxReference is not { } syntax ||
               (syntax.SyntaxTree == node.SyntaxTree && node.Span.Contains(syntax.Span));
    }

    public static Location IdentifierLocation(SyntaxNode node) =>
        node is BaseTypeDeclarationSyntax declaration ? declaration.Identifier.GetLocation() : node.GetLocation();
}
