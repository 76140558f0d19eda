using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// A Fisher–Yates shuffle written by hand in a helper (<c>DataPrep.Shuffle(hours, new Random(42))</c> whose loop swaps
/// <c>items[i]</c> and <c>items[random.Next(i + 1)]</c>): the collection given for the swapped parameter is shuffled in place, as
/// <c>Random.Shuffle(hours)</c> shuffles it. Read from the helper's source: a loop of its body that draws a random number and
/// assigns to an element of one of its parameters.
/// </summary>
internal static class HandWrittenShuffle
{
    /// <summary>The argument a call shuffles in place, or null when the called method is no hand-written shuffle.</summary>
    public static IOperation? ShuffledBy(IInvocationOperation call)
    {
        if (!call.TargetMethod.Parameters.Any(parameter => parameter.Type is IArrayTypeSymbol or INamedTypeSymbol { TypeArguments.Length: 1 })) return null;
        if (call.TargetMethod.OriginalDefinition.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not BaseMethodDeclarationSyntax and not LocalFunctionStatementSyntax)
            return null;
        SyntaxNode method = call.TargetMethod.OriginalDefinition.DeclaringSyntaxReferences[0].GetSyntax();
        foreach (StatementSyntax loop in method.DescendantNodes().OfType<StatementSyntax>().Where(node => node is ForStatementSyntax or WhileStatementSyntax))
        {
            if (!loop.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(Draws)) continue;
            foreach (IParameterSymbol parameter in call.TargetMethod.Parameters)
                if (ElementAssigned(loop, parameter.Name) && call.Arguments.FirstOrDefault(argument => SymbolEqualityComparer.Default.Equals(argument.Parameter?.OriginalDefinition, parameter.OriginalDefinition))
                        is { } shuffled)
                    return shuffled.Value;
        }
        return null;
    }

    private static bool Draws(InvocationExpressionSyntax invocation) => invocation.Expression is MemberAccessExpressionSyntax
    {
        Name.Identifier.ValueText: "Next" or "NextDouble" or "NextInt64" or "GetInt32"
    };

    /// <summary>Whether the loop assigns to <c>name[...]</c>: directly, or as one element of a swapped tuple.</summary>
    private static bool ElementAssigned(SyntaxNode loop, string name) =>
        loop.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(assignment => assignment.Left.DescendantNodesAndSelf().OfType<ElementAccessExpressionSyntax>()
            .Any(element => element.Expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name));
}
