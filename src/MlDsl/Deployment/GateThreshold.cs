using System.Globalization;

namespace MlDsl.Deployment;

/// <summary>
/// The range a gate threshold must lie in, checked when the gate is built: a share (accuracy, recall, precision, F1,
/// ROC-AUC) in [0, 1], an error, loss, gap, latency or size at least 0, R² at most 1, and never NaN (every comparison
/// with NaN is false, so the criterion could never pass). Out of range, the criterion could never pass or could never
/// fail the way it reads, and that would only be found after training.
/// </summary>
internal static class GateThreshold
{
    private static readonly string[] NonNegativeMetrics = ["mae", "rmse", "mse", "log_loss", "bias_gap", "hamming_loss", "expected_calibration_error"];

    /// <summary>Refuses <paramref name="threshold"/> for the report metric <paramref name="metric"/> (by its name in the report).</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN, or outside the range the metric can take; the message names the metric and the range.</exception>
    public static double ForMetric(string metric, double threshold, string parameter)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (IsShare(metric)) return InRange($"'{metric}'", threshold, 0, 1, "a share", parameter);
        if (NonNegativeMetrics.Contains(metric)) return InRange($"'{metric}'", threshold, 0, double.PositiveInfinity, "an error or loss", parameter);
        if (metric == "r2") return InRange($"'{metric}'", threshold, double.NegativeInfinity, 1, "R²", parameter);
        return InRange($"'{metric}'", threshold, double.NegativeInfinity, double.PositiveInfinity, "a metric", parameter);
    }

    /// <summary>Refuses a threshold outside [<paramref name="low"/>, <paramref name="high"/>] or NaN, naming <paramref name="criterion"/>.</summary>
    public static double InRange(string criterion, double threshold, double low, double high, string kind, string parameter)
    {
        if (!double.IsNaN(threshold) && threshold >= low && threshold <= high) return threshold;
        throw new ArgumentOutOfRangeException(parameter, threshold, $"Gate: the threshold on {criterion} is {Show(threshold)}; expected {Expected(low, high, kind)}");
    }

    // Shares are the names the report computes as fractions of rows: accuracies, per-class and averaged recall,
    // precision and F1 (recall/1, f1_weighted, precision_macro...), the areas under curves.
    private static bool IsShare(string metric) =>
        metric.Contains("accuracy", StringComparison.Ordinal)
        || metric.StartsWith("recall", StringComparison.Ordinal) || metric.StartsWith("precision", StringComparison.Ordinal)
        || metric.StartsWith("f1", StringComparison.Ordinal) || metric is "macro_f1" or "micro_f1" or "roc_auc" or "average_precision";

    private static string Expected(double low, double high, string kind) => (double.IsInfinity(low), double.IsInfinity(high)) switch
    {
        (false, false) => $"{kind} in [{Show(low)}, {Show(high)}]",
        (false, true) => $"{kind} of at least {Show(low)}",
        (true, false) => $"{kind} of at most {Show(high)}",
        _ => "a number (NaN never passes a comparison)",
    };

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
