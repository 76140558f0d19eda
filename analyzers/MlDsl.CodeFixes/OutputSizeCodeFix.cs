using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.CodeFixes;

/// <summary>MLDSL0005: make the output Linear produce the width the label needs (classes, labels, or 1 for regression).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OutputSizeCodeFix)), Shared]
public sealed class OutputSizeCodeFix : SyntaxCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.OutputClassMismatch.Id);

    protected override IEnumerable<(string, Func<SyntaxNode>)> Fixes(Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Classes, out string? classes)) yield break;
        if (node.FirstAncestorOrSelf<AttributeSyntax>() is not { ArgumentList.Arguments.Count: > 0 } attribute) yield break;

        AttributeArgumentSyntax size = attribute.ArgumentList!.Arguments.First();
        yield return ($"Output {classes} values, one per class",
            () => root.ReplaceNode(size, size.WithExpression(AttributeEdits.Number(int.Parse(classes)).WithTriviaFrom(size.Expression))));
    }
}
