using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.CodeFixes;

/// <summary>MLDSL0016 on <c>Fit(split.Test)</c> / <c>Fit(split.Validation)</c>: fit on <c>split.Train</c> instead.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FitOnTrainingSplitCodeFix)), Shared]
public sealed class FitOnTrainingSplitCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.PreprocessingLeakage.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Diagnostic diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.ContainsKey("replaceWithTrain")) return;
        SyntaxNode root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!;
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not MemberAccessExpressionSyntax access) return;

        context.RegisterCodeFix(CodeAction.Create(
            "Fit on the training split",
            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(access.Name,
                SyntaxFactory.IdentifierName("Train").WithTriviaFrom(access.Name)))),
            equivalenceKey: nameof(FitOnTrainingSplitCodeFix)), diagnostic);
    }
}
