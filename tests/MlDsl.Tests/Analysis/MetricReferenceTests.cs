using System.Text.Json;
using MlDsl.Analysis;
using MlDsl.Data.Validation;
using MlDsl.Deployment;
using MlDsl.Tests.Data.Steps;

namespace MlDsl.Tests.Analysis;

[Dataset]
public sealed partial record Coin
{
    [Feature] public float Weight { get; init; }
    [Label(Classes = 2)] public int Side { get; init; }
}

[Dataset]
public sealed partial record Tagged
{
    [Feature] public float Weight { get; init; }
    [Label(Classes = 5)] public required int[] Tags { get; init; }
}

/// <summary>
/// The metrics users expect, against scikit-learn 1.2.1 and SciPy 1.10.1: inputs and expected values
/// written by References/make_metric_reference.py with Debian's python3-sklearn and python3-scipy.
/// </summary>
public sealed class MetricReferenceTests
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Analysis", "References", "metric_reference.json"))).RootElement);

    private static JsonElement Case(string name) => Root.Value.GetProperty(name);

    private static void Matches(JsonElement expected, IReadOnlyDictionary<string, double> metrics, params string[] names)
    {
        foreach (string name in names) SklearnReference.Close(expected.GetProperty(name).GetDouble(), metrics[name], relative: 1e-9, what: name);
    }

    [Fact]
    public void Multiclass_averages_balanced_accuracy_log_loss_and_calibration_match_scikit_learn()
    {
        JsonElement reference = Case("multiclass");
        int[] truth = reference.GetProperty("y_true").Ints(), predicted = reference.GetProperty("y_pred").Ints();
        float[][] probabilities = reference.GetProperty("proba").Matrix().Select(row => row.Select(value => (float)value).ToArray()).ToArray();
        Patch[] rows = truth.Select(label => new Patch { Pixels = new float[3 * 16 * 16], Kind = label }).ToArray();

        ClassificationReport report = ClassificationReport.Compute(rows, predicted, probabilities: probabilities);

        Matches(reference, report.Metrics, "accuracy", "balanced_accuracy", "precision_macro", "recall_macro", "f1_macro", "precision_weighted", "recall_weighted", "f1_weighted");
        SklearnReference.Close(reference.GetProperty("log_loss").GetDouble(), report.Metrics["log_loss"], relative: 1e-6, what: "log_loss");
        SklearnReference.Close(reference.GetProperty("expected_calibration_error").GetDouble(), report.Metrics["expected_calibration_error"], relative: 1e-6, what: "ECE");
        Assert.Null(report.PrecisionRecall); // a curve of one positive class needs a binary label
    }

    [Fact]
    public void Binary_average_precision_precision_recall_curve_and_reliability_match_scikit_learn()
    {
        JsonElement reference = Case("binary");
        int[] truth = reference.GetProperty("y_true").Ints(), predicted = reference.GetProperty("y_pred").Ints();
        double[] scores = reference.GetProperty("score").Doubles();
        Coin[] rows = truth.Select(label => new Coin { Side = label }).ToArray();

        ClassificationReport report = ClassificationReport.Compute(rows, predicted, probabilities: scores.Select(score => new[] { 1 - (float)score, (float)score }).ToArray());

        Matches(reference, report.Metrics, "balanced_accuracy", "precision_macro", "recall_macro", "f1_macro", "precision_weighted", "recall_weighted", "f1_weighted", "roc_auc");
        SklearnReference.Close(reference.GetProperty("average_precision").GetDouble(), report.Metrics["average_precision"], relative: 1e-9, what: "average_precision");
        SklearnReference.Close(reference.GetProperty("log_loss").GetDouble(), report.Metrics["log_loss"], relative: 1e-6, what: "log_loss");
        PrecisionRecallCurve curve = report.PrecisionRecall!;
        SklearnReference.Close(reference.GetProperty("precision_curve").Doubles(), curve.Precision, relative: 1e-9, what: "precision");
        SklearnReference.Close(reference.GetProperty("recall_curve").Doubles(), curve.Recall, relative: 1e-9, what: "recall");
        SklearnReference.Close(reference.GetProperty("thresholds").Doubles(), curve.Thresholds.Select(t => (double)(float)t).ToArray(), relative: 1e-7, what: "thresholds");
        CalibrationCurve reliability = report.Calibration!;
        SklearnReference.Close(reference.GetProperty("calibration_fraction_positive").Doubles(), reliability.FractionRight, relative: 1e-9, what: "prob_true");
        SklearnReference.Close(reference.GetProperty("calibration_mean_predicted").Doubles(), reliability.MeanConfidence, relative: 1e-6, what: "prob_pred");
    }

    [Fact]
    public void Multi_label_samples_weighted_and_macro_averages_match_scikit_learn()
    {
        JsonElement reference = Case("multilabel");
        double[][] truth = reference.GetProperty("y_true").Matrix(), predicted = reference.GetProperty("y_pred").Matrix();
        Tagged[] rows = truth.Select(labels => new Tagged { Tags = Enumerable.Range(0, labels.Length).Where(l => labels[l] == 1).ToArray() }).ToArray();

        MultiLabelReport report = MultiLabelReport.Compute(rows, predicted.Select(labels => labels.Select(value => value == 1).ToArray()).ToArray());

        Matches(reference, report.Metrics, "precision_samples", "recall_samples", "f1_samples", "precision_weighted", "recall_weighted", "f1_weighted",
            "precision_macro", "recall_macro", "f1_macro", "f1_micro");
    }

    [Fact]
    public void Small_sample_ks_p_values_are_exact_as_scipy_computes_them()
    {
        foreach (JsonElement reference in Case("ks").EnumerateArray())
        {
            double[] a = reference.GetProperty("a").Doubles(), b = reference.GetProperty("b").Doubles();

            (double statistic, double pValue) = DistributionShift.KolmogorovSmirnov(a, b);

            SklearnReference.Close(reference.GetProperty("statistic").GetDouble(), statistic, relative: 1e-12, what: $"D ({a.Length}, {b.Length})");
            SklearnReference.Close(reference.GetProperty("exact_pvalue").GetDouble(), pValue, relative: 1e-8, what: $"p ({a.Length}, {b.Length})");
        }
    }

    [Fact]
    public void The_exact_ks_p_value_of_the_largest_possible_gap_is_the_share_of_orderings_that_separate_the_samples()
    {
        // Every value of the first sample below every value of the second: D = 1, and only the two
        // orderings that fully separate the samples (either way round) reach it: 2 / C(7, 3).
        (double statistic, double pValue) = DistributionShift.KolmogorovSmirnov(new double[] { 1, 2, 3 }, new double[] { 4, 5, 6, 7 });

        Assert.Equal(1, statistic);
        SklearnReference.Close(2.0 / 35, pValue, relative: 1e-12);
    }

    [Theory]
    [InlineData("balanced_accuracy")]
    [InlineData("f1_weighted")]
    [InlineData("log_loss")]
    [InlineData("average_precision")]
    [InlineData("expected_calibration_error")]
    public void Every_new_metric_is_gateable_by_name(string metric)
    {
        JsonElement reference = Case("binary");
        Coin[] rows = reference.GetProperty("y_true").Ints().Select(label => new Coin { Side = label }).ToArray();
        double[] scores = reference.GetProperty("score").Doubles();
        ClassificationReport report = ClassificationReport.Compute(rows, reference.GetProperty("y_pred").Ints(), probabilities: scores.Select(score => new[] { 1 - (float)score, (float)score }).ToArray());
        double value = report.Metrics[metric];

        Assert.True(new Gate().Minimum(metric, value - 1e-9).Check(report).Passed);
        GateVerdict failed = new Gate().Minimum(metric, value + 0.01).Check(report);
        Assert.False(failed.Passed);
        Assert.Contains("below the minimum", Assert.Single(failed.Failures));
        Assert.True(new Gate().Maximum(metric, value + 1e-9).Check(report).Passed);
    }
}
