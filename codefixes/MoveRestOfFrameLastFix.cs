using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProtocolGen.Generator.Diagnostics;

namespace ProtocolGen.CodeFixes;

/// <summary>
/// PG0008: moves the rest-of-frame parameter to the end of the record's parameter list. That reorders the
/// primary constructor (and the wire layout, which is the point), so positional callers change: the title says so.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveRestOfFrameLastFix)), Shared]
public sealed class MoveRestOfFrameLastFix : DeclarationEditFix<ParameterSyntax>
{
    /// <summary>Creates the fix.</summary>
    public MoveRestOfFrameLastFix()
        : base(DiagnosticDescriptors.RestOfFrameNotLast.Id)
    {
    }

    /// <inheritdoc />
    protected override string? Title(ParameterSyntax node) =>
        node.Parent is ParameterListSyntax list && list.Parameters.IndexOf(node) < list.Parameters.Count - 1
            ? "Move '" + node.Identifier.ValueText + "' last (changes the constructor's parameter order: callers change)"
            : null;

    /// <inheritdoc />
    protected override SyntaxNode Edit(SyntaxNode root, ParameterSyntax node)
    {
        var list = (ParameterListSyntax)node.Parent!;
        var parameters = list.Parameters;
        var reordered = parameters.Where(p => p != node).Append(node).ToList();

        // Each position keeps its own trivia (line breaks, indentation), so only the order changes.
        var placed = reordered.Select((p, i) => p.WithLeadingTrivia(parameters[i].GetLeadingTrivia()).WithTrailingTrivia(parameters[i].GetTrailingTrivia()));
        return root.ReplaceNode(list, list.WithParameters(SyntaxFactory.SeparatedList(placed, parameters.GetSeparators())));
    }
}
