using Microsoft.CodeAnalysis;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Rows a helper hands back later (<c>Task&lt;Fermentation[]&gt; WithForecastsAsync(...)</c>, awaited by its caller): what was
/// written into them (a model's predictions made a feature) is in the rows the caller gets, as for a helper returning the rows.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>Whether a helper's result is rows, or a Task/ValueTask of rows.</summary>
    private bool RowsOrTaskOfRows(ITypeSymbol? type) => context.IsRowTyped(type)
        || type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments: [var result], ContainingNamespace: { Name: "Tasks" } } && context.IsRowTyped(result);
}
