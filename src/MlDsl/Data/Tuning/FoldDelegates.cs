namespace MlDsl.Data.Tuning;

/// <summary>
/// Trains on <paramref name="train"/> and returns a score on <paramref name="validation"/>, higher
/// is better (a loss or error goes in negated, as scikit-learn's <c>neg_mean_absolute_error</c>).
/// Both lists come from the rows the search or cross-validation was given: never the test split.
/// </summary>
public delegate double FoldScorer<TRow>(IReadOnlyList<TRow> train, IReadOnlyList<TRow> validation);

/// <summary>
/// Fits preprocessing on one fold's training rows and returns how to apply it, e.g.
/// <c>train =&gt; Standardizer.Fit(train).Apply</c>: refitted inside every fold, so the fold's
/// validation rows never shape the statistics they are scored with.
/// </summary>
public delegate Func<IReadOnlyList<TRow>, TRow[]> FitOnFold<TRow>(IReadOnlyList<TRow> foldTrain);
