using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.CodeFixes;

/// <summary>
/// MLDSL0013 / MLDSL0014 / MLDSL0032: remove the layer after the output; a member left without layers goes too. Not
/// offered when the member's next layer has weights: it would take the member's name and rename them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveLayerCodeFix)), Shared]
public sealed class RemoveLayerCodeFix : SyntaxCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.LayerAfterOutput.Id, DiagnosticDescriptors.SoftmaxBeforeCrossEntropy.Id, DiagnosticDescriptors.LogSoftmaxBeforeCrossEntropy.Id);

    protected override IEnumerable<(string, Func<SyntaxNode>)> Fixes(Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (node.FirstAncestorOrSelf<AttributeSyntax>() is not { Parent: AttributeListSyntax list } attribute) yield break;
        // The member's next layer would take the member's name and its weights would be saved under it: models saved before stop loading.
        if (diagnostic.Properties.TryGetValue(DiagnosticProperties.RemovalRenamesWeights, out string? renames) && renames == "true") yield break;
        yield return ($"Remove {attribute.Name}", () => Remove(root, list, attribute));
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
