namespace MlDsl.Data.Encoding;

/// <summary>scikit-learn 1.3's TargetEncoder arguments: smooth, cv, shuffle, random_state.</summary>
public sealed record TargetEncoderOptions
{
    /// <summary>
    /// The m-estimate weight of the overall mean (<c>smooth</c>, ≥ 0); null is scikit-learn's "auto",
    /// the empirical-Bayes weight from the variances (see <see cref="TargetEncoder"/>).
    /// </summary>
    public double? Smooth { get; init; }

    /// <summary>Folds of the cross fitting that encodes the training rows (<c>cv</c>), at least 2.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>
    /// Shuffle before cutting the folds. Off by default, unlike scikit-learn (shuffle=True): unshuffled
    /// folds are scikit-learn's own (StratifiedKFold for a class label, KFold for regression), so the
    /// encodings are checkable against it; shuffling uses MlDsl's seeded shuffle.
    /// </summary>
    public bool Shuffle { get; init; }

    public int Seed { get; init; } = 42;
}
