using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.CodeFixes;

/// <summary>MLDSL0001: replace a wrong InFeatures / InChannels with the inferred size, or remove it so it is inferred.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InputSizeCodeFix)), Shared]
public sealed class InputSizeCodeFix : SyntaxCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.LayerInputMismatch.Id);

    protected override IEnumerable<(string, Func<SyntaxNode>)> Fixes(Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Inferred, out string? inferred) || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Argument, out string? name)) yield break;
        if (node.FirstAncestorOrSelf<AttributeSyntax>() is not { } attribute || AttributeEdits.NamedArgument(attribute, name!) is not { } argument) yield break;

        int size = int.Parse(inferred);
        yield return ($"Use the inferred {name} = {size}",
            () => root.ReplaceNode(argument, argument.WithExpression(AttributeEdits.Number(size).WithTriviaFrom(argument.Expression))));
        yield return ($"Remove {name} and let it be inferred",
            () => root.ReplaceNode(attribute, AttributeEdits.WithoutArgument(attribute, argument)));
    }
}
