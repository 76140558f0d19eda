using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// The expression a local holds, for rules that follow a local to what it was made from (the entanglement rule reading
/// <c>power</c> as <c>r.Power</c>): its declarator's initializer, or, for a local declared or assigned by deconstruction
/// (<c>var (power, wind) = (r.Power, r.Wind)</c>, <c>(var a, _) = (x, y)</c>, <c>(a, b) = (x, y)</c>, nested tuples), the element of
/// the tuple literal at its place. A local declared without a value and assigned exactly once (plainly or by deconstruction)
/// holds that assignment's value. An element of a value that is no tuple literal (a helper's returned tuple) is not
/// followed: which part of it the local holds is not known here.
/// </summary>
internal static class LocalValue
{
    /// <summary>The operation <paramref name="local"/> holds, or null when it is not known from the tree of <paramref name="model"/>.</summary>
    public static IOperation? Of(ILocalSymbol local, SemanticModel? model)
    {
        if (model is null) return null;
        foreach (SyntaxReference reference in local.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree) continue;
            SyntaxNode declaration = reference.GetSyntax();
            ExpressionSyntax? value = declaration switch
            {
                VariableDeclaratorSyntax { Initializer.Value: { } initial } => initial,
                SingleVariableDesignationSyntax designation => Deconstructed(designation),
                _ => null,
            };
            if (value is null && declaration is VariableDeclaratorSyntax { Initializer: null }) value = OnlyAssignment(local, declaration, model);
            if (value is not null) return model.GetOperation(value);
        }
        return null;
    }

    /// <summary>The value a local declared inside a deconstruction's target (<c>var (a, b)</c>, <c>(var a, var b)</c>) receives.</summary>
    private static ExpressionSyntax? Deconstructed(SyntaxNode designation)
    {
        var path = new List<int>();
        SyntaxNode node = designation;
        while (true)
        {
            SyntaxNode? parent = node.Parent;
            switch (parent)
            {
                case ParenthesizedVariableDesignationSyntax group:
                    path.Add(group.Variables.IndexOf((VariableDesignationSyntax)node));
                    node = group;
                    continue;
                case DeclarationExpressionSyntax:
                    node = parent;
                    continue;
                case ArgumentSyntax { Parent: TupleExpressionSyntax tuple } argument:
                    path.Add(tuple.Arguments.IndexOf(argument));
                    node = tuple;
                    continue;
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment when assignment.Left == node:
                    path.Reverse();
                    return Element(assignment.Right, path);
                default:
                    return null;
            }
        }
    }

    /// <summary>The part of <paramref name="value"/> at <paramref name="path"/> (one index per tuple level), or null where it is no tuple literal.</summary>
    private static ExpressionSyntax? Element(ExpressionSyntax value, IReadOnlyList<int> path)
    {
        foreach (int index in path)
        {
            while (value is ParenthesizedExpressionSyntax parenthesized) value = parenthesized.Expression;
            if (value is not TupleExpressionSyntax tuple || index < 0 || index >= tuple.Arguments.Count) return null;
            value = tuple.Arguments[index].Expression;
        }
        return value;
    }

    /// <summary>
    /// The value of the one assignment to a local declared without a value (<c>float p; p = r.Power;</c>, <c>(p, w) = (r.Power, r.Wind);</c>):
    /// null when it is assigned more than once (which value it holds at a read is then not one expression).
    /// </summary>
    private static ExpressionSyntax? OnlyAssignment(ILocalSymbol local, SyntaxNode declaration, SemanticModel model)
    {
        SyntaxNode? scope = declaration.Ancestors().FirstOrDefault(ancestor => ancestor is BlockSyntax or SwitchSectionSyntax);
        if (scope is null) return null;
        ExpressionSyntax? found = null;
        int assignments = 0;
        foreach (AssignmentExpressionSyntax assignment in scope.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (!assignment.Left.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(name => name.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, local))) continue;
            if (++assignments > 1 || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)) return null;
            found = assignment.Left is IdentifierNameSyntax ? assignment.Right : ElementAssigned(assignment, local, model);
        }
        return found;
    }

    /// <summary>In <c>(a, (b, c)) = (x, (y, z))</c>, the part of the right side the local on the left receives.</summary>
    private static ExpressionSyntax? ElementAssigned(AssignmentExpressionSyntax assignment, ILocalSymbol local, SemanticModel model)
    {
        IdentifierNameSyntax? target = assignment.Left.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
            .FirstOrDefault(name => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, local));
        if (target is null) return null;
        var path = new List<int>();
        for (SyntaxNode node = target; node != assignment.Left;)
        {
            if (node.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax tuple } argument)
            {
                path.Add(tuple.Arguments.IndexOf(argument));
                node = tuple;
            }
            else if (node.Parent is ParenthesizedExpressionSyntax parenthesized) node = parenthesized;
            else return null;
        }
        path.Reverse();
        return Element(assignment.Right, path);
    }
}
