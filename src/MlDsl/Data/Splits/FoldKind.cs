namespace MlDsl.Data.Splits;

/// <summary>How <see cref="Folds"/> cuts rows into cross-validation folds; scikit-learn's splitters.</summary>
public enum FoldKind
{
    /// <summary>Consecutive blocks of rows (<c>KFold</c>); shuffled first when <see cref="FoldOptions.Shuffle"/>.</summary>
    KFold,

    /// <summary>Every class keeps its share in every fold (<c>StratifiedKFold</c>). Class labels.</summary>
    Stratified,

    /// <summary>Whole [GroupKey] groups per fold, folds balanced by row count (<c>GroupKFold</c>).</summary>
    Grouped,

    /// <summary>By [Timestamp]: each fold validates on the block after the rows it trains on (<c>TimeSeriesSplit</c>).</summary>
    TimeSeries,
}
