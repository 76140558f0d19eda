using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// Every name by which code can refer to a method declared in one syntax tree: methods and local
/// functions by name, constructors by their type's name (an attribute also without "Attribute"), and
/// the tree's using aliases. An identifier spelled otherwise cannot bind to such a method, so a rule
/// that follows only helpers of the same tree need not ask the semantic model about it — binding
/// every identifier of a declaration, its attributes included, was most of such a rule's time.
/// </summary>
internal static class CallableNames
{
    public static HashSet<string> Of(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes(MayDeclare))
        {
            switch (node)
            {
                case MethodDeclarationSyntax method: names.Add(method.Identifier.ValueText); break;
                case LocalFunctionStatementSyntax local: names.Add(local.Identifier.ValueText); break;
                case BaseTypeDeclarationSyntax type:
                    string name = type.Identifier.ValueText;
                    names.Add(name);
                    if (name.EndsWith("Attribute", StringComparison.Ordinal)) names.Add(name.Substring(0, name.Length - "Attribute".Length));
                    break;
                case UsingDirectiveSyntax { Alias: { } alias }: names.Add(alias.Name.Identifier.ValueText); break;
            }
        }
        return names;
    }

    /// <summary>
    /// Whether a node's children may declare a callable: attributes, parameter and base lists, types and literals
    /// never do (a local function lives in a block or a lambda, which these cannot hold), and skipping them skips
    /// most of a file of declarations: its attribute arguments.
    /// </summary>
    private static bool MayDeclare(SyntaxNode node) =>
        node is not (AttributeListSyntax or ParameterListSyntax or BaseListSyntax or TypeParameterListSyntax or TypeSyntax or LiteralExpressionSyntax);
}
