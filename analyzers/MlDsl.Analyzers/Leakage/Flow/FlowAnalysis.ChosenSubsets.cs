using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Rows appended again that are a subset chosen from the rows (<c>rows.Concat(rows.Where(r =&gt; r.Churned == 1))</c>, a
/// <c>Take</c>, a local holding such a filter): hand oversampling. Unlike copies of every row, copies of a chosen subset
/// reweight whatever part they land in, so a grouped split, which keeps a row's copies together, does not make the
/// validation and test scores honest: they are measured on the reweighted rows, as with the library's class balancing.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>Calls that keep some of their rows, chosen by a predicate or by position.</summary>
    private static readonly HashSet<string> Choosing = new(System.StringComparer.Ordinal)
    {
        "Where", "Take", "Skip", "TakeLast", "SkipLast", "TakeWhile", "SkipWhile", "FindAll", "GetRange", "Slice",
    };

    /// <summary>Calls that keep every row they are given (in another container or order).</summary>
    private static readonly HashSet<string> Keeping = new(System.StringComparer.Ordinal)
    {
        "ToList", "ToArray", "AsEnumerable", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending",
    };

    /// <summary>Whether <paramref name="value"/> holds a subset chosen from rows (a filter or a cut), followed through locals.</summary>
    private static bool ChosenSubset(IOperation? value, int depth = 0)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        if (depth > 4) return false;
        switch (value)
        {
            case IInvocationOperation call when Choosing.Contains(call.TargetMethod.Name):
                return true;
            case IInvocationOperation call when Keeping.Contains(call.TargetMethod.Name):
                return ChosenSubset(call.Instance ?? call.Arguments.FirstOrDefault()?.Value, depth + 1);
            case ILocalReferenceOperation local when value.SemanticModel is { } model:
                // A local declared once with its value: what it was initialised with (a later assignment is not followed).
                return local.Local.DeclaringSyntaxReferences.Length == 1
                    && local.Local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initial }
                    && initial.SyntaxTree == model.SyntaxTree
                    && ChosenSubset(model.GetOperation(initial), depth + 1);
            default:
                return false;
        }
    }
}
