using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MlDsl.CodeFixes;

/// <summary>Syntax edits the fixes share: find the diagnosed attribute, rewrite its arguments.</summary>
internal static class AttributeEdits
{
    public static AttributeSyntax? AttributeAt(SyntaxNode root, Location location) =>
        root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>();

    public static AttributeArgumentSyntax? NamedArgument(AttributeSyntax attribute, string name) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.Text == name);

    public static ExpressionSyntax Number(int value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(value));

    /// <summary>Removes an argument, and the parentheses when none is left.</summary>
    public static AttributeSyntax WithoutArgument(AttributeSyntax attribute, AttributeArgumentSyntax argument)
    {
        SeparatedSyntaxList<AttributeArgumentSyntax> remaining = attribute.ArgumentList!.Arguments.Remove(argument);
        return remaining.Count == 0
            ? attribute.WithArgumentList(null)
            : attribute.WithArgumentList(attribute.ArgumentList.WithArguments(remaining));
    }
}
