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
    public void Deployment_constraints_are_checked_against_measurements()
    {
        Gate gate = new Gate().MinimumAccuracy(0.5).MaximumLatencyMilliseconds(2).MaximumModelMegabytes(1);

        Assert.True(gate.Check(Report, new DeploymentMeasurements(1.5, 400_000)).Passed);
        GateVerdict slow = gate.Check(Report, new DeploymentMeasurements(3.25, 400_000));
        Assert.Equal(new[] { "single-row latency 3.25 ms is above the maximum 2.00 ms by 1.25 ms" }, slow.Failures);
        Assert.Equal(new[] { "single-row latency: not measured", "model size: not measured" }, gate.Check(Report).Failures);
    }
}
