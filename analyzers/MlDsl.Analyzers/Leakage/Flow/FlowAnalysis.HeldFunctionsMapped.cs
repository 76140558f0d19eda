using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// A lambda kept in a delegate local or member (<c>Func&lt;Hive, Hive&gt; withScore = h =&gt; h with { Score = first.Predict(h) }</c>)
/// and given to a LINQ call by name (<c>split.Train.Select(withScore)</c>) runs for each element there, as a local function given
/// as a method group does: what it predicts is predicted for those elements (MLDSL0028), and what it writes into them is written
/// there. Without this the rows only pass through it, and a model's predictions for the very rows it was fitted on go unseen.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>
    /// The rows a delegate held in <paramref name="value"/> maps <paramref name="element"/> to, by the summaries of the lambdas it may
    /// be (or, for a helper's delegate parameter, the lambda its caller gave); null when it holds none with a body here (then only
    /// its captured statistics are known).
    /// </summary>
    private DataFlow? MappedByHeldFunctions(IOperation? value, DataFlow element)
    {
        if (value is null || value.Type is not INamedTypeSymbol { DelegateInvokeMethod: not null }) return null;
        DataFlow held = Eval(value);
        var summaries = new List<MethodSummary>();
        foreach (IMethodSymbol function in held.EventsOf<FunctionEvent>().Select(e => e.Function).Distinct<IMethodSymbol>(SymbolEqualityComparer.Default).ToList())
            if (function.MethodKind == MethodKind.AnonymousFunction && SummaryOf(function) is { } summary) summaries.Add(summary);
        // A helper's delegate parameter (rows.Select(f) in Stack(rows, f)) is the lambda its caller gave for it.
        if (summaries.Count == 0 && value is IParameterReferenceOperation && StoredDelegate(value) is { Method.MethodKind: MethodKind.AnonymousFunction } given)
            summaries.Add(given);
        DataFlow? mapped = null;
        foreach (MethodSummary summary in summaries)
        {
            IMethodSymbol function = summary.Method;
            List<DataFlow> elements = Enumerable.Repeat(element, function.Parameters.Length).ToList();
            LabelFeatureWritesAtCall(summary, elements, self: null);
            PredictionsOfMethodGroup(summary, elements, self: null);
            DataFlow result = OneCapturedStatisticPerRows(summary.Substitute(summary.Returned, elements, call: null, self: null), function);
            // Rows the lambda returns carry what was written into them (a prediction made a feature), as a helper's rows do at its call.
            if (Observed is not null && context.IsRowTyped(function.ReturnType)) Observed.BuiltIntoRows.UnionWith(result.Events);
            mapped = (mapped ?? DataFlow.Empty).Join(result);
        }
        return mapped?.Join(WithoutFunctions(EventsOnly(held)));
    }
}
