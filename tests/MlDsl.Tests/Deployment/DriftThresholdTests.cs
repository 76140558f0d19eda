using MlDsl.Deployment;

namespace MlDsl.Tests.Deployment;

/// <summary>
/// What <see cref="DriftMonitor.Compare"/> refuses before computing anything: thresholds that make every or no feature drift
/// (NaN compares false both ways), sides of no rows, feature names that would give two report entries one name. Each is an
/// <see cref="ArgumentException"/> naming the option, side or feature; the edges of each range still compare.
/// </summary>
public sealed class DriftThresholdTests
{
    private static readonly double[] Spread = [1, 2, 3, 4, 5, 6, 7, 8];

    private static DriftReport Compare(DriftThresholds thresholds) => DriftMonitor.Compare(["Age"], [Spread], [Spread], thresholds);

    [Theory]
    [InlineData(nameof(DriftThresholds.KsStatistic), -0.1)]
    [InlineData(nameof(DriftThresholds.KsStatistic), 1.01)]
    [InlineData(nameof(DriftThresholds.KsStatistic), double.NaN)]
    [InlineData(nameof(DriftThresholds.JensenShannon), -1)]
    [InlineData(nameof(DriftThresholds.JensenShannon), 2)]
    [InlineData(nameof(DriftThresholds.JensenShannon), double.NaN)]
    [InlineData(nameof(DriftThresholds.KsPValue), -0.01)]
    [InlineData(nameof(DriftThresholds.Psi), double.NegativeInfinity)]
    public void A_threshold_out_of_its_range_is_refused_naming_it_and_the_range(string name, double value)
    {
        var thresholds = name switch
        {
            nameof(DriftThresholds.KsStatistic) => new DriftThresholds(KsStatistic: value),
            nameof(DriftThresholds.JensenShannon) => new DriftThresholds(JensenShannon: value),
            nameof(DriftThresholds.KsPValue) => new DriftThresholds(KsPValue: value),
            _ => new DriftThresholds(Psi: value),
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Compare(thresholds));

        Assert.Equal("thresholds", error.ParamName);
        Assert.StartsWith($"DriftThresholds.{name} is ", error.Message);
        Assert.Contains(name == nameof(DriftThresholds.Psi) ? "expected a number of at least 0" : "expected a number in [0, 1]", error.Message);
    }

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(0, 1, 1, 1)]
    [InlineData(double.PositiveInfinity, 0.5, 0.5, 0.5)]
    public void Thresholds_at_the_edges_of_their_ranges_compare(double psi, double pValue, double statistic, double jensenShannon)
    {
        DriftReport report = Compare(new DriftThresholds(psi, pValue, statistic, jensenShannon));

        Assert.Single(report.Features);
    }

    [Fact]
    public void Both_sides_of_no_rows_are_refused_naming_the_reference_first()
    {
        var error = Assert.Throws<ArgumentException>(() => DriftMonitor.Compare(["Age"], [[]], [[]]));

        Assert.Equal("reference", error.ParamName);
        Assert.StartsWith("reference holds 0 rows; expected at least one row to compare", error.Message);
    }

    [Fact]
    public void A_categorical_member_of_no_current_rows_is_refused_naming_current()
    {
        var error = Assert.Throws<ArgumentException>(() => DriftMonitor.Compare(["Color=red", "Color=green"], [[1, 0], [0, 1]], [[], []]));

        Assert.Equal("current", error.ParamName);
    }

    [Fact]
    public void A_feature_named_like_a_categorical_member_is_refused_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            DriftMonitor.Compare(["Color", "Color=red", "Color=green"], [Spread, Spread, Spread], [Spread, Spread, Spread]));

        Assert.Equal("features", error.ParamName);
        Assert.StartsWith("features name 'Color' twice", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_feature_without_a_name_is_refused_naming_its_position(string? name)
    {
        var error = Assert.Throws<ArgumentException>(() => DriftMonitor.Compare(["Age", name!], [Spread, Spread], [Spread, Spread]));

        Assert.StartsWith("features[1] is null or empty", error.Message);
    }

    [Fact]
    public void No_features_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => DriftMonitor.Compare([], [], []));

        Assert.StartsWith("features is empty", error.Message);
    }

    [Fact]
    public void Distinct_features_and_members_compare_one_entry_each()
    {
        DriftReport report = DriftMonitor.Compare(["Age", "Color=red", "Color=green", "Heart"],
            [Spread, [1, 0, 1, 0, 1, 0, 1, 0], [0, 1, 0, 1, 0, 1, 0, 1], Spread], [Spread, [1, 0, 1, 0, 1, 0, 1, 0], [0, 1, 0, 1, 0, 1, 0, 1], Spread]);

        Assert.Equal(["Age", "Color", "Heart"], report.Features.Select(feature => feature.Feature).ToArray());
    }
}
