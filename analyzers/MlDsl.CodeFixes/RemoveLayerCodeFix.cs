using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.CodeFixes;

/// <summary>MLDSL0013 / MLDSL0014: remove the layer after the output; a member left without layers goes too.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveLayerCodeFix)), Shared]
public sealed class RemoveLayerCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.LayerAfterOutput.Id, DiagnosticDescriptors.SoftmaxBeforeCrossEntropy.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Diagnostic diagnostic = context.Diagnostics[0];
        SyntaxNode root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!;
        if (AttributeEdits.AttributeAt(root, diagnostic.Location) is not { Parent: AttributeListSyntax list } attribute) return;

        context.RegisterCodeFix(CodeAction.Create(
            $"Remove {attribute.Name}",
            _ => Task.FromResult(context.Document.WithSyntaxRoot(Remove(root, list, attribute))),
            equivalenceKey: nameof(RemoveLayerCodeFix)), diagnostic);
    }

    private static SyntaxNode Remove(SyntaxNode root, AttributeListSyntax list, AttributeSyntax attribute)
    {
        if (list.Attributes.Count > 1)
            return root.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute)));
        if (list.Parent is MemberDeclarationSyntax { AttributeLists.Count: 1 } member)
            return root.RemoveNode(member, SyntaxRemoveOptions.KeepNoTrivia)!;
        return root.RemoveNode(list, SyntaxRemoveOptions.KeepNoTrivia)!;
    }
}
