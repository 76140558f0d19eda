namespace MlDsl.Data.Splits;

/// <summary>How rows are assigned to train, validation and test.</summary>
public enum SplitKind
{
    /// <summary>Seeded shuffle, then cut.</summary>
    Random,
    /// <summary>Every class keeps its share in every split.</summary>
    Stratified,
    /// <summary>Whole [GroupKey] groups go to one split each.</summary>
    Grouped,
    /// <summary>By [Timestamp]: training strictly before validation strictly before test.</summary>
    ByTime,
}
