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

/// <summary>MLDSL0003: insert Flatten just before the Linear that receives an image-shaped tensor.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsertFlattenCodeFix)), Shared]
public sealed class InsertFlattenCodeFix : SyntaxCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.MissingFlatten.Id);

    protected override IEnumerable<(string, Func<SyntaxNode>)> Fixes(Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (node.FirstAncestorOrSelf<AttributeSyntax>() is not { Parent: AttributeListSyntax list } linear) yield break;

        AttributeSyntax flatten = SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("Flatten"));
        yield return ("Insert Flatten before the Linear layer",
            () => root.ReplaceNode(list, list.WithAttributes(list.Attributes.Insert(list.Attributes.IndexOf(linear), flatten))));
    }
}
