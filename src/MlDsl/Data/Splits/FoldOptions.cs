namespace MlDsl.Data.Splits;

/// <summary>How <see cref="Folds"/> cuts rows: scikit-learn's splitter arguments.</summary>
public sealed record FoldOptions
{
    public FoldKind Kind { get; init; } = FoldKind.KFold;

    /// <summary>Number of folds (scikit-learn's <c>n_splits</c>), at least 2.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>
    /// KFold and Stratified: shuffle with <see cref="Seed"/> before cutting. Without it (the default)
    /// the folds are scikit-learn's own, index for index. With it they are MlDsl's seeded shuffle,
    /// reproducible but not numpy's random stream. Grouped and TimeSeries folds have one order
    /// (scikit-learn's GroupKFold and TimeSeriesSplit take no shuffle), so Shuffle is refused for them.
    /// </summary>
    public bool Shuffle { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>TimeSeries: rows left out between each training block and its validation block (<c>gap</c>), 0 or more.</summary>
    public int Gap { get; init; }

    /// <summary>TimeSeries: at most this many of the latest rows train each fold (<c>max_train_size</c>), at least 1; null for all (scikit-learn also reads 0 as all; here 0 is refused).</summary>
    public int? MaxTrainSize { get; init; }

    /// <summary>TimeSeries: rows per validation block (<c>test_size</c>); null for rows / (folds + 1).</summary>
    public int? TestSize { get; init; }
}
