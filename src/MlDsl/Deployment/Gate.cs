using System.Globalization;
using MlDsl.Analysis;

namespace MlDsl.Deployment;

/// <summary>What deployment costs, measured on the exported model.</summary>
public sealed record DeploymentMeasurements(double LatencyMilliseconds, long ModelBytes);

/// <summary>The gate's decision and, for each failed criterion, what failed and by how much.</summary>
public sealed record GateVerdict(bool Passed, IReadOnlyList<string> Failures, IReadOnlyList<string> Checks)
{
    public override string ToString() =>
        (Passed ? "gate: PASSED\n" : "gate: FAILED\n") + string.Concat(Checks.Select(check => "  " + check + "\n"));
}

/// <summary>
/// A go/no-go decision before export: thresholds on metrics, on every value of a slice, on the bias
/// gap, on latency and on model size. A model ships only if it is acceptable on all of them.
/// </summary>
public sealed class Gate
{
    private readonly List<Func<ClassificationReport, DeploymentMeasurements?, (bool Passed, string Check)>> criteria = new();

    public Gate MinimumAccuracy(double minimum) => Add(report => report.Accuracy, "accuracy", minimum, isMinimum: true, percent: true);

    public Gate MinimumMacroF1(double minimum) => Add(report => report.MacroF1, "macro F1", minimum, isMinimum: true, percent: false);

    /// <summary>Every class's recall at least <paramref name="minimum"/>.</summary>
    public Gate MinimumClassRecall(double minimum) =>
        Add(report => report.Classes.Min(metrics => metrics.Recall), "lowest class recall", minimum, isMinimum: true, percent: true);

    /// <summary>Every value of the [Slice] member <paramref name="slice"/> at least <paramref name="minimum"/> accuracy.</summary>
    public Gate MinimumSliceAccuracy(string slice, double minimum) =>
        Add(report => report.Slices.Where(value => value.Slice == slice).Select(value => value.Accuracy).DefaultIfEmpty(double.NaN).Min(),
            $"worst {slice} accuracy", minimum, isMinimum: true, percent: true);

    public Gate MaximumBiasGap(double maximum) => Add(report => report.BiasGap, "bias gap", maximum, isMinimum: false, percent: true);

    public Gate MaximumLatencyMilliseconds(double maximum)
    {
        criteria.Add((_, measured) => Judge(measured?.LatencyMilliseconds ?? double.NaN, "single-row latency", maximum, false,
            value => string.Create(CultureInfo.InvariantCulture, $"{value:F2} ms")));
        return this;
    }

    public Gate MaximumModelMegabytes(double maximum)
    {
        criteria.Add((_, measured) => Judge((measured?.ModelBytes ?? double.NaN) / 1e6, "model size", maximum, false,
            value => string.Create(CultureInfo.InvariantCulture, $"{value:F2} MB")));
        return this;
    }

    public GateVerdict Check(ClassificationReport report, DeploymentMeasurements? measured = null)
    {
        var results = criteria.Select(criterion => criterion(report, measured)).ToArray();
        return new GateVerdict(results.All(result => result.Passed),
            results.Where(result => !result.Passed).Select(result => result.Check).ToArray(),
            results.Select(result => (result.Passed ? "pass  " : "FAIL  ") + result.Check).ToArray());
    }

    private Gate Add(Func<ClassificationReport, double> measure, string name, double threshold, bool isMinimum, bool percent)
    {
        string Format(double value) => percent
            ? string.Create(CultureInfo.InvariantCulture, $"{value * 100:F2}%")
            : string.Create(CultureInfo.InvariantCulture, $"{value:F3}");
        criteria.Add((report, _) => Judge(measure(report), name, threshold, isMinimum, Format));
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
