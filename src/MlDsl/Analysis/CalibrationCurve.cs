namespace MlDsl.Analysis;

/// <summary>
/// A reliability diagram's points: the confidences are cut into equal-width bins over [0, 1] (a value
/// on an inner edge goes to the lower bin, as scikit-learn's <c>calibration_curve(strategy="uniform")</c>
/// does with <c>searchsorted</c>), and each non-empty bin gives its mean confidence and the share of
/// its rows that were right. <see cref="ExpectedCalibrationError"/> is Σ (nᵦ / N) |rightᵦ − confidenceᵦ|
/// (Guo et al. 2017), 0 for a perfectly calibrated model.
/// </summary>
public sealed record CalibrationCurve(double[] MeanConfidence, double[] FractionRight, int[] Counts)
{
    public double ExpectedCalibrationError
    {
        get
        {
            double total = Counts.Sum();
            return total == 0 ? double.NaN : Enumerable.Range(0, Counts.Length).Sum(b => Counts[b] / total * Math.Abs(FractionRight[b] - MeanConfidence[b]));
        }
    }

    /// <param name="right">Whether each row's prediction was right (binary: whether the row is positive).</param>
    /// <param name="confidence">The probability given to that prediction (binary: to the positive class), in [0, 1].</param>
    /// <param name="bins">Equal-width bins over [0, 1].</param>
    /// <exception cref="ArgumentException">Counts differ, fewer than 1 bin, or a confidence outside [0, 1].</exception>
    public static CalibrationCurve Compute(IReadOnlyList<bool> right, IReadOnlyList<double> confidence, int bins = 10)
    {
        if (right.Count != confidence.Count) throw new ArgumentException($"{right.Count} outcomes but {confidence.Count} confidences", nameof(confidence));
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), bins, "expected at least one bin");
        var sums = new double[bins];
        var hits = new double[bins];
        var counts = new int[bins];
        for (int i = 0; i < confidence.Count; i++)
        {
            double value = confidence[i];
            if (!(value >= 0 && value <= 1)) throw new ArgumentException($"confidence {i} is {value}; expected a probability in [0, 1]", nameof(confidence));
            // Inner edges k / bins; the bin is how many of them lie strictly below the value.
            int bin = 0;
            // numpy.linspace makes edge k as k * (1 / bins), so 0.3 is 0.30000000000000004 there as here.
            while (bin < bins - 1 && (bin + 1) * (1.0 / bins) < value) bin++;
            sums[bin] += value;
            hits[bin] += right[i] ? 1 : 0;
            counts[bin]++;
        }
        int[] used = Enumerable.Range(0, bins).Where(b => counts[b] > 0).ToArray();
        return new CalibrationCurve(used.Select(b => sums[b] / counts[b]).ToArray(), used.Select(b => hits[b] / counts[b]).ToArray(), used.Select(b => counts[b]).ToArray());
    }
}
