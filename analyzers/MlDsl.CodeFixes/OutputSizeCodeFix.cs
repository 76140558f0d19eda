using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.CodeFixes;

/// <summary>MLDSL0005: make the output Linear produce one value per class.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OutputSizeCodeFix)), Shared]
public sealed class OutputSizeCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.OutputClassMismatch.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Diagnostic diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue("classes", out string? classes)) return;
        SyntaxNode root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!;
        if (AttributeEdits.AttributeAt(root, diagnostic.Location) is not { ArgumentList.Arguments.Count: > 0 } attribute) return;

        AttributeArgumentSyntax size = attribute.ArgumentList!.Arguments.First();
        context.RegisterCodeFix(CodeAction.Create(
            $"Output {classes} values, one per class",
            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(size, size.WithExpression(AttributeEdits.Number(int.Parse(classes)).WithTriviaFrom(size.Expression))))),
            equivalenceKey: nameof(OutputSizeCodeFix)), diagnostic);
    }
}
