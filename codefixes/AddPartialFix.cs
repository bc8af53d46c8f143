using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProtocolGen.Generator.Diagnostics;

namespace ProtocolGen.CodeFixes;

/// <summary>PG0001: adds <c>partial</c> to the protocol type and to every type it is nested in that lacks it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialFix)), Shared]
public sealed class AddPartialFix : DeclarationEditFix<TypeDeclarationSyntax>
{
    /// <summary>Creates the fix.</summary>
    public AddPartialFix()
        : base(DiagnosticDescriptors.MustBePartial.Id)
    {
    }

    /// <inheritdoc />
    protected override string? Title(TypeDeclarationSyntax node) =>
        NotPartial(node).Any() ? "Make '" + node.Identifier.ValueText + "' partial" : null;

    /// <inheritdoc />
    protected override SyntaxNode Edit(SyntaxNode root, TypeDeclarationSyntax node) =>
        root.ReplaceNodes(NotPartial(node), (_, rewritten) => Modifiers.Insert(rewritten, SyntaxKind.PartialKeyword, Modifiers.PartialIndex(rewritten)));

    // The generator asks the same of the type and of each type around it.
    private static System.Collections.Generic.IEnumerable<TypeDeclarationSyntax> NotPartial(TypeDeclarationSyntax node) =>
        node.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Where(d => !Modifiers.Has(d, SyntaxKind.PartialKeyword));
}
