using System.Globalization;
using MlDsl.Analysis;

namespace MlDsl.Deployment;

/// <summary>
/// A go/no-go decision before export: thresholds on any named metric of the analysis (class,
/// multi-label or regression), on every value of a slice, on the bias gap, on latency and on model
/// size. A model ships only if it is acceptable on all of them; a metric the analysis does not have,
/// or has as undefined (NaN: a zero denominator, such as the recall of a class with no test rows or
/// the R² of a constant target), fails as "not measured" rather than passing unseen or failing as 0.
/// </summary>
public sealed class Gate
{
    private readonly List<Func<IEvaluationReport, DeploymentMeasurements?, (bool Passed, string Check)>> criteria = new();

    /// <summary>The named metric (see <see cref="IEvaluationReport.Metrics"/>) at least <paramref name="minimum"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="minimum"/> is NaN or outside the metric's range: [0, 1] for a share (a name with <c>accuracy</c>, or starting
    /// <c>recall</c>, <c>precision</c>, <c>f1</c>; <c>macro_f1</c>, <c>roc_auc</c>, <c>average_precision</c>), at least 0 for an error,
    /// loss or gap (<c>mae</c>, <c>rmse</c>, <c>log_loss</c>, <c>bias_gap</c>...), at most 1 for <c>r2</c>. Every builder of this
    /// class refuses its threshold the same way, when the gate is built rather than after training.
    /// </exception>
    public Gate Minimum(string metric, double minimum) => Add(report => Metric(report, metric), metric, GateThreshold.ForMetric(metric, minimum, nameof(minimum)), isMinimum: true, Share(metric), report => WhyNotMeasured(report, metric));

    /// <summary>The named metric at most <paramref name="maximum"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximum"/> is NaN or outside the metric's range (see <see cref="Minimum"/>).</exception>
    public Gate Maximum(string metric, double maximum) => Add(report => Metric(report, metric), metric, GateThreshold.ForMetric(metric, maximum, nameof(maximum)), isMinimum: false, Share(metric), report => WhyNotMeasured(report, metric));

    public Gate MinimumAccuracy(double minimum) => Minimum("accuracy", minimum);

    public Gate MinimumMacroF1(double minimum) => Minimum("macro_f1", minimum);

    public Gate MinimumRocAuc(double minimum) => Minimum("roc_auc", minimum);

    public Gate MaximumMeanAbsoluteError(double maximum) => Maximum("mae", maximum);

    public Gate MaximumRootMeanSquaredError(double maximum) => Maximum("rmse", maximum);

    public Gate MinimumRSquared(double minimum) => Minimum("r2", minimum);

    /// <summary>Every class's (or label's) recall at least <paramref name="minimum"/>.</summary>
    /// <remarks>A class whose recall is undefined (no rows of it) makes this "not measured", naming the class.</remarks>
    public Gate MinimumClassRecall(double minimum) =>
        Add(report => report.Metrics.Where(pair => pair.Key.StartsWith("recall/", StringComparison.Ordinal)).Select(pair => pair.Value).DefaultIfEmpty(double.NaN).Min(),
            "lowest class recall", GateThreshold.InRange("the lowest class recall", minimum, 0, 1, "a share", nameof(minimum)), isMinimum: true, _ => true, UndefinedRecalls);

    /// <summary>
    /// Every value of the [Slice] member <paramref name="slice"/> (of every slice member when null)
    /// scores at least <paramref name="minimum"/> accuracy (subset accuracy for multi-label).
    /// </summary>
    public Gate MinimumSliceAccuracy(string? slice, double minimum) =>
        Add(report => Worst(report, slice, higherIsBetter: true), $"worst {slice ?? "slice"} accuracy",
            GateThreshold.InRange($"the worst {slice ?? "slice"} accuracy", minimum, 0, 1, "a share", nameof(minimum)), isMinimum: true, _ => true);

    /// <summary>Every value of every [Slice] member at least <paramref name="minimum"/> accuracy.</summary>
    public Gate MinimumSliceAccuracy(double minimum) => MinimumSliceAccuracy(null, minimum);

    /// <summary>Every value of the [Slice] member <paramref name="slice"/> (of every one when null) has a mean absolute error of at most <paramref name="maximum"/>.</summary>
    public Gate MaximumSliceMeanAbsoluteError(string? slice, double maximum) =>
        Add(report => Worst(report, slice, higherIsBetter: false), $"worst {slice ?? "slice"} MAE",
            GateThreshold.InRange($"the worst {slice ?? "slice"} mae", maximum, 0, double.PositiveInfinity, "an error", nameof(maximum)), isMinimum: false, _ => false);

    /// <summary>The bias gap (accuracy points, or MAE for regression) at most <paramref name="maximum"/>.</summary>
    public Gate MaximumBiasGap(double maximum) =>
        Add(report => report.BiasGap, "bias gap", GateThreshold.InRange("the bias gap", maximum, 0, double.PositiveInfinity, "a gap", nameof(maximum)), isMinimum: false, report => report is not RegressionReport);

    public Gate MaximumLatencyMilliseconds(double maximum)
    {
        GateThreshold.InRange("single-row latency (MaximumLatencyMilliseconds)", maximum, 0, double.PositiveInfinity, "milliseconds", nameof(maximum));
        criteria.Add((_, measured) => Judge(measured?.LatencyMilliseconds ?? double.NaN, "single-row latency", maximum, false,
            value => string.Create(CultureInfo.InvariantCulture, $"{value:F2} ms")));
        return this;
    }

    public Gate MaximumModelMegabytes(double maximum)
    {
        GateThreshold.InRange("model size (MaximumModelMegabytes)", maximum, 0, double.PositiveInfinity, "megabytes", nameof(maximum));
        criteria.Add((_, measured) => Judge((measured?.ModelBytes ?? double.NaN) / 1e6, "model size", maximum, false,
            value => string.Create(CultureInfo.InvariantCulture, $"{value:F2} MB")));
        return this;
    }

    public GateVerdict Check(IEvaluationReport report, DeploymentMeasurements? measured = null)
    {
        var results = criteria.Select(criterion => criterion(report, measured)).ToArray();
        return new GateVerdict(results.All(result => result.Passed),
            results.Where(result => !result.Passed).Select(result => result.Check).ToArray(),
            results.Select(result => (result.Passed ? "pass  " : "FAIL  ") + result.Check).ToArray());
    }

    private static double Metric(IEvaluationReport report, string metric) => report.Metrics.TryGetValue(metric, out double value) ? value : double.NaN;

    private static double Worst(IEvaluationReport report, string? slice, bool higherIsBetter)
    {
        double[] scores = report.SliceScores.Where(score => (slice is null || score.Slice == slice) && score.HigherIsBetter == higherIsBetter)
            .Select(score => score.Score).ToArray();
        return scores.Length == 0 ? double.NaN : higherIsBetter ? scores.Min() : scores.Max();
    }

    private static string DisplayName(string metric) => metric switch
    {
        "macro_f1" => "macro F1",
        "micro_f1" => "micro F1",
        "roc_auc" => "ROC-AUC",
        "mae" => "MAE",
        "rmse" => "RMSE",
        "r2" => "R²",
        _ => metric.Replace('_', ' '),
    };

    // Shares (accuracies, recalls, F1) read best as percentages; errors and R² as plain numbers.
    private static Func<IEvaluationReport, bool> Share(string metric) =>
        _ => metric.Contains("accuracy", StringComparison.Ordinal) || metric.StartsWith("recall", StringComparison.Ordinal) || metric.StartsWith("precision", StringComparison.Ordinal);

    private static readonly string[] ProbabilityMetrics = ["roc_auc", "log_loss", "average_precision", "expected_calibration_error"];

    private static string? WhyNotMeasured(IEvaluationReport report, string metric)
    {
        if (!report.Metrics.TryGetValue(metric, out double value)) return Absent(report, metric);
        if (!double.IsNaN(value)) return null;
        return "undefined on these rows: its denominator is zero" + (metric.StartsWith("recall/", StringComparison.Ordinal) ? " (no rows of the class)"
            : metric.StartsWith("precision/", StringComparison.Ordinal) ? " (the class is never predicted)"
            : metric == "r2" ? " (the target is constant)" : "");
    }

    // A misspelt or inapplicable name must not read like a bad model: say which names this report has.
    private static string Absent(IEvaluationReport report, string metric)
    {
        if (ProbabilityMetrics.Contains(metric) && report is ClassificationReport) return "needs the model's predicted probabilities";
        string[] names = report.Metrics.Keys.Where(name => !name.Contains('/')).Order(StringComparer.Ordinal).ToArray();
        bool perClass = report.Metrics.Keys.Any(name => name.Contains('/'));
        return $"this report has no metric '{metric}'; it has {string.Join(", ", names)}" + (perClass ? ", and recall/, precision/, f1/ followed by a class name" : "");
    }

    private static string? UndefinedRecalls(IEvaluationReport report)
    {
        string[] classes = report.Metrics.Where(pair => pair.Key.StartsWith("recall/", StringComparison.Ordinal) && double.IsNaN(pair.Value))
            .Select(pair => pair.Key["recall/".Length..]).ToArray();
        return classes.Length == 0 ? null : $"recall of {string.Join(", ", classes)} is undefined: no rows of {(classes.Length == 1 ? "that class" : "those classes")}";
    }

    private Gate Add(Func<IEvaluationReport, double> measure, string name, double threshold, bool isMinimum, Func<IEvaluationReport, bool> percent,
        Func<IEvaluationReport, string?>? whyNotMeasured = null)
    {
        criteria.Add((report, _) =>
        {
            bool asPercent = percent(report);
            string Format(double value) => asPercent
                ? string.Create(CultureInfo.InvariantCulture, $"{value * 100:F2}%")
                : string.Create(CultureInfo.InvariantCulture, $"{value:0.0###}");
            string displayName = DisplayName(name);
            double value = measure(report);
            if (double.IsNaN(value) && whyNotMeasured?.Invoke(report) is { } why) return (false, $"{displayName}: not measured ({why})");
            return Judge(value, displayName, threshold, isMinimum, Format);
        });
        return this;
    }

    private static (bool, string) Judge(double value, string name, double threshold, bool isMinimum, Func<double, string> format)
    {
        if (double.IsNaN(value)) return (false, $"{name}: not measured");
        bool passed = isMinimum ? value >= threshold : value <= threshold;
        string relation = isMinimum ? "minimum" : "maximum";
        string verdict = passed
            ? $"{name} {format(value)} (the {relation} is {format(threshold)})"
            : $"{name} {format(value)} is {(isMinimum ? "below" : "above")} the {relation} {format(threshold)} by {format(Math.Abs(value - threshold))}";
        return (passed, verdict);
    }
}
