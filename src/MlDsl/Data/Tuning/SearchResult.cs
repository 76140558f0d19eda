namespace MlDsl.Data.Tuning;

/// <summary>One candidate of a search and its score: per fold for cross-validation, one "fold" for a validation-split score.</summary>
public sealed record SearchCandidate<TParams>(TParams Parameters, CrossValidationResult Score);

/// <summary>Every candidate tried, in order, and the best: the highest mean score, the earliest on a tie.</summary>
public sealed record SearchResult<TParams>(IReadOnlyList<SearchCandidate<TParams>> Candidates)
{
    public SearchCandidate<TParams> Best => Candidates.Aggregate((best, next) => next.Score.Mean > best.Score.Mean ? next : best);

    public TParams BestParameters => Best.Parameters;
}
