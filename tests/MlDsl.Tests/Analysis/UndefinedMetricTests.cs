using MlDsl.Analysis;
using MlDsl.Data;
using MlDsl.Deployment;
using MlDsl.Tests.Data;
using MlDsl.Tests.Labels;

namespace MlDsl.Tests.Analysis;

/// <summary>A metric with a zero denominator is undefined (NaN, printed "undefined"), and the gate says "not measured" instead of failing it as 0.</summary>
public sealed class UndefinedMetricTests
{
    private static Point Row(int cluster) => new() { Extra = new float[2], Cluster = cluster };

    // Three classes; class 2 has no rows. Class 1 is never predicted.
    private static readonly Point[] Rows = { Row(0), Row(0), Row(0), Row(1), Row(1) };
    private static readonly int[] Predicted = { 0, 0, 0, 0, 0 };

    [Fact]
    public void Recall_of_a_class_without_rows_and_precision_of_a_class_never_predicted_are_undefined()
    {
        ClassificationReport report = ClassificationReport.Compute(Rows, Predicted);

        Assert.True(double.IsNaN(report.Classes[2].Recall));
        Assert.True(double.IsNaN(report.Classes[2].Precision));
        Assert.True(double.IsNaN(report.Classes[2].F1)); // neither present nor predicted
        Assert.True(double.IsNaN(report.Classes[1].Precision));
        Assert.Equal(0, report.Classes[1].Recall); // defined: it has rows, none found
        Assert.Equal(0, report.Classes[1].F1); // 2 TP / (2 TP + FP + FN) = 0 / 2
        Assert.Equal(0.6, report.Classes[0].Precision, 10);
    }

    [Fact]
    public void Macro_f1_skips_undefined_classes_as_scikit_learns_zero_division_nan_does()
    {
        ClassificationReport report = ClassificationReport.Compute(Rows, Predicted);

        // Class 0: P 0.6, R 1, F1 0.75; class 1: F1 0; class 2 undefined and left out.
        Assert.Equal((0.75 + 0) / 2, report.MacroF1, 10);
    }

    [Fact]
    public void Undefined_metrics_print_as_undefined()
    {
        string text = ClassificationReport.Compute(Rows, Predicted).ToString();

        Assert.Contains("2            undefined undefined undefined        0", text);
        Assert.DoesNotContain("NaN", text);
    }

    [Fact]
    public void The_gate_says_not_measured_for_an_undefined_recall_and_names_the_class()
    {
        ClassificationReport report = ClassificationReport.Compute(Rows, Predicted);

        GateVerdict verdict = new Gate().MinimumClassRecall(0.0).Minimum("precision/1", 0.0).Check(report);

        Assert.False(verdict.Passed);
        Assert.Contains("lowest class recall: not measured (recall of 2 is undefined: no rows of that class)", verdict.Failures);
        Assert.Contains("precision/1: not measured (undefined on these rows: its denominator is zero (the class is never predicted))", verdict.Failures);
    }

    [Fact]
    public void R_squared_of_a_constant_target_is_undefined_and_not_measured_by_the_gate()
    {
        Flat[] flats = Enumerable.Range(0, 5).Select(i => new Flat { Area = i, Price = 300_000 }).ToArray();

        RegressionReport report = RegressionReport.Compute(flats, new float[] { 299_000, 300_000, 301_000, 300_500, 300_000 });
        GateVerdict verdict = new Gate().MinimumRSquared(0.5).MaximumMeanAbsoluteError(1_000).Check(report);

        Assert.True(double.IsNaN(report.RSquared));
        Assert.Contains("R² undefined", report.ToString());
        Assert.Equal(new[] { "R²: not measured (undefined on these rows: its denominator is zero (the target is constant))" }, verdict.Failures);
    }

    [Fact]
    public void A_report_refuses_a_label_out_of_range_with_the_librarys_exception()
    {
        Point[] rows = { Row(0), Row(3) };

        var error = Assert.Throws<RowDataException>(() => ClassificationReport.Compute(rows, new[] { 0, 0 }));

        Assert.Equal(1, error.RowIndex);
        Assert.Contains("labels are 0-based", error.Message);
    }

    [Fact]
    public void A_multi_label_report_leaves_labels_never_present_nor_predicted_undefined()
    {
        var rows = new[]
        {
            new DigitTraits { Pixels = new float[784], Traits = new[] { "even" } },
            new DigitTraits { Pixels = new float[784], Traits = new[] { "even", "large" } },
        };

        MultiLabelReport report = MultiLabelReport.Compute(rows, new[] { new[] { true, false, false, false }, new[] { true, true, false, false } });

        Assert.Equal(1, report.Labels[0].F1);
        Assert.True(double.IsNaN(report.Labels[3].Recall));
        Assert.True(double.IsNaN(report.Labels[3].F1));
        Assert.Equal(1, report.MacroF1); // prime and loop never appear nor are predicted: left out
    }
}
