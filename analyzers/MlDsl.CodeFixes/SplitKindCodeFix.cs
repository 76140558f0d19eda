using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.CodeFixes;

/// <summary>MLDSL0019: set <c>Kind = SplitKind.Grouped</c> (or <c>ByTime</c>) in the split's options.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SplitKindCodeFix)), Shared]
public sealed class SplitKindCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.SplitIgnoresGroupsOrTime.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Diagnostic diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue("kind", out string? kind)) return;
        SyntaxNode root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!;
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creation) return;

        context.RegisterCodeFix(CodeAction.Create(
            $"Split with SplitKind.{kind}",
            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(creation, WithKind(creation, kind!)))),
            equivalenceKey: nameof(SplitKindCodeFix)), diagnostic);
    }

    private static BaseObjectCreationExpressionSyntax WithKind(BaseObjectCreationExpressionSyntax creation, string kind)
    {
        ExpressionSyntax value = SyntaxFactory.ParseExpression($"SplitKind.{kind}");
        InitializerExpressionSyntax initializer = creation.Initializer
            ?? SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression);
        AssignmentExpressionSyntax? existing = initializer.Expressions.OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(assignment => assignment.Left is IdentifierNameSyntax { Identifier.Text: "Kind" });
        InitializerExpressionSyntax updated = existing is not null
            ? initializer.ReplaceNode(existing.Right, value.WithTriviaFrom(existing.Right))
            : initializer.WithExpressions(initializer.Expressions.Insert(0,
                SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("Kind"), value)));
        return creation.WithInitializer(updated);
    }
}
