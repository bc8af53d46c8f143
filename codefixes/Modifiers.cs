using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProtocolGen.CodeFixes;

/// <summary>Adds a modifier to a type declaration without disturbing its comments, attributes or layout.</summary>
internal static class Modifiers
{
    /// <summary>
    /// Inserts <paramref name="kind"/> at <paramref name="index"/> of the modifiers. Put first (or into an empty
    /// list), the new keyword takes over the leading trivia (doc comment, indentation after the attributes) of
    /// what was first, so the comment stays above the declaration rather than between two keywords.
    /// </summary>
    public static TypeDeclarationSyntax Insert(TypeDeclarationSyntax declaration, SyntaxKind kind, int index)
    {
        var modifiers = declaration.Modifiers;
        var keyword = SyntaxFactory.Token(kind).WithTrailingTrivia(SyntaxFactory.Space);
        if (index > 0)
        {
            return declaration.WithModifiers(modifiers.Insert(index, keyword));
        }

        if (modifiers.Count > 0)
        {
            var first = modifiers[0];
            modifiers = modifiers.Replace(first, first.WithLeadingTrivia());
            return declaration.WithModifiers(modifiers.Insert(0, keyword.WithLeadingTrivia(first.LeadingTrivia)));
        }

        var typeKeyword = declaration.Keyword;
        return declaration
            .ReplaceToken(typeKeyword, typeKeyword.WithLeadingTrivia())
            .WithModifiers(SyntaxFactory.TokenList(keyword.WithLeadingTrivia(typeKeyword.LeadingTrivia)));
    }

    /// <summary>Whether the declaration carries the modifier.</summary>
    public static bool Has(TypeDeclarationSyntax declaration, SyntaxKind kind) => declaration.Modifiers.Any(kind);

    /// <summary>Where <c>partial</c> goes: last, since C# wants it right before <c>record</c>, <c>class</c>, <c>struct</c> or <c>interface</c>.</summary>
    public static int PartialIndex(TypeDeclarationSyntax declaration) => declaration.Modifiers.Count;

    /// <summary>Where another modifier goes: before <c>partial</c> when there is one, else last.</summary>
    public static int BeforePartialIndex(TypeDeclarationSyntax declaration)
    {
        var partial = declaration.Modifiers.IndexOf(SyntaxKind.PartialKeyword);
        return partial >= 0 ? partial : declaration.Modifiers.Count;
    }

    /// <summary>The declaration's modifiers without <paramref name="kind"/>, keeping the trivia the removed one had.</summary>
    public static TypeDeclarationSyntax Remove(TypeDeclarationSyntax declaration, SyntaxKind kind)
    {
        var index = declaration.Modifiers.IndexOf(kind);
        if (index < 0)
        {
            return declaration;
        }

        var removed = declaration.Modifiers[index];
        var modifiers = declaration.Modifiers.RemoveAt(index);
        if (index == 0 && modifiers.Count > 0)
        {
            modifiers = modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia(removed.LeadingTrivia));
        }
        else if (index == 0)
        {
            var bare = declaration.WithModifiers(modifiers);
            return bare.ReplaceToken(bare.Keyword, bare.Keyword.WithLeadingTrivia(removed.LeadingTrivia));
        }

        return declaration.WithModifiers(modifiers);
    }
}
