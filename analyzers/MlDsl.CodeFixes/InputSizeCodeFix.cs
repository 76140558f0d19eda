using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.CodeFixes;

/// <summary>MLDSL0001: replace a wrong InFeatures / InChannels with the inferred size, or remove it so it is inferred.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InputSizeCodeFix)), Shared]
public sealed class InputSizeCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.LayerInputMismatch.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Diagnostic diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue("inferred", out string? inferred) || !diagnostic.Properties.TryGetValue("argument", out string? name))
            return;
        SyntaxNode root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false))!;
        if (AttributeEdits.AttributeAt(root, diagnostic.Location) is not { } attribute || AttributeEdits.NamedArgument(attribute, name!) is not { } argument)
            return;

        int size = int.Parse(inferred);
        context.RegisterCodeFix(CodeAction.Create(
            $"Use the inferred {name} = {size}",
            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(argument, argument.WithExpression(AttributeEdits.Number(size).WithTriviaFrom(argument.Expression))))),
            equivalenceKey: "UseInferred"), diagnostic);
        context.RegisterCodeFix(CodeAction.Create(
            $"Remove {name} and let it be inferred",
            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, AttributeEdits.WithoutArgument(attribute, argument)))),
            equivalenceKey: "RemoveDeclared"), diagnostic);
    }
}
