using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ProtocolGen.CodeFixes;

/// <summary>
/// A fix that rewrites the one declaration a diagnostic points into: finds the nearest <typeparamref name="TNode"/>
/// around the diagnostic, asks the subclass for the edited root, and offers it under one equivalence key, so Fix
/// All (the batch fixer) merges every instance's edit in one pass.
/// </summary>
/// <typeparam name="TNode">The kind of node the fix edits (a type declaration, a parameter).</typeparam>
public abstract class DeclarationEditFix<TNode> : CodeFixProvider
    where TNode : SyntaxNode
{
    private readonly string _diagnosticId;

    /// <summary>Creates a fix for the diagnostic with this catalogue ID.</summary>
    protected DeclarationEditFix(string diagnosticId) => _diagnosticId = diagnosticId;

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(_diagnosticId);

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TNode>().FirstOrDefault();
            if (node is null || Title(node) is not { } title)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => ApplyAsync(document, node, cancellationToken), equivalenceKey: GetType().Name),
                diagnostic);
        }
    }

    /// <summary>The fix's title for this node, or null when the node is not one this fix can correct.</summary>
    protected abstract string? Title(TNode node);

    /// <summary>The document's root with the node edited.</summary>
    protected abstract SyntaxNode Edit(SyntaxNode root, TNode node);

    private async Task<Document> ApplyAsync(Document document, TNode node, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(Edit(root, node));
    }
}
