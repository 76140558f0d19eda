using MlDsl.Deployment;

namespace MlDsl.Tests.Adversarial.SetT;

/// <summary>
/// Drift comparisons against baselines that cannot answer the question: thresholds that make every or no feature drift,
/// a baseline or a batch of no rows, infinite values, a feature named twice. <see cref="DriftMonitor.Compare"/> documents
/// <see cref="ArgumentException"/> naming the side (reference/current) or the threshold; it must never report "no drift"
/// (or drift) computed from NaN.
/// </summary>
public sealed class DriftBaselineAttackTests
{
    private static readonly double[] Spread = [1, 2, 3, 4, 5, 6, 7, 8];

    private static ArgumentException Refused(Func<DriftReport> compare, string named)
    {
        Exception? error = Record.Exception(() => compare());
        Assert.True(error is ArgumentException, $"expected an ArgumentException naming {named}, got {error?.GetType().FullName ?? "no exception"}: {error?.Message}");
        Assert.Contains(named, error!.Message);
        return (ArgumentException)error;
    }

    [Theory]
    [InlineData(double.NaN, 0.01, nameof(DriftThresholds.Psi))]
    [InlineData(-0.25, 0.01, nameof(DriftThresholds.Psi))]
    [InlineData(0.25, 1.5, nameof(DriftThresholds.KsPValue))]
    [InlineData(0.25, double.NaN, nameof(DriftThresholds.KsPValue))]
    public void A_threshold_that_no_comparison_can_meet_is_refused_naming_it(double psi, double pValue, string named)
    {
        Refused(() => DriftMonitor.Compare(["Age"], [Spread], [Spread], new DriftThresholds(Psi: psi, KsPValue: pValue)), named);
    }

    [Fact]
    public void A_baseline_of_no_rows_is_refused_naming_the_reference()
    {
        Refused(() => DriftMonitor.Compare(["Age"], [[]], [Spread]), "reference");
    }

    [Fact]
    public void A_batch_of_no_rows_is_refused_naming_current()
    {
        Refused(() => DriftMonitor.Compare(["Age"], [Spread], [[]]), "current");
    }

    [Fact]
    public void An_infinite_baseline_value_counts_as_missing_and_the_rest_still_compare()
    {
        DriftReport report = DriftMonitor.Compare(["Age"], [[1, 2, 3, double.PositiveInfinity, 5, 6, 7, 8]], [Spread]);

        FeatureDrift drift = Assert.Single(report.Features);
        Assert.Equal(1.0 / 8, drift.MissingReference, 12);
        Assert.True(double.IsFinite(drift.KsStatistic) && double.IsFinite(drift.Psi) && double.IsFinite(drift.Wasserstein), drift.ToString());
    }

    [Fact]
    public void A_feature_named_twice_is_refused_naming_it()
    {
        Refused(() => DriftMonitor.Compare(["Age", "Age"], [Spread, Spread], [Spread, Spread]), "Age");
    }

    [Fact]
    public void A_baseline_of_one_row_compares_without_nan()
    {
        DriftReport report = DriftMonitor.Compare(["Age"], [[4.0]], [Spread]);

        FeatureDrift drift = Assert.Single(report.Features);
        Assert.Equal(1, report.ReferenceRows);
        Assert.True(double.IsFinite(drift.KsStatistic) && double.IsFinite(drift.KsPValue) && double.IsFinite(drift.Psi) && double.IsFinite(drift.Wasserstein), drift.ToString());
    }
}
