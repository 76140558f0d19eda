using System.Globalization;

namespace MlDsl.Analysis;

/// <summary>One trained candidate and how it did on the validation split.</summary>
public sealed record Candidate<TModel>(string Name, TModel Model, ClassificationReport Validation);

/// <summary>The chosen candidate and a sentence saying why.</summary>
public sealed record Selection<TModel>(Candidate<TModel> Chosen, string Reason);

/// <summary>
/// Picks the most robust of several equally good models: among the candidates whose overall
/// validation accuracy is within <c>tolerance</c> of the best, the one whose worst slice scores highest.
/// </summary>
public static class RobustSelection
{
    public static Selection<TModel> BestWorstSlice<TModel>(IReadOnlyList<Candidate<TModel>> candidates, double tolerance = 0.01)
    {
        if (candidates.Count == 0) throw new ArgumentException("No candidates to choose from.", nameof(candidates));
        double best = candidates.Max(candidate => candidate.Validation.Accuracy);
        Candidate<TModel>[] eligible = candidates.Where(candidate => candidate.Validation.Accuracy >= best - tolerance).ToArray();
        Candidate<TModel> chosen = eligible.MaxBy(candidate => candidate.Validation.WorstSlice?.Accuracy ?? candidate.Validation.Accuracy)!;

        string Describe(Candidate<TModel> candidate) => candidate.Validation.WorstSlice is { } worst
            ? string.Create(CultureInfo.InvariantCulture, $"{candidate.Name}: {candidate.Validation.Accuracy * 100:F2}% overall, worst slice {worst.Slice}={worst.Value} at {worst.Accuracy * 100:F2}%")
            : string.Create(CultureInfo.InvariantCulture, $"{candidate.Name}: {candidate.Validation.Accuracy * 100:F2}% overall");
        string reason = string.Create(CultureInfo.InvariantCulture,
            $"chose {chosen.Name}: of the {eligible.Length} candidates within {tolerance * 100:F1} points of the best validation accuracy ({best * 100:F2}%), it has the best worst slice.\n")
            + string.Join("\n", candidates.Select(candidate => "  " + Describe(candidate) + (eligible.Contains(candidate) ? "" : " (not within tolerance)")));
        return new Selection<TModel>(chosen, reason);
    }
}
