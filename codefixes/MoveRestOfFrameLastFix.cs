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
    /// <remarks>
    /// Not offered when a later parameter has a default value or is <c>params</c> (moving a required parameter
    /// behind it would not compile, CS1737/CS0231), nor when the list has a second rest-of-frame parameter (two
    /// moves of one list would overlap; that schema needs a decision, not an edit).
    /// </remarks>
    protected override string? Title(ParameterSyntax node) =>
        node.Parent is ParameterListSyntax list
            && list.Parameters.IndexOf(node) is var index && index < list.Parameters.Count - 1
            && !list.Parameters.Skip(index + 1).Any(p => p.Default is not null || p.Modifiers.Any(SyntaxKind.ParamsKeyword))
            && list.Parameters.Count(IsRestOfFrame) == 1
            ? "Move '" + node.Identifier.ValueText + "' last (changes the constructor's parameter order: callers change)"
            : null;

    // By name, as written (RestOfFrame, RestOfFrameAttribute, ProtocolGen.RestOfFrame, ...): the generator has
    // already said which parameter it is; this only counts whether there is a second one.
    private static bool IsRestOfFrame(ParameterSyntax parameter) =>
        parameter.AttributeLists.SelectMany(l => l.Attributes)
            .Any(a => a.Name.ToString().Split('.').Last() is "RestOfFrame" or "RestOfFrameAttribute");

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
