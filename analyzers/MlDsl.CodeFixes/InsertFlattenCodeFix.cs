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

/// <summary>
/// MLDSL0003: insert Flatten before the Linear that receives an image-shaped tensor, without renaming
/// any weights. A member's first layer takes the member's name (<c>fc1.weight</c>), so when the Linear
/// is first, Flatten goes after the previous layer (the end of the member before), or into a member
/// of its own when nothing comes before; otherwise just before the Linear in its own list.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsertFlattenCodeFix)), Shared]
public sealed class InsertFlattenCodeFix : SyntaxCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.MissingFlatten.Id);

    protected override IEnumerable<(string, Func<SyntaxNode>)> Fixes(Diagnostic diagnostic, SyntaxNode root, SyntaxNode node)
    {
        if (node.FirstAncestorOrSelf<AttributeSyntax>() is not { Parent: AttributeListSyntax list } linear) yield break;
        AttributeSyntax flatten = SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("Flatten"));

        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.FirstLayerOfMember, out string? first) || first != "true")
        {
            yield return ("Insert Flatten before the Linear layer",
                () => root.ReplaceNode(list, list.WithAttributes(list.Attributes.Insert(list.Attributes.IndexOf(linear), flatten))));
            yield break;
        }

        Location? previous = diagnostic.AdditionalLocations.FirstOrDefault();
        if (previous is not null && previous.SourceTree == root.SyntaxTree
            && AttributeEdits.AttributeAt(root, previous) is { Parent: AttributeListSyntax previousList } previousLayer)
        {
            yield return ("Insert Flatten after the previous layer",
                () => root.ReplaceNode(previousList, previousList.WithAttributes(previousList.Attributes.Insert(previousList.Attributes.IndexOf(previousLayer) + 1, flatten))));
            yield break;
        }

        if (list.Parent is FieldDeclarationSyntax { Parent: TypeDeclarationSyntax type } member)
            yield return ("Insert a Flatten member before the Linear layer", () => root.ReplaceNode(type, type.InsertNodesBefore(member, new[] { FlattenMember(type, member) })));
    }

    /// <summary><c>[Flatten] Layer flatten;</c>, indented like <paramref name="member"/>, under a name no member of the type has.</summary>
    private static MemberDeclarationSyntax FlattenMember(TypeDeclarationSyntax type, FieldDeclarationSyntax member)
    {
        var taken = new HashSet<string>(type.Members.SelectMany(Names));
        string name = "flatten";
        for (int suffix = 2; taken.Contains(name); suffix++) name = "flatten" + suffix;
        SyntaxTrivia indentation = member.GetLeadingTrivia().LastOrDefault(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia));
        SyntaxTrivia newline = member.GetTrailingTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        return SyntaxFactory.ParseMemberDeclaration($"[Flatten] {member.Declaration.Type.ToString().Trim()} {name};")!
            .WithLeadingTrivia(indentation.IsKind(SyntaxKind.None) ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(indentation))
            .WithTrailingTrivia(newline.IsKind(SyntaxKind.None) ? SyntaxFactory.TriviaList(SyntaxFactory.LineFeed) : SyntaxFactory.TriviaList(newline));
    }

    private static IEnumerable<string> Names(MemberDeclarationSyntax member) => member switch
    {
        BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(variable => variable.Identifier.Text),
        PropertyDeclarationSyntax property => new[] { property.Identifier.Text },
        MethodDeclarationSyntax method => new[] { method.Identifier.Text },
        _ => Enumerable.Empty<string>(),
    };
}
