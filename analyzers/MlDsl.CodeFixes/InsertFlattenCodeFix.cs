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

/// <summary>MLDSL0003: insert Flatten just before the Linear that receives an image-shaped tensor.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsertFlattenCodeFix)), Shared]
public sealed class InsertFlattenCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.MissingFlatten.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Diagnostic diagnostic = context.Diagnostics[0];
        SyntaxNode root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!;
        if (AttributeEdits.AttributeAt(root, diagnostic.Location) is not { Parent: AttributeListSyntax list } linear) return;

        context.RegisterCodeFix(CodeAction.Create(
            "Insert Flatten before the Linear layer",
            _ =>
            {
                AttributeSyntax flatten = SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("Flatten"));
                AttributeListSyntax fixedList = list.WithAttributes(list.Attributes.Insert(list.Attributes.IndexOf(linear), flatten));
                return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(list, fixedList)));
            },
            equivalenceKey: nameof(InsertFlattenCodeFix)), diagnostic);
    }
}
