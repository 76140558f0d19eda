using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.CodeFixes;

/// <summary>MLDSL0021 on an identifier-like feature: it is a group key, so <c>[Feature]</c> becomes <c>[GroupKey]</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarkGroupKeyCodeFix)), Shared]
public sealed class MarkGroupKeyCodeFix : SyntaxCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.IdentifierAsFeature.Id);

    protected override IEnumerable<(string, Func<SyntaxNode>)> Fixes(Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.MarkGroupKey)) yield break;
        MemberDeclarationSyntax? member = node.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        AttributeSyntax? featureAttribute = member?.AttributeLists.SelectMany(list => list.Attributes)
            .FirstOrDefault(attribute => attribute.Name.ToString() is "Feature" or "FeatureAttribute" or "MlDsl.Feature");
        if (featureAttribute is null) yield break;
        yield return ("Mark it [GroupKey] (then split with SplitKind.Grouped)",
            () => root.ReplaceNode(featureAttribute, SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("GroupKey")).WithTriviaFrom(featureAttribute)));
    }
}
