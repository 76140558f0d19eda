using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// A report of predictions against the labels of the rows they were made for (<c>ClassificationReport.Compute(rows,
/// model.Predict(rows))</c>, <c>RegressionReport</c>, <c>MultiLabelReport</c>) is a score of the model on those rows, as
/// <c>Evaluate(rows)</c> is: the predictions are counted against the labels, and a score on rows the model trained on is
/// reported at the report, which is what the program takes as its result. A report the library makes from a model and
/// rows itself (<c>ModelAnalysis.Analyze(model, rows)</c>: predictions for the rows counted against their labels) is that
/// model's <c>Evaluate</c> on those rows.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>The report a prediction's score is taken in (keyed by the prediction's rows argument), where there is one.</summary>
    private readonly Dictionary<Location, Location> reportSites = new();

    /// <summary>Where a score measured at <paramref name="rowsArgument"/> is taken as one: the report it goes into, or null for the score itself.</summary>
    public Location? ReportedAt(Location rowsArgument) => reportSites.TryGetValue(rowsArgument, out Location? site) ? site : null;

    /// <summary>Predictions given to a report with the rows they were made for are scored there.</summary>
    private void ScoreReport(IInvocationOperation call)
    {
        if (!IsScoreReport(call.TargetMethod)) return;
        IArgumentOperation? rows = LeakageAnalyzer.Argument(call, "rows"), predicted = LeakageAnalyzer.Argument(call, "predicted");
        if (rows is null || predicted is null) return;
        DataFlow labelled = Eval(rows.Value);
        foreach (ScoreEvent prediction in Eval(predicted.Value).EventsOf<ScoreEvent>())
        {
            if (!DataFlow.Overlap(prediction.From, labelled.Rows)) continue;
            countedPredictions.Add(prediction.Location);
            if (!reportSites.ContainsKey(prediction.Location)) reportSites[prediction.Location] = call.Syntax.GetLocation();
        }
    }

    /// <summary>A report of MlDsl.Analysis computed from rows and the predictions for them (<c>Compute(rows, predicted, ...)</c>).</summary>
    private bool IsScoreReport(IMethodSymbol method) =>
        method is { IsStatic: true, Name: "Compute" } && method.ContainingNamespace?.ToDisplayString() == "MlDsl.Analysis"
        && method.Parameters.Any(parameter => parameter.Name == "rows" && context.IsRowTyped(parameter.Type))
        && method.Parameters.Any(parameter => parameter.Name == "predicted");

    /// <summary>
    /// A report of MlDsl.Analysis made from a model and rows it predicts (<c>ModelAnalysis.Analyze(model, rows)</c>): the model's
    /// score on those rows, at the rows argument as an <c>Evaluate</c>'s is. Null for any other call.
    /// </summary>
    private DataFlow? ModelReport(IInvocationOperation call)
    {
        if (!IsModelReport(call.TargetMethod)) return null;
        IArgumentOperation? modelArgument = LeakageAnalyzer.Argument(call, "model"), rows = LeakageAnalyzer.Argument(call, "rows");
        if (modelArgument is null || rows is null) return null;
        ISymbol? model = Holder(modelArgument.Value);
        DataFlow modelFlow = model is null || IsElementOfTupleValue(modelArgument.Value) ? Eval(modelArgument.Value) : Read(model);
        foreach (IArgumentOperation other in call.Arguments.Where(argument => argument != modelArgument && argument != rows)) Eval(other.Value);
        string modelName = (StrippedConversions(modelArgument.Value).Type ?? modelArgument.Value.Type)?.Name ?? call.TargetMethod.ContainingType.Name;
        return ModelApplied(call, model, modelFlow, rows, predict: false, modelName);
    }

    /// <summary>
    /// A static report of MlDsl.Analysis over a generated model and labelled rows that returns a report (<c>Analyze</c>), not the
    /// predictions as text (<c>Describe</c>) or nothing (<c>PredictOne</c>).
    /// </summary>
    private bool IsModelReport(IMethodSymbol method) =>
        method is { IsStatic: true, ReturnsVoid: false } && method.ReturnType.Name.EndsWith("Report", System.StringComparison.Ordinal)
        && method.ContainingNamespace?.ToDisplayString() == "MlDsl.Analysis"
        && method.Parameters.Any(parameter => parameter.Name == "model" && Symbols.IsModelType(parameter.Type as INamedTypeSymbol))
        && method.Parameters.Any(parameter => parameter.Name == "rows" && context.IsRowTyped(parameter.Type));

    private static IOperation StrippedConversions(IOperation value)
    {
        while (value is IConversionOperation conversion) value = conversion.Operand;
        return value;
    }
}
