using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Parts of parts followed by the data, not by names: a fold's rows are a fold whatever the variable holding them is
/// called, and the variable a split was given holds the rows split everywhere it is read.
/// </summary>
internal sealed partial class FlowAnalysis
{
    /// <summary>
    /// Whether the data already says which part rows are, so a variable's name must not: rows picked by a fold's index set
    /// (<c>outer.Validation.Select(i =&gt; rows[i])</c> is that fold's held-out rows even in a local named <c>outerTest</c>),
    /// or all the rows a helper is given (<c>$p0</c>): the caller's argument decides their part (a helper's local named
    /// <c>encodedTrain</c> holding its whole argument is not a part of it, which would keep a fold's validation rows apart
    /// from the training rows that contain them).
    /// </summary>
    private static bool PartKnownFromData(Origin origin) =>
        origin.Path.Length == 0 && origin.Source.StartsWith("$p", StringComparison.Ordinal)
        || origin.Path.Split('/').Any(segment => segment.StartsWith("fold.", StringComparison.Ordinal));

    /// <summary>
    /// Rows split where nothing says where they came from (built by a helper from records that are no [Dataset] rows) are a
    /// source of their own, named by the variable split. That variable holds them everywhere it is read, so a step fitted on
    /// it (<c>Standardizer.Fit(rows)</c> beside <c>rows.Split(...)</c>) learns from the rows split, as for rows read from a file.
    /// </summary>
    private DataFlow UnfollowedSplitRows(IOperation splitRows)
    {
        DataFlow rows = DataFlow.Of(new Origin(UnfollowedKey(splitRows), ""));
        if (Holder(splitRows) is ILocalSymbol or IParameterSymbol && !context.Symbols.IsDataSplit(splitRows.Type)) Assign(Holder(splitRows)!, rows);
        return rows;
    }
}

/// <summary>
/// A helper that trains a model of its own and scores it (<c>ScoreFold(foldTrain, foldValidation)</c>), seen at one call: the
/// caller's rows the model trained on and the caller's rows it was scored on, and which of the helper's parameters gave each.
/// </summary>
internal sealed record HelperOwnScore(IInvocationOperation Call, DataFlow Trained, DataFlow Scored, int TrainedParameter, int ScoredParameter);

internal sealed partial class FlowAnalysis
{
    /// <summary>In a helper being summarised: each model it makes, trains and scores itself, as (trained on, scored on) in terms of its parameters.</summary>
    public List<(DataFlow Trained, DataFlow Scored)> OwnScores { get; } = new();

    private readonly Dictionary<SyntaxNode, HelperOwnScore> helperOwnScores = new();

    /// <summary>At the fixed point: the helpers called here that train and score a model of their own, with the caller's rows.</summary>
    public IReadOnlyCollection<HelperOwnScore> HelperOwnScores => helperOwnScores.Values;

    /// <summary>An Evaluate of a model this helper trained itself (not one it was given): kept for its summary.</summary>
    private void OwnScore(ISymbol? model, DataFlow modelFlow, DataFlow rows)
    {
        if (depth == 0 || model is not ILocalSymbol || modelFlow.TrainedOn.IsEmpty || rows.Rows.IsEmpty) return;
        DataFlow trained = new(modelFlow.TrainedOn, ImmutableHashSet<FlowEvent>.Empty, ImmutableHashSet<Origin>.Empty, default);
        if (!OwnScores.Any(known => known.Trained.SameAs(trained) && known.Scored.SameAs(rows))) OwnScores.Add((trained, rows));
    }

    /// <summary>A helper's own-model scores at its call, with the caller's rows (the last pass's values are the fixed point's).</summary>
    private void OwnScoresAtCall(IInvocationOperation call, MethodSummary summary, List<DataFlow> arguments)
    {
        if (Observed is null) return;
        foreach ((DataFlow trained, DataFlow scored) in summary.OwnScores)
        {
            int trainedParameter = MethodSummary.ParameterOf(trained), scoredParameter = MethodSummary.ParameterOf(scored);
            if (trainedParameter < 0 || scoredParameter < 0) continue;
            helperOwnScores[call.Syntax] = new HelperOwnScore(call, summary.Substitute(trained, arguments, call: null), summary.Substitute(scored, arguments, call: null),
                trainedParameter, scoredParameter);
        }
    }

    private readonly HashSet<Location> gapScores = new();

    /// <summary>
    /// Whether the score measured at <paramref name="rows"/> was compared with another score of the same rows measured
    /// elsewhere (<c>trainScore.Accuracy - testScore.Accuracy &gt; 0.05</c> where both are of the training rows): a gap
    /// printed as a diagnosis, which chooses nothing, unlike a score compared with the best so far or with a threshold.
    /// </summary>
    public bool ComparedAsGap(Location rows) => gapScores.Contains(rows);

    private void ScoreGap(DataFlow left, DataFlow right)
    {
        ScoreEvent[] scores = left.EventsOf<ScoreEvent>().Concat(right.EventsOf<ScoreEvent>()).ToArray();
        foreach (ScoreEvent score in scores)
            if (scores.Any(other => other.Location != score.Location && DataFlow.Overlap(other.From, score.From))) gapScores.Add(score.Location);
    }
}
