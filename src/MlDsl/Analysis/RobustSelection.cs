using System.Globalization;

namespace MlDsl.Analysis;

/// <summary>One trained candidate and how it did on the validation split.</summary>
public sealed record Candidate<TModel>(string Name, TModel Model, ClassificationReport Validation);

/// <summary>The chosen candidate and a sentence saying why.</summary>
public sealed record Selection<TModel>(Candidate<TModel> Chosen, string Reason);

/// <summary>
/// Picks the most robust of several equally good models: among the candidates whose overall
/// validation accuracy is within <c>tolerance</c> of the best, the one whose worst slice scores
/// highest (ties go to the better overall accuracy). Slices with fewer than <c>minimumSliceRows</c>
/// rows are too small to judge by and are left out of the worst-slice score.
/// </summary>
public static class RobustSelection
{
    public static Selection<TModel> BestWorstSlice<TModel>(IReadOnlyList<Candidate<TModel>> candidates, double tolerance = 0.01, int minimumSliceRows = 10)
    {
        if (candidates.Count == 0) throw new ArgumentException("No candidates to choose from.", nameof(candidates));
        SliceMetrics? Worst(Candidate<TModel> candidate) =>
            candidate.Validation.Slices.Where(slice => slice.Count >= minimumSliceRows).MinBy(slice => slice.Accuracy);

        double best = candidates.Max(candidate => candidate.Validation.Accuracy);
        Candidate<TModel>[] eligible = candidates.Where(candidate => candidate.Validation.Accuracy >= best - tolerance).ToArray();
        Candidate<TModel> chosen = eligible
            .OrderByDescending(candidate => Worst(candidate)?.Accuracy ?? candidate.Validation.Accuracy)
            .ThenByDescending(candidate => candidate.Validation.Accuracy)
            .First();

        string Describe(Candidate<TModel> candidate) => Worst(candidate) is { } worst
            ? string.Create(CultureInfo.InvariantCulture, $"{candidate.Name}: {candidate.Validation.Accuracy * 100:F2}% overall, worst slice {worst.Slice}={worst.Value} at {worst.Accuracy * 100:F2}%")
            : string.Create(CultureInfo.InvariantCulture, $"{candidate.Name}: {candidate.Validation.Accuracy * 100:F2}% overall");
        string reason = string.Create(CultureInfo.InvariantCulture,
            $"chose {chosen.Name}: of the {eligible.Length} candidates within {tolerance * 100:F1} points of the best validation accuracy ({best * 100:F2}%), it has the best worst slice (slices of {minimumSliceRows}+ rows; ties go to overall accuracy).\n")
            + string.Join("\n", candidates.Select(candidate => "  " + Describe(candidate) + (eligible.Contains(candidate) ? "" : " (not within tolerance)")));
        return new Selection<TModel>(chosen, reason);
    }
}
