using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Declarations.Diagnostics;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// Parts of parts: the training part cut again (folds, a walk-forward window, a holdout carved for early stopping) keeps
/// "training", and what decides whether a statistic or a score leaks is which of those inner rows are scored, followed by
/// the data: a fold's held-out rows are a fold whatever their variable is called.
/// </summary>
internal sealed partial class FlowRules
{
    /// <summary>Whether <paramref name="split"/> is a hand-written fold loop's cut (<c>Folds.Of</c>): what it holds out is only what the loop scores.</summary>
    private static bool HandWrittenFolds(IInvocationOperation split) =>
        split.TargetMethod.ContainingType?.Name == "Folds" && split.TargetMethod.Name == "Of";

    /// <summary>
    /// Whether <paramref name="origin"/> is one fold's part of the rows <paramref name="cut"/> cuts (<c>outer.Train.Select(i =&gt; rows[i])</c>
    /// of <c>Folds.Of(rows)</c>): a step fitted on it is fitted after that cut, inside the fold, not on the rows before it.
    /// </summary>
    private static bool FoldOfThisCut(Origin origin, DataFlow cut) =>
        cut.Rows.Any(row => row.Source == origin.Source && origin.Path.Length > row.Path.Length
            && (row.Path.Length == 0 || origin.Path.StartsWith(row.Path + "/", StringComparison.Ordinal))
            && origin.Path.Substring(row.Path.Length == 0 ? 0 : row.Path.Length + 1).StartsWith("fold.", StringComparison.Ordinal));

    /// <summary>
    /// Whether rows inside <paramref name="origin"/> (a strict part of it: a fold's validation rows, a backtest window) are
    /// scored by a model that did not train on them, with what <paramref name="learned"/> learned when <paramref name="carrying"/>:
    /// the statistic then saw the rows the score is measured on. Out-of-fold predictions built into features are no score.
    /// </summary>
    private ModelUse? ScoredWithinPart(Origin origin, LearnEvent learned, bool carrying) =>
        observed.Uses.FirstOrDefault(use => IsScore(use) && !ScoresTrainingRows(use)
            && (!carrying || use.RowsFlow.EventsOf<LearnEvent>().Any(carried => carried.Location == learned.Location && carried.From.SetEquals(learned.From)))
            && use.RowsFlow.Rows.Any(row => SelectedFrom(origin, row)));

    /// <summary>
    /// Whether <paramref name="row"/> is rows selected out of <paramref name="origin"/> (a Take, Skip, range or Where of it, a fold's
    /// index set over it), not the same rows seen through a container (<c>parts[2]</c> of a list all parts were added to).
    /// </summary>
    private static bool SelectedFrom(Origin origin, Origin row)
    {
        if (!origin.Overlaps(row) || row.Path.Length <= origin.Path.Length) return false;
        string rest = row.Path.Substring(origin.Path.Length == 0 ? 0 : origin.Path.Length + 1);
        return rest.StartsWith("~", StringComparison.Ordinal) || RowSlice.IsSegment(rest) || rest.StartsWith("fold.", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether a use measures the model: an Evaluate, or predictions compared with the labels (a hand-written accuracy or
    /// error); out-of-fold predictions written into rows measure nothing.
    /// </summary>
    private bool IsScore(ModelUse use) => use.Model is not null && (!use.IsPredict || countedAgainstLabels(use.Rows.Syntax.GetLocation()));

    /// <summary>
    /// A statistic learned from a part (the training rows, or the whole history of a backtest) whose rows a model is then
    /// scored on without having trained on them: the rows measured were in the statistic (a scaler fitted on the whole
    /// history, then each window of it scored by a model trained on the days before).
    /// </summary>
    private Held? LearnedFromScoredPart(Origin origin, LearnEvent learned) =>
        ScoredWithinPart(origin, learned, carrying: true) is { } scored ? new Held(origin, null, scored.Call, false) : null;

    /// <summary>
    /// Whether a use scores rows its fit only watched, carved out of the training part for that (a split of
    /// <c>split.Train</c> whose held-out slot is the fit's validation rows): those rows were set aside only to stop the
    /// training, so their score is chosen to look good even where a test score is printed beside it.
    /// </summary>
    private static bool CarvedForEarlyStopping(ModelUse use, IEnumerable<ModelFit> fits) =>
        use.RowsFlow.Rows.Count > 0 && use.RowsFlow.Rows.All(CarvedFromTraining)
        && fits.Any(fit => fit.ValidationArgument is not null && DataFlow.Overlap(use.RowsFlow.Rows, fit.Validation.Rows));

    private static bool CarvedFromTraining(Origin origin)
    {
        string[] segments = origin.Path.Split('/');
        return segments.Length > 1 && segments[0] == "T" && segments.Skip(1).Any(segment => segment is "V" or "X" or "H");
    }

    /// <summary>
    /// Of the uses about to be reported as scores on training rows, the one per model that stands for its final score: the
    /// last. A model scored only on its training rows, twice (a "train" and a "test" score of the same rows), is one mistake.
    /// </summary>
    private static HashSet<ModelUse> LastPerModel(IEnumerable<ModelUse> uses) =>
        new(uses.GroupBy(use => use.Model, SymbolEqualityComparer.Default).Select(group => group.OrderBy(use => use.Rows.Syntax.SpanStart).Last()));

    // ---- MLDSL0020: a helper that trains its own model on some rows and scores it on rows among them ----

    private void HelperScoresAmongItsTrainingRows()
    {
        IReadOnlyCollection<HelperOwnScore> scores = ownScores;
        foreach (HelperOwnScore score in scores.OrderBy(score => score.Call.Syntax.SpanStart))
        {
            if (score.TrainedParameter == score.ScoredParameter || !DataFlow.Overlap(score.Trained.Rows, score.Scored.Rows)) continue;
            // The same helper also scoring held-out rows (Score(train, train) beside Score(train, test)) gives a training score as a diagnosis.
            if (scores.Any(other => other != score && SymbolEqualityComparer.Default.Equals(other.Call.TargetMethod, score.Call.TargetMethod)
                    && !other.Scored.Rows.IsEmpty && !DataFlow.Overlap(other.Trained.Rows, other.Scored.Rows)))
                continue;
            string Argument(int ordinal) => score.Call.Arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == ordinal)?.Value.Syntax.ToString() ?? "";
            Report(DiagnosticDescriptors.SameDataTrainAndValidation, score.Call.Syntax.GetLocation(), null,
                $"{score.Call.TargetMethod.Name} trains its model on '{Argument(score.TrainedParameter)}' and scores it on '{Argument(score.ScoredParameter)}', rows that are among those training rows: the score measures memorisation; train on the fold's (or split's) training rows only");
        }
    }

    // ---- MLDSL0018: a choice learned from the rows the chosen model is then scored on ----

    /// <summary>
    /// A setting learned from a part of the rows (a search over an outer fold's held-out rows) that steers a model later
    /// scored on those same rows: the score measures the choice on the rows that made it. Test rows are reported as such
    /// by <see cref="TestSelection"/>; this is the same mistake one level down, where no split names a test part.
    /// </summary>
    private void ChosenOnTheRowsScored()
    {
        foreach (ModelFit fit in observed.Fits.Where(fit => fit.Model is not null))
            foreach (LearnEvent statistic in fit.Steering.EventsOf<LearnEvent>().Where(e => e.Kind != LearnKind.Model && !e.FromRole(Role.Test)))
            {
                bool scoredOnThem = observed.Uses.Any(use => SymbolEqualityComparer.Default.Equals(use.Model, fit.Model) && IsScore(use) && !ScoresTrainingRows(use)
                    && use.RowsFlow.Rows.Any(row => statistic.From.Any(origin => origin.Path.Length > 0 && origin.Overlaps(row) && row.Path.Length >= origin.Path.Length)));
                if (!scoredOnThem) continue;
                Report(DiagnosticDescriptors.TestSetSelection, statistic.Location, null,
                    $"{statistic.What} is chosen on rows that {fit.ModelName} is then scored on: the setting is tuned to the rows that measure it, and that score no longer measures anything; choose it on the training rows of the same fold or split");
            }
    }
}
