using MlDsl.Data.Splits;

namespace MlDsl.Data.Tuning;

/// <summary>
/// Exhaustive hyperparameter search (scikit-learn's <c>GridSearchCV</c>): every candidate is scored,
/// by cross-validation on the training rows or on the validation split, and the best is chosen. The
/// methods take training (and validation) rows only, so the test split cannot inform the choice:
/// score it once, after, with the chosen parameters.
/// </summary>
public static class GridSearch
{
    /// <summary>Scores every candidate by cross-validation on <paramref name="train"/> (training rows only); every candidate sees the same folds.</summary>
    /// <param name="train">Training rows only.</param>
    /// <param name="candidates">The parameter sets to try, e.g. from <see cref="Grid{TA, TB}"/>.</param>
    /// <param name="scorer">The fold scorer for a candidate, e.g. <c>rate =&gt; CrossValidation.TrainModel&lt;Row, Net&gt;(() =&gt; new Net(seed: 1), new FitOptions { LearningRate = rate })</c>.</param>
    /// <param name="options">How to cut the folds; 5-fold KFold by default.</param>
    /// <param name="prepare">Preprocessing refitted inside each fold; none when null.</param>
    /// <exception cref="MlDsl.Data.Steps.DataStepException">No rows, no candidates, bad fold options, or a NaN score.</exception>
    [LearnsFrom("train")]
    public static SearchResult<TParams> CrossValidate<TRow, TParams>(IReadOnlyList<TRow> train, IEnumerable<TParams> candidates,
        Func<TParams, FoldScorer<TRow>> scorer, FoldOptions? options = null, FitOnFold<TRow>? prepare = null) where TRow : IDatasetRow<TRow> =>
        Search.CrossValidate(nameof(GridSearch), train, candidates, scorer, options, prepare);

    /// <summary>Scores every candidate by training on <paramref name="train"/> and scoring on <paramref name="validation"/>.</summary>
    [LearnsFrom("train")]
    public static SearchResult<TParams> OnValidation<TRow, TParams>(IReadOnlyList<TRow> train, IReadOnlyList<TRow> validation, IEnumerable<TParams> candidates,
        Func<TParams, FoldScorer<TRow>> scorer, FitOnFold<TRow>? prepare = null) where TRow : IDatasetRow<TRow> =>
        Search.OnValidation(nameof(GridSearch), train, validation, candidates, scorer, prepare);

    /// <summary>Scores every candidate on <paramref name="split"/>'s validation rows after training on its training rows; its test rows are never read.</summary>
    [LearnsFrom("split")]
    public static SearchResult<TParams> OnValidation<TRow, TParams>(DataSplit<TRow> split, IEnumerable<TParams> candidates,
        Func<TParams, FoldScorer<TRow>> scorer, FitOnFold<TRow>? prepare = null) where TRow : IDatasetRow<TRow> =>
        Search.OnValidation(nameof(GridSearch), split.Train, split.Validation, candidates, scorer, prepare);

    /// <summary>Every combination of the values (scikit-learn's <c>ParameterGrid</c>), the last varying fastest.</summary>
    public static IReadOnlyList<(TA, TB)> Grid<TA, TB>(IEnumerable<TA> first, IEnumerable<TB> second) =>
        first.SelectMany(a => second.Select(b => (a, b))).ToArray();

    /// <summary>Every combination of the values, the last varying fastest.</summary>
    public static IReadOnlyList<(TA, TB, TC)> Grid<TA, TB, TC>(IEnumerable<TA> first, IEnumerable<TB> second, IEnumerable<TC> third) =>
        first.SelectMany(a => second.SelectMany(b => third.Select(c => (a, b, c)))).ToArray();
}
