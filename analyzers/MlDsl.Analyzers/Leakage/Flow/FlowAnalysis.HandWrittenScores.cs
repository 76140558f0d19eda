using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Scores written by hand: predictions compared with the labels and counted (<c>if (model.Predict(r) == r.Survived) right++</c>,
/// <c>rows.Count(r =&gt; model.Predict(r) == r.Survived)</c>) are an accuracy, as much a score as <c>Evaluate</c>.
/// Such a count is a metric of the predictions, no longer the predictions: carried beside a candidate (a threshold and its
/// hits in a tuple, <c>(t, hits: test.Where(... == c.Churned).Count())</c>) and maximised, it chooses between candidates,
/// where ranking the predictions by their own value (a percentile) does not.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>
    /// Where predictions were made that this body counts against the labels (the location of their rows argument).
    /// Values only grow over the passes, so what one pass counts stays counted.
    /// </summary>
    private readonly HashSet<Location> countedPredictions = new();

    /// <summary>Whether the predictions made at <paramref name="rowsArgument"/> are counted against the labels somewhere in this body.</summary>
    public bool CountsAgainstLabels(Location rowsArgument) => countedPredictions.Contains(rowsArgument);

    /// <summary>A count kept under <paramref name="condition"/>: when the condition reads a label, the predictions it compares are scored.</summary>
    private void CountRightPredictions(DataFlow flow, IOperation condition)
    {
        if (!flow.EventsOf<ScoreEvent>().Any() || !ReadsLabel(condition)) return;
        foreach (ScoreEvent score in flow.EventsOf<ScoreEvent>()) countedPredictions.Add(score.Location);
    }

    /// <summary>
    /// A label minus a prediction (or the reverse) is an error of the predictions: a hand-written MAE or RMSE scores them
    /// (<c>rows.Zip(model.Predict(rows), (d, p) =&gt; Math.Abs(d.Flow - p)).Average()</c>). A per-row flag of a wrong
    /// guess (<c>guess != p.Label</c>) is left to the counts that make it an accuracy.
    /// </summary>
    private void ErrorAgainstLabels(IBinaryOperation binary, DataFlow left, DataFlow right)
    {
        if (binary.OperatorKind != BinaryOperatorKind.Subtract) return;
        if (left.EventsOf<ScoreEvent>().Any() && ReadsLabel(binary.RightOperand)) CountRightPredictions(left, binary.RightOperand);
        if (right.EventsOf<ScoreEvent>().Any() && ReadsLabel(binary.LeftOperand)) CountRightPredictions(right, binary.LeftOperand);
    }

    /// <summary>
    /// What <c>Count(predicate)</c> counts besides rows: the scores its predicate reads (right predictions counted are a score of
    /// where they were made) and, in a helper, the predictions it was given. A predicate that also reads a label scores them.
    /// </summary>
    private DataFlow CountedByPredicate(IOperation predicate, DataFlow element)
    {
        DataFlow result = Lambda(predicate, element, distinctParameters: false);
        if (result.IsEmpty) return result;
        CountRightPredictions(result, predicate);
        ImmutableHashSet<FlowEvent> scores = result.EventsOf<ScoreEvent>().ToImmutableHashSet<FlowEvent>();
        ImmutableHashSet<Origin> given = ValueParameters(result);
        return scores.IsEmpty && given.IsEmpty ? DataFlow.Empty : new DataFlow(given, scores, ImmutableHashSet<Origin>.Empty, default);
    }

    /// <summary>
    /// The effects on models for a helper's summary: a Predict whose predictions the helper counts against the labels is an
    /// evaluation of the model on those rows (a hand-written accuracy).
    /// </summary>
    public IReadOnlyList<ModelEffect> ScoredModelEffects() =>
        ModelEffects.Select(effect => effect.Method == "Predict" && effect.Score is { } at && countedPredictions.Contains(at) ? effect with { Method = "Evaluate" } : effect).ToList();

    /// <summary>What a hit count is called: a score of its own, not one of the predictions it counts (see <see cref="IsPrediction"/>).</summary>
    private const string RightPredictionsCounted = "A count of right predictions";

    /// <summary>
    /// A count of rows whose predictions are compared with their labels (<c>Count(c =&gt; model.Predict(c) == c.Label)</c>,
    /// <c>Where((c, i) =&gt; p[i] == c.Label).Count()</c>): beside the predictions it carries, a hit count scored where each of
    /// them was made, which stays a score wherever the count is carried (a tuple's element, a record's member).
    /// </summary>
    private static DataFlow WithHitCounts(IInvocationOperation count, List<IArgumentOperation> arguments, DataFlow counted)
    {
        if (!counted.EventsOf<ScoreEvent>().Any(IsPrediction) || !CountsAgainstLabels(count, arguments)) return counted;
        foreach (ScoreEvent prediction in counted.EventsOf<ScoreEvent>().Where(IsPrediction).ToList())
            counted = counted.WithEvent(new ScoreEvent(prediction.Location, RightPredictionsCounted, prediction.From));
        return counted;
    }

    /// <summary>Whether a count's predicate, or the filter whose rows it counts, reads a label.</summary>
    private static bool CountsAgainstLabels(IInvocationOperation count, List<IArgumentOperation> arguments)
    {
        if (arguments.Count > 0) return ReadsLabel(arguments[0].Value);
        IOperation? counted = count.Instance ?? count.Arguments.FirstOrDefault()?.Value;
        while (counted is IConversionOperation conversion) counted = conversion.Operand;
        return counted is IInvocationOperation filter && Filters.Contains(filter.TargetMethod.Name)
            && filter.Arguments.Any(argument => IsLambda(argument.Value) && ReadsLabel(argument.Value));
    }
}
