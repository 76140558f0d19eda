using MlDsl.Analysis;
using MlDsl.Deployment;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Deployment;

public sealed class GateTests
{
    // 6 of 8 right; north 4/4, south 2/4 (see ClassificationReportTests).
    private static readonly ClassificationReport Report = ClassificationReport.Compute(new[]
    {
        new Visit { Sick = 1, Clinic = "north" }, new Visit { Sick = 1, Clinic = "north" }, new Visit { Sick = 1, Clinic = "south" }, new Visit { Sick = 0, Clinic = "south" },
        new Visit { Sick = 0, Clinic = "south" }, new Visit { Sick = 0, Clinic = "south" }, new Visit { Sick = 0, Clinic = "north" }, new Visit { Sick = 0, Clinic = "north" },
    }, new[] { 1, 1, 0, 0, 0, 1, 0, 0 });

    [Fact]
    public void A_failed_gate_says_which_criterion_failed_and_by_how_much()
    {
        GateVerdict verdict = new Gate()
            .MinimumAccuracy(0.7)
            .MinimumAccuracy(0.9)
            .MinimumSliceAccuracy("Clinic", 0.6)
            .MaximumBiasGap(0.2)
            .Check(Report);

        Assert.False(verdict.Passed);
        Assert.Equal(new[]
        {
            "accuracy 75.00% is below the minimum 90.00% by 15.00%",
            "worst Clinic accuracy 50.00% is below the minimum 60.00% by 10.00%",
            "bias gap 50.00% is above the maximum 20.00% by 30.00%",
        }, verdict.Failures);
        Assert.Contains("pass  accuracy 75.00% (the minimum is 70.00%)", verdict.Checks);
    }

    [Fact]
    public void Any_metric_of_the_report_is_gated_by_its_scikit_learn_name()
    {
        // Recall of class 1 is 2/3, of class 0 4/5: balanced accuracy 73.33%.
        GateVerdict verdict = new Gate().Minimum("balanced_accuracy", 0.8).Maximum("f1_weighted", 0.9).Check(Report);

        Assert.Equal(new[] { "balanced accuracy 73.33% is below the minimum 80.00% by 6.67%" }, verdict.Failures);
    }

    [Fact]
    public void A_misspelt_metric_name_fails_the_gate_listing_the_names_the_report_has()
    {
        GateVerdict verdict = new Gate().Minimum("balanced_acuracy", 0.5).Check(Report);

        string failure = Assert.Single(verdict.Failures);
        Assert.StartsWith("balanced acuracy: not measured (this report has no metric 'balanced_acuracy'; it has accuracy, balanced_accuracy, ", failure);
        Assert.EndsWith("and recall/, precision/, f1/ followed by a class name)", failure);
    }

    [Fact]
    public void A_probability_metric_without_probabilities_says_it_needs_them()
    {
        GateVerdict verdict = new Gate().Maximum("log_loss", 0.5).Check(Report);

        Assert.Equal(new[] { "log loss: not measured (needs the model's predicted probabilities)" }, verdict.Failures);
    }

    [Fact]
    public void Deployment_constraints_are_checked_against_measurements()
    {
        Gate gate = new Gate().MinimumAccuracy(0.5).MaximumLatencyMilliseconds(2).MaximumModelMegabytes(1);

        Assert.True(gate.Check(Report, new DeploymentMeasurements(1.5, 400_000)).Passed);
        GateVerdict slow = gate.Check(Report, new DeploymentMeasurements(3.25, 400_000));
        Assert.Equal(new[] { "single-row latency 3.25 ms is above the maximum 2.00 ms by 1.25 ms" }, slow.Failures);
        Assert.Equal(new[] { "single-row latency: not measured", "model size: not measured" }, gate.Check(Report).Failures);
    }

    [Fact]
    public void Regression_errors_and_every_slice_are_gated_with_plain_numbers()
    {
        var report = new RegressionReport(0.42, 0.61, 0.55, 100, new[]
        {
            new SliceErrors("Sex", "1", 0.35, 0.5, 60), new SliceErrors("Sex", "2", 0.52, 0.7, 40),
        });

        GateVerdict verdict = new Gate().MaximumMeanAbsoluteError(0.5).MinimumRSquared(0.6).MaximumSliceMeanAbsoluteError(null, 0.5).MaximumBiasGap(0.2).Check(report);

        Assert.Equal(new[]
        {
            "R² 0.55 is below the minimum 0.6 by 0.05",
            "worst slice MAE 0.52 is above the maximum 0.5 by 0.02",
        }, verdict.Failures);
        Assert.Contains("pass  MAE 0.42 (the maximum is 0.5)", verdict.Checks);
        Assert.Contains("pass  bias gap 0.17 (the maximum is 0.2)", verdict.Checks);
    }

    [Fact]
    public void Every_slice_of_every_member_is_gated_when_no_slice_is_named()
    {
        GateVerdict verdict = new Gate().MinimumSliceAccuracy(0.6).Minimum("recall/1", 0.9).Check(Report);

        Assert.Equal(new[]
        {
            "worst slice accuracy 50.00% is below the minimum 60.00% by 10.00%",
            "recall/1 66.67% is below the minimum 90.00% by 23.33%",
        }, verdict.Failures);
    }
}
