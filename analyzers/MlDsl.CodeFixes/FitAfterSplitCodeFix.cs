using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.CodeFixes;

/// <summary>
/// MLDSL0016 on a fit before the split of the same rows: move the fitting statement (with its comments)
/// to just after the split and fit on the split (<c>Standardizer.Fit(split)</c>), or on the training
/// rows where the split is deconstructed. The analyzer offers it only where the move is safe.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FitAfterSplitCodeFix)), Shared]
public sealed class FitAfterSplitCodeFix : SyntaxCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.PreprocessingLeakage.Id);

    protected override IEnumerable<(string, Func<SyntaxNode>)> Fixes(Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.FitAfterSplit, out string? name) || string.IsNullOrEmpty(name)
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.SplitStatement, out string? at)
            || !int.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out int splitStart)
            || node.FirstAncestorOrSelf<ArgumentSyntax>() is not { } argument
            || argument.FirstAncestorOrSelf<StatementSyntax>() is not { Parent: BlockSyntax block } fit)
            yield break;
        SyntaxList<StatementSyntax> statements = block.Statements;
        int from = statements.IndexOf(fit), to = statements.IndexOf(statement => statement.SpanStart == splitStart);
        if (to <= from) yield break;

        yield return ("Fit after the split, on its training rows", () =>
        {
            ArgumentSyntax onSplit = SyntaxFactory.Argument(SyntaxFactory.IdentifierName(Identifier(name!))).WithTriviaFrom(argument);
            StatementSyntax moved = fit.ReplaceNode(argument, onSplit);
            // Removing the fit shifts the split to to - 1, so inserting at `to` lands right after it.
            return root.ReplaceNode(block, block.WithStatements(statements.RemoveAt(from).Insert(to, moved)));
        });
    }

    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
}
