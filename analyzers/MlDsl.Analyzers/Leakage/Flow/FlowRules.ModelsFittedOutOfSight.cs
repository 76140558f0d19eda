using System.Collections.Immutable;
using System.Linq;

namespace MlDsl.Analyzers.Leakage.Flow;

/// <summary>
/// MLDSL0027 for a model whose Fit this body does not show: a member fitted by another method of the same object
/// (<c>Run</c> fits <c>Net</c> on the rows it keeps in <c>Rows</c>; <c>Accuracy()</c> scores <c>Net</c> on <c>Rows</c>), or a
/// model a helper hands back in a tuple beside the rows it trained on (<c>run.Model.Evaluate(run.Seen)</c>). The model's value
/// carries the rows it was trained on (a member's from every method that fits it, a tuple element's from the helper's summary),
/// and the scored rows are compared with those.
/// </summary>
internal sealed partial class FlowRules
{
    /// <summary>
    /// The rows a scored model's value says it was trained on, less what an object was created with: a constructor's parameters
    /// are one source (<c>$self</c>) for all of them, so a model fitted on one constructor argument and scored on another
    /// (<c>new Trial(train, holdout)</c>) would look scored on its training rows.
    /// </summary>
    /// <remarks>
    /// A value's training rows include the rows its fit watched (early stopping keeps the best epoch on them). Where this body
    /// shows a fit that watched the rows scored, that fit's rules judge them (MLDSL0018 for test rows, the validation score of
    /// MLDSL0027), so they are left out here, as a model fitted in this body is judged by its visible fits alone.
    /// </remarks>
    private ImmutableHashSet<Origin> TrainedOutOfSight(ModelUse use)
    {
        if (use.ModelTrainedOn.IsEmpty) return use.ModelTrainedOn;
        ImmutableHashSet<Origin> watched = observed.Fits.Aggregate(ImmutableHashSet<Origin>.Empty, (rows, fit) => DataFlow.Union(rows, fit.Validation.Rows));
        return use.ModelTrainedOn.Where(origin => origin.Source != MethodSummary.Self && !watched.Any(seen => seen.Overlaps(origin))).ToImmutableHashSet();
    }
}
