using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MlDsl.CodeFixes;

/// <summary>
/// A fix that rewrites the diagnosed document: subclasses look at the node under the diagnostic and
/// offer zero or more (title, new root) pairs; registration and fix-all are handled here.
/// </summary>
public abstract class SyntaxCodeFix : CodeFixProvider
{
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Diagnostic diagnostic = context.Diagnostics[0];
        SyntaxNode root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!;
        SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        int index = 0;
        foreach ((string title, Func<SyntaxNode> rewrite) in Fixes(diagnostic, root, node).ToList())
        {
            context.RegisterCodeFix(CodeAction.Create(title,
                _ => Task.FromResult(context.Document.WithSyntaxRoot(rewrite())),
                equivalenceKey: $"{GetType().Name}.{index++}"), diagnostic);
        }
    }

    /// <summary>The fixes for <paramref name="node"/>, the innermost syntax under the diagnostic.</summary>
    protected abstract IEnumerable<(string Title, Func<SyntaxNode> NewRoot)> Fixes(Diagnostic diagnostic, SyntaxNode root, SyntaxNode node);
}
