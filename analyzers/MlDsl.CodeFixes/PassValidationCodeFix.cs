using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.CodeFixes;

/// <summary>MLDSL0018 on <c>Fit(train, split.Test)</c>: pass the validation rows the analyzer named instead.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PassValidationCodeFix)), Shared]
public sealed class PassValidationCodeFix : SyntaxCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.TestSetSelection.Id);

    protected override IEnumerable<(string, Func<SyntaxNode>)> Fixes(Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ReplaceWith, out string? replacement) || replacement is null) yield break;
        SyntaxNode target = node is ArgumentSyntax argument ? argument.Expression : node;
        if (target is not ExpressionSyntax expression) yield break;
        yield return ($"Validate on {replacement}", () => root.ReplaceNode(expression, SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(expression)));
    }
}
