using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.CodeFixes;

/// <summary>
/// MLDSL0002: flat data reaches a 2-D layer. When the flat length factors one way only (784 = 1x28x28),
/// rewrite the dataset's [Shape] as an image; flat samples reaching a 1-D layer become a one-channel
/// signal (8000 -> 1x8000). The dataset may live in another file.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ImageShapeCodeFix)), Shared]
public sealed class ImageShapeCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.RankMismatch.Id);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Diagnostic diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Shape, out string? shape) || diagnostic.AdditionalLocations.Count == 0)
            return Task.CompletedTask;
        Location shapeLocation = diagnostic.AdditionalLocations[0];
        Document? document = context.Document.Project.Solution.GetDocument(shapeLocation.SourceTree);
        if (document is null) return Task.CompletedTask;

        context.RegisterCodeFix(CodeAction.Create(
            shape!.Split(',').Length == 2 ? $"Declare the feature as a one-channel signal: [Shape({shape})]" : $"Declare the feature as an image: [Shape({shape})]",
            cancellation => ReshapeAsync(document, shapeLocation, shape!, cancellation),
            equivalenceKey: nameof(ImageShapeCodeFix)), diagnostic);
        return Task.CompletedTask;
    }

    private static async Task<Solution> ReshapeAsync(Document document, Location shapeLocation, string shape, CancellationToken cancellation)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false))!;
        AttributeSyntax? attribute = AttributeEdits.AttributeAt(root, shapeLocation);
        if (attribute is null) return document.Project.Solution;
        AttributeArgumentListSyntax arguments = SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(
            shape.Split(',').Select(size => SyntaxFactory.AttributeArgument(AttributeEdits.Number(int.Parse(size.Trim()))))));
        return document.WithSyntaxRoot(root.ReplaceNode(attribute, attribute.WithArgumentList(arguments))).Project.Solution;
    }
}
