using MlDsl.Deployment;

namespace MlDsl.Tests.Deployment;

/// <summary>
/// Gate thresholds are checked when the gate is built (set U's GateThresholdAttackTests hold the attacks): the edges of
/// each range and metrics of other ranges stay accepted; the kinds beyond those attacked are refused the same way.
/// </summary>
public sealed class GateThresholdRangeTests
{
    [Fact]
    public void The_edges_of_each_range_and_metrics_of_other_ranges_are_accepted()
    {
        var gate = new Gate()
            .MinimumAccuracy(0).MinimumAccuracy(1).MinimumClassRecall(1).MinimumMacroF1(0.5).MinimumRocAuc(1)
            .MinimumRSquared(-3).MinimumRSquared(1)                  // R² has no floor: a model worse than the mean is below 0
            .MaximumMeanAbsoluteError(0).MaximumRootMeanSquaredError(1e9).MaximumBiasGap(0)
            .MaximumLatencyMilliseconds(0).MaximumLatencyMilliseconds(double.PositiveInfinity).MaximumModelMegabytes(0.5)
            .MinimumSliceAccuracy("age", 0).MaximumSliceMeanAbsoluteError(null, 2)
            .Minimum("log_loss_improvement", -5)                     // a name the gate knows no range of: only NaN is refused
            .Maximum("log_loss", 4).Minimum("f1_weighted", 0.2);

        Assert.NotNull(gate);
    }

    [Theory]
    [InlineData("f1_weighted", 1.2, "[0, 1]")]
    [InlineData("precision/benign", -0.5, "[0, 1]")]
    [InlineData("roc_auc", 2.0, "[0, 1]")]
    [InlineData("log_loss", -0.1, "at least 0")]
    [InlineData("r2", 1.5, "at most 1")]
    [InlineData("some_score", double.NaN, "NaN")]
    public void A_named_metric_threshold_outside_its_range_is_refused_naming_the_metric_and_range(string metric, double threshold, string range)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Gate().Minimum(metric, threshold));
        Assert.Contains($"'{metric}'", error.Message);
        Assert.Contains(range, error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Gate().Maximum(metric, threshold));
    }

    [Fact]
    public void Slice_bias_and_size_thresholds_out_of_range_are_refused_naming_them()
    {
        Assert.Contains("slice accuracy", Assert.Throws<ArgumentOutOfRangeException>(() => new Gate().MinimumSliceAccuracy(1.5)).Message);
        Assert.Contains("age mae", Assert.Throws<ArgumentOutOfRangeException>(() => new Gate().MaximumSliceMeanAbsoluteError("age", -1)).Message);
        Assert.Contains("bias gap", Assert.Throws<ArgumentOutOfRangeException>(() => new Gate().MaximumBiasGap(double.NaN)).Message);
        Assert.Contains("MaximumModelMegabytes", Assert.Throws<ArgumentOutOfRangeException>(() => new Gate().MaximumModelMegabytes(-1)).Message);
        Assert.Contains("R²", Assert.Throws<ArgumentOutOfRangeException>(() => new Gate().MinimumRSquared(double.NaN)).Message);
    }
}
