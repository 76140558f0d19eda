using MlDsl.Deployment;

namespace MlDsl.Tests.Adversarial;

/// <summary>
/// <see cref="DriftMonitor.Compare"/> called with columns that do not match its features: a reference with a column missing
/// used to throw IndexOutOfRangeException, and a one-hot member whose columns differ in length could too (or quietly count
/// rows of the longer column as "other"). Each is now an ArgumentException naming the side, the feature and both counts.
/// A numeric feature whose new values were all missing (NaN) was reported as "no drift": only finite values were compared.
/// </summary>
public sealed class DriftMonitorHardeningTests
{
    private static readonly double[] Four = [1, 2, 3, 4];

    [Fact]
    public void A_reference_without_a_column_for_every_feature_is_refused_naming_the_counts()
    {
        var problem = Assert.Throws<ArgumentException>(() => DriftMonitor.Compare(["Age", "Heart"], [Four], [Four, Four]));

        Assert.Equal("reference", problem.ParamName);
        Assert.StartsWith("reference holds 1 columns for 2 features [Age, Heart]; expected one column per feature", problem.Message);
    }

    [Fact]
    public void Current_columns_of_different_lengths_are_refused_naming_the_feature()
    {
        var problem = Assert.Throws<ArgumentException>(() =>
            DriftMonitor.Compare(["Color=red", "Color=green"], [[1, 0, 1, 0], [0, 1, 0, 1]], [[1, 0, 1, 0], [0, 1]]));

        Assert.Equal("current", problem.ParamName);
        Assert.StartsWith("current column 1 (Color=green) holds 2 values but column 0 (Color=red) holds 4", problem.Message);
    }

    [Fact]
    public void A_null_column_is_refused_naming_the_feature()
    {
        var problem = Assert.Throws<ArgumentException>(() => DriftMonitor.Compare(["Age", "Heart"], [Four, null!], [Four, Four]));

        Assert.StartsWith("reference column 1 (Heart) is null", problem.Message);
    }

    [Fact]
    public void A_feature_whose_new_values_are_all_missing_is_drift_and_the_report_shows_the_missing_shares()
    {
        double[] reference = Enumerable.Range(0, 200).Select(i => 60 + i % 40 * 1.5).ToArray();
        double[] dead = Enumerable.Repeat(double.NaN, 100).ToArray();
        double[] healthy = Enumerable.Range(0, 100).Select(i => 60 + i % 40 * 1.5).ToArray();
        double[] fewGaps = healthy.Select((value, i) => i % 50 == 0 ? double.NaN : value).ToArray();

        DriftReport deadReport = DriftMonitor.Compare(["Heart"], [reference], [dead]);
        DriftReport healthyReport = DriftMonitor.Compare(["Heart"], [reference], [healthy]);
        DriftReport gapsReport = DriftMonitor.Compare(["Heart"], [reference], [fewGaps]);

        FeatureDrift heart = Assert.Single(deadReport.Features);
        Assert.True(heart.Drifted);
        Assert.Equal(0, heart.MissingReference);
        Assert.Equal(1, heart.MissingCurrent);
        Assert.Equal(3, deadReport.ExitCode);
        Assert.Contains("missing 0.0% -> 100.0%  DRIFTED", deadReport.ToString());
        // Look-alikes that stay silent: the same values, and a 2% share of gaps (below the 0.1 threshold).
        Assert.False(healthyReport.Drifted);
        Assert.DoesNotContain("missing", healthyReport.ToString());
        Assert.False(gapsReport.Drifted);
        Assert.Contains("missing 0.0% -> 2.0%", gapsReport.ToString());
    }

    [Fact]
    public void Matching_columns_of_another_length_than_the_reference_still_compare()
    {
        DriftReport report = DriftMonitor.Compare(["Age", "Heart"], [Four, Four], [[1, 2], [3, 4]]);

        Assert.Equal(2, report.Features.Count);
    }
}
