namespace MlDsl.Doctor;

/// <summary>
/// The learning-rate range test's curve (Smith 2017; Lightning's <c>lr_find</c>): one training step at
/// each rate of an exponential sweep, the loss smoothed; the suggestion is a tenth of the rate at the
/// lowest smoothed loss, and <see cref="Diverged"/> the first rate whose smoothed loss exceeded four
/// times the lowest (null when the sweep never diverged).
/// </summary>
public sealed record RangeTestResult(IReadOnlyList<double> LearningRates, IReadOnlyList<double> SmoothedLosses, double Suggested, double? Diverged)
{
    /// <summary>The loss was still falling at the highest rate tried: the suggestion is only a lower bound.</summary>
    public bool StillFalling { get; init; }
}
