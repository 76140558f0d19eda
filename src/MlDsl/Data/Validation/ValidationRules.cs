namespace MlDsl.Data.Validation;

/// <summary>
/// Which findings of the data report stop a pipeline (failures) rather than only being printed
/// (warnings). The defaults fail on missing values and on rows shared between splits.
/// </summary>
public sealed record ValidationRules
{
    /// <summary>A training feature with missing (NaN) values fails validation; otherwise it is a warning.</summary>
    public bool FailOnMissing { get; init; } = true;

    /// <summary>Validation or test rows that also appear in the training split fail validation (overlap leakage).</summary>
    public bool FailOnOverlap { get; init; } = true;

    /// <summary>A feature distributed differently in validation than in training fails validation, not just warns.</summary>
    public bool FailOnShift { get; init; }

    /// <summary>The most common class may be at most this share of the training rows (class labels); NaN: no limit.</summary>
    public double MaxMajorityShare { get; init; } = double.NaN;

    /// <summary>The training split needs at least this many rows.</summary>
    public int MinTrainRows { get; init; }
}
