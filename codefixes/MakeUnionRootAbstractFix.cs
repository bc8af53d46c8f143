using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProtocolGen.Generator.Diagnostics;

namespace ProtocolGen.CodeFixes;

/// <summary>
/// PG0015: makes a record class union root <c>abstract</c> (dropping <c>sealed</c>, which cannot go with it).
/// Not offered for a record struct or a plain class: they need rewriting, not one keyword.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeUnionRootAbstractFix)), Shared]
public sealed class MakeUnionRootAbstractFix : DeclarationEditFix<TypeDeclarationSyntax>
{
    /// <summary>Creates the fix.</summary>
    public MakeUnionRootAbstractFix()
        : base(DiagnosticDescriptors.InvalidUnionRoot.Id)
    {
    }

    /// <inheritdoc />
    protected override string? Title(TypeDeclarationSyntax node) =>
        node is RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)SyntaxKind.StructKeyword } && !Modifiers.Has(node, SyntaxKind.AbstractKeyword)
            ? "Make '" + node.Identifier.ValueText + "' abstract"
            : null;

    /// <inheritdoc />
    protected override SyntaxNode Edit(SyntaxNode root, TypeDeclarationSyntax node)
    {
        var unsealed = Modifiers.Remove(node, SyntaxKind.SealedKeyword);
        return root.ReplaceNode(node, Modifiers.Insert(unsealed, SyntaxKind.AbstractKeyword, Modifiers.BeforePartialIndex(unsealed)));
    }
}
