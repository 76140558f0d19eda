using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage;

/// <summary>
/// A window written in a local function or a helper method called per row (<c>float Rolling(int i) =&gt; raw.Skip(i - 3).Take(3).Average(...)</c>,
/// then <c>RollingOccupancy = Rolling(i)</c> in a projection over row indices): its integer parameter stands for the row index
/// when every call in sight passes one (<c>i</c>, <c>i - 1</c>, of a <c>for</c> loop or a projection), so the window is read
/// around the row as if written at the call.
/// </summary>
internal static partial class RowWindow
{
    /// <summary>Set while the calls of a function are looked at, so a function calling itself is not followed for ever.</summary>
    [ThreadStatic] private static bool followingCalls;

    /// <summary>
    /// Whether <paramref name="parameter"/> of a local function (or of a method of the type) is given a row index at every call
    /// found in its scope (the member around the local function, or the type around the method), at least one.
    /// </summary>
    private static bool PassedRowIndex(IParameterSymbol parameter, SemanticModel? model)
    {
        if (followingCalls || model is null || parameter.ContainingSymbol is not IMethodSymbol function) return false;
        SyntaxNode? declaration = function.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        if (declaration is null || declaration.SyntaxTree != model.SyntaxTree) return false;
        SyntaxNode? scope = function.MethodKind == MethodKind.LocalFunction
            ? declaration.Ancestors().FirstOrDefault(node => node is MemberDeclarationSyntax)
            : declaration.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (scope is null) return false;
        followingCalls = true;
        try
        {
            bool any = false;
            foreach (InvocationExpressionSyntax call in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (model.GetSymbolInfo(call).Symbol is not IMethodSymbol called
                    || !SymbolEqualityComparer.Default.Equals(called.OriginalDefinition, function.OriginalDefinition)) continue;
                if (call.ArgumentList.Arguments.Count <= parameter.Ordinal
                    || model.GetOperation(call.ArgumentList.Arguments[parameter.Ordinal].Expression) is not { } argument
                    || Offset(argument) is null) return false;
                any = true;
            }
            return any;
        }
        finally
        {
            followingCalls = false;
        }
    }
}
