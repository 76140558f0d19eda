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

/// <summary>MLDSL0019: set <c>Kind = SplitKind.Grouped</c> (or <c>ByTime</c>) in the split's options; MLDSL0025: a stratified split of a non-class label becomes <c>Random</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SplitKindCodeFix)), Shared]
public sealed class SplitKindCodeFix : SyntaxCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.SplitIgnoresGroupsOrTime.Id, DiagnosticDescriptors.StratifiedWithoutClasses.Id);

    protected override IEnumerable<(string, Func<SyntaxNode>)> Fixes(Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.SplitKind, out string? kind)) yield break;
        if (node is BaseObjectCreationExpressionSyntax creation)
            yield return ($"Split with SplitKind.{kind}", () => root.ReplaceNode(creation, WithKind(creation, kind!)));
        else if (node.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute)
            yield return ($"Split with SplitKind.{kind}", () => root.ReplaceNode(attribute, WithKind(attribute, kind!)));
    }

    /// <summary>A pipeline's <c>[Split(...)]</c> with <c>Kind = SplitKind.{kind}</c> set or replaced.</summary>
    private static AttributeSyntax WithKind(AttributeSyntax attribute, string kind)
    {
        ExpressionSyntax value = SyntaxFactory.ParseExpression($"SplitKind.{kind}");
        AttributeArgumentListSyntax arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        AttributeArgumentSyntax? existing = arguments.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.Text == "Kind");
        AttributeArgumentListSyntax updated = existing is not null
            ? arguments.ReplaceNode(existing.Expression, value.WithTriviaFrom(existing.Expression))
            : arguments.WithArguments(arguments.Arguments.Insert(0, SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Kind")), null, value)));
        return attribute.WithArgumentList(updated);
    }

    private static BaseObjectCreationExpressionSyntax WithKind(BaseObjectCreationExpressionSyntax creation, string kind)
    {
        ExpressionSyntax value = SyntaxFactory.ParseExpression($"SplitKind.{kind}");
        InitializerExpressionSyntax initializer = creation.Initializer
            ?? SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression);
        AssignmentExpressionSyntax? existing = initializer.Expressions.OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(assignment => assignment.Left is IdentifierNameSyntax { Identifier.Text: "Kind" });
        InitializerExpressionSyntax updated = existing is not null
            ? initializer.ReplaceNode(existing.Right, value.WithTriviaFrom(existing.Right))
            : initializer.WithExpressions(initializer.Expressions.Insert(0,
                SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("Kind"), value)));
        return creation.WithInitializer(updated);
    }
}
