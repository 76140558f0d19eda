namespace MlDsl.Data.Resampling;

/// <summary>How a pipeline balances its training rows' classes before training (see <see cref="Oversampler"/>).</summary>
public enum OversampleKind
{
    /// <summary>No oversampling.</summary>
    None,

    /// <summary><see cref="Oversampler.Random{TRow}"/>: copies of minority-class rows.</summary>
    Random,

    /// <summary><see cref="Oversampler.Smote{TRow}"/> with k = 5: rows interpolated between minority-class neighbours.</summary>
    Smote,
}
