using MlDsl.Data.Splits;
using MlDsl.Data.Steps;

namespace MlDsl.Data.Tuning;

/// <summary>
/// Random hyperparameter search (scikit-learn's <c>RandomizedSearchCV</c>): <c>iterations</c>
/// candidates drawn by <c>sample</c> from one seeded <see cref="Random"/>, each scored like
/// <see cref="GridSearch"/> does, on training (and validation) rows only.
/// </summary>
public static class RandomSearch
{
    /// <summary>Draws <paramref name="iterations"/> candidates and scores each by cross-validation on <paramref name="train"/> (training rows only).</summary>
    /// <exception cref="DataStepException">iterations &lt; 1, or as <see cref="GridSearch.CrossValidate{TRow, TParams}"/>.</exception>
    [LearnsFrom("train")]
    public static SearchResult<TParams> CrossValidate<TRow, TParams>(IReadOnlyList<TRow> train, Func<Random, TParams> sample, int iterations, int seed,
        Func<TParams, FoldScorer<TRow>> scorer, FoldOptions? options = null, FitOnFold<TRow>? prepare = null) where TRow : IDatasetRow<TRow> =>
        Search.CrossValidate(nameof(RandomSearch), train, Draw(sample, iterations, seed), scorer, options, prepare);

    /// <summary>Draws <paramref name="iterations"/> candidates and scores each on <paramref name="validation"/> after training on <paramref name="train"/>.</summary>
    [LearnsFrom("train")]
    public static SearchResult<TParams> OnValidation<TRow, TParams>(IReadOnlyList<TRow> train, IReadOnlyList<TRow> validation, Func<Random, TParams> sample,
        int iterations, int seed, Func<TParams, FoldScorer<TRow>> scorer, FitOnFold<TRow>? prepare = null) where TRow : IDatasetRow<TRow> =>
        Search.OnValidation(nameof(RandomSearch), train, validation, Draw(sample, iterations, seed), scorer, prepare);

    /// <summary>Draws candidates and scores each on <paramref name="split"/>'s validation rows; its test rows are never read.</summary>
    [LearnsFrom("split")]
    public static SearchResult<TParams> OnValidation<TRow, TParams>(DataSplit<TRow> split, Func<Random, TParams> sample, int iterations, int seed,
        Func<TParams, FoldScorer<TRow>> scorer, FitOnFold<TRow>? prepare = null) where TRow : IDatasetRow<TRow> =>
        Search.OnValidation(nameof(RandomSearch), split.Train, split.Validation, Draw(sample, iterations, seed), scorer, prepare);

    private static TParams[] Draw<TParams>(Func<Random, TParams> sample, int iterations, int seed)
    {
        if (iterations < 1) throw new DataStepException(nameof(RandomSearch), nameof(iterations), $"iterations = {iterations}; expected at least 1 candidate");
        var random = new Random(seed);
        return Enumerable.Range(0, iterations).Select(_ => sample(random)).ToArray();
    }
}
