namespace MlDsl.Data.Imputation;

/// <summary>How an <see cref="Imputer"/> fills missing values (scikit-learn's SimpleImputer: strategy, fill_value, add_indicator).</summary>
public sealed record ImputerOptions
{
    public ImputeStrategy Strategy { get; init; } = ImputeStrategy.Mean;

    /// <summary>The value <see cref="ImputeStrategy.Constant"/> fills with (scikit-learn's default: 0).</summary>
    public float FillValue { get; init; }

    /// <summary>
    /// Also report, per row, which features were missing: one 0/1 indicator for each feature that had
    /// a missing value in the training rows (scikit-learn's <c>features="missing-only"</c>). Rows have a
    /// fixed feature length, so the indicators cannot be appended to them: they come from
    /// <see cref="Imputer.MissingIndicators{TRow}"/> or are written into a feature member of your own
    /// with <see cref="Imputer.Apply{TRow}(IReadOnlyList{TRow}, Func{TRow, float[], TRow})"/>.
    /// </summary>
    public bool AddMissingIndicator { get; init; }
}
