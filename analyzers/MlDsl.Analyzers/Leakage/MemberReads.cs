using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// Which member of interest a row member's declaration reads, directly or through what it calls in the
/// same file: helper methods and computed properties (<c>Share => Refund / Amount</c>), so a value flows
/// through a getter the way it flows through a method.
/// </summary>
internal sealed class MemberReads
{
    private readonly Func<ISymbol, bool> isTarget;
    private readonly HashSet<string> bound;
    private readonly SemanticModel model;

    /// <param name="targets">The members looked for (their names are the only ones bound besides the helpers).</param>
    /// <param name="helpers">Names of the file's methods (<see cref="CallableNames"/>).</param>
    /// <param name="computed">Names of computed properties of the row type, followed like helpers.</param>
    public MemberReads(IEnumerable<ISymbol> targets, HashSet<string> helpers, IEnumerable<string> computed, SemanticModel model)
    {
        var set = new HashSet<ISymbol>(targets, SymbolEqualityComparer.Default);
        isTarget = set.Contains;
        // Only identifiers spelled like a target, a helper or a computed property are bound: binding
        // every identifier of a declaration was most of the rule's time.
        bound = new HashSet<string>(helpers, StringComparer.Ordinal);
        bound.UnionWith(set.Select(target => target.Name));
        bound.UnionWith(computed);
        this.model = model;
    }

    /// <summary>The target read and " (through Helper)" or "" when <paramref name="body"/> reads one, otherwise null.</summary>
    public (ISymbol Target, string Path)? Find(SyntaxNode body, ISymbol self, int depth) =>
        Find(body, new HashSet<ISymbol>(SymbolEqualityComparer.Default) { self }, depth);

    private (ISymbol Target, string Path)? Find(SyntaxNode body, HashSet<ISymbol> visited, int depth)
    {
        foreach (SyntaxNode node in body.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier || !bound.Contains(identifier.Identifier.ValueText)) continue;
            ISymbol? symbol = model.GetSymbolInfo(identifier).Symbol;
            if (symbol is null) continue;
            if (isTarget(symbol)) return (symbol, "");
            if (depth == 0 || symbol is not (IMethodSymbol or IPropertySymbol) || !visited.Add(symbol)) continue;
            foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
            {
                // Helpers in the same file are followed; the semantic model covers one tree.
                if (reference.SyntaxTree != model.SyntaxTree) continue;
                foreach (SyntaxNode part in Computation(reference.GetSyntax()))
                    if (Find(part, visited, depth - 1) is { } found)
                        return (found.Target, $" (through {symbol.Name})");
            }
        }
        return null;
    }

    /// <summary>What computes a helper's value: a method's whole declaration, a property's getter only (an auto-property computes nothing).</summary>
    private static IEnumerable<SyntaxNode> Computation(SyntaxNode declaration)
    {
        if (declaration is not PropertyDeclarationSyntax property)
        {
            yield return declaration;
            yield break;
        }
        if (property.ExpressionBody is { } arrow) yield return arrow;
        foreach (AccessorDeclarationSyntax accessor in property.AccessorList?.Accessors ?? default)
        {
            if (accessor.Keyword.ValueText != "get") continue;
            if (accessor.Body is { } block) yield return block;
            if (accessor.ExpressionBody is { } expression) yield return expression;
        }
    }

    /// <summary>Names of the properties of <paramref name="type"/> that compute their value (an arrow or a getter with a body).</summary>
    public static IEnumerable<string> ComputedProperties(INamedTypeSymbol type)
    {
        foreach (IPropertySymbol property in type.GetMembers().OfType<IPropertySymbol>())
            foreach (SyntaxReference reference in property.DeclaringSyntaxReferences)
                if (reference.GetSyntax() is PropertyDeclarationSyntax declaration
                    && (declaration.ExpressionBody is not null || declaration.AccessorList?.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null) == true))
                {
                    yield return property.Name;
                    break;
                }
    }
}
