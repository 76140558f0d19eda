using MlDsl.Deployment;

namespace MlDsl.Tests.Adversarial.SetU;

/// <summary>
/// Gate thresholds no model can meet or every model meets by accident: an accuracy above 1, a share below 0, NaN (every
/// comparison false), a negative error bound or latency. Each is refused when the gate is built, as an
/// <see cref="ArgumentException"/> naming the metric and the range expected — not found only after a long training run.
/// </summary>
public sealed class GateThresholdAttackTests
{
    private static void RefusedNaming(Func<Gate> build, string metric)
    {
        Exception? error = Record.Exception(build);
        Assert.True(error is ArgumentException, $"expected an ArgumentException naming {metric}, got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.Contains(metric, error!.Message);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void An_accuracy_minimum_outside_zero_to_one_is_refused_naming_accuracy(double minimum) =>
        RefusedNaming(() => new Gate().MinimumAccuracy(minimum), "accuracy");

    [Fact]
    public void A_class_recall_minimum_above_one_is_refused_naming_recall() =>
        RefusedNaming(() => new Gate().MinimumClassRecall(1.01), "recall");

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void A_mean_absolute_error_maximum_below_zero_or_nan_is_refused_naming_mae(double maximum) =>
        RefusedNaming(() => new Gate().MaximumMeanAbsoluteError(maximum), "mae");

    [Theory]
    [InlineData(-5.0)]
    [InlineData(double.NaN)]
    public void A_latency_maximum_below_zero_or_nan_is_refused_naming_latency(double maximum) =>
        RefusedNaming(() => new Gate().MaximumLatencyMilliseconds(maximum), "atency");

    [Fact]
    public void A_model_size_maximum_of_nan_is_refused_naming_the_size() =>
        RefusedNaming(() => new Gate().MaximumModelMegabytes(double.NaN), "egabytes");

    [Fact]
    public void A_named_metric_minimum_of_nan_is_refused_naming_the_metric() =>
        RefusedNaming(() => new Gate().Minimum("balanced_accuracy", double.NaN), "balanced_accuracy");
}
