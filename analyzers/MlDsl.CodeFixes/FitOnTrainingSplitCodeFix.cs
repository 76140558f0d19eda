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

/// <summary>MLDSL0016 on <c>Fit(split.Test)</c> / <c>Fit(split.Validation)</c>: fit on <c>split.Train</c> instead.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FitOnTrainingSplitCodeFix)), Shared]
public sealed class FitOnTrainingSplitCodeFix : SyntaxCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.PreprocessingLeakage.Id);

    protected override IEnumerable<(string, Func<SyntaxNode>)> Fixes(Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.ReplaceWithTrain) || node is not MemberAccessExpressionSyntax access) yield break;
        yield return ("Fit on the training split",
            () => root.ReplaceNode(access.Name, SyntaxFactory.IdentifierName("Train").WithTriviaFrom(access.Name)));
    }
}
