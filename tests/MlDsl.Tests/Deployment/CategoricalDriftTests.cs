using MathNet.Numerics.Distributions;
using MlDsl.Data;
using MlDsl.Data.Validation;
using MlDsl.Deployment;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Deployment;

public sealed class CategoricalDriftTests
{
    /// <summary>Fruit rows whose colour is red with probability <paramref name="redShare"/>, green otherwise; weights from one fixed distribution.</summary>
    private static List<Fruit> Fruits(int count, double redShare, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => new Fruit { Color = random.NextDouble() < redShare ? "red" : "green", Weight = 150 + random.Next(50), Kind = "apple" })
            .ToList();
    }

    private static double[][] Columns<TRow>(IReadOnlyList<TRow> rows) where TRow : IDatasetRow<TRow>
    {
        var columns = Enumerable.Range(0, TRow.FeatureLength).Select(_ => new double[rows.Count]).ToArray();
        var buffer = new float[TRow.FeatureLength];
        for (int row = 0; row < rows.Count; row++)
        {
            TRow.WriteFeatures(rows[row], buffer);
            for (int feature = 0; feature < buffer.Length; feature++) columns[feature][row] = buffer[feature];
        }
        return columns;
    }

    private static DriftReport Compare(IReadOnlyList<Fruit> reference, IReadOnlyList<Fruit> current) =>
        DriftMonitor.Compare(Fruit.FeatureNames, Columns(reference), Columns(current));

    [Fact]
    public void Chi_square_matches_the_hand_computed_statistic_and_p_value()
    {
        // Counts 30/20/50 against 20/30/50, 100 rows each: every expected count is half the category's
        // total (25, 25, 50), so chi2 = 4 * 5^2 / 25 + 0 = 4 with 3 - 1 = 2 degrees of freedom. With 2
        // degrees of freedom the chi-square upper tail is exp(-x / 2): p = exp(-2) = 0.1353352832...
        // (scipy.stats.chi2_contingency([[30, 20, 50], [20, 30, 50]]) gives the same 4.0 and 0.13534).
        // The trailing category with no rows on either side does not count towards the degrees of freedom.
        (double statistic, double p, int degreesOfFreedom) = DistributionShift.ChiSquareHomogeneity([30, 20, 50, 0], [20, 30, 50, 0]);

        Assert.Equal(4.0, statistic, 10);
        Assert.Equal(2, degreesOfFreedom);
        Assert.Equal(Math.Exp(-2), p, 10);
        Assert.Equal(1 - ChiSquared.CDF(2, 4), p, 10);
    }

    [Fact]
    public void Chi_square_p_values_far_below_double_rounding_are_not_reported_as_zero()
    {
        // 300/700 against 700/300: every expected count is 500, so chi2 = 4 * 200^2 / 500 = 320 with 1 degree
        // of freedom, whose upper tail is erfc(sqrt(x / 2)): p = erfc(sqrt(160)) = 1.448442e-71 (Python's
        // math.erfc), far below the 1e-16 that 1 - CDF can resolve.
        (double statistic, double p, _) = DistributionShift.ChiSquareHomogeneity([300, 700], [700, 300]);

        Assert.Equal(320, statistic, 9);
        Assert.InRange(p / 1.448442e-71, 0.99999, 1.00001);
    }

    [Fact]
    public void Chi_square_of_a_single_category_or_an_empty_sample_finds_nothing()
    {
        Assert.Equal((0.0, 1.0, 0), DistributionShift.ChiSquareHomogeneity([40, 0], [60, 0]));
        Assert.Equal((0.0, 1.0, 0), DistributionShift.ChiSquareHomogeneity([40, 60], [0, 0]));
    }

    [Fact]
    public void Jensen_Shannon_distance_is_zero_for_identical_shares_and_one_for_disjoint_ones()
    {
        Assert.Equal(0, DistributionShift.JensenShannonDistance([10, 30, 60], [20, 60, 120]), 12);
        Assert.Equal(1, DistributionShift.JensenShannonDistance([10, 0, 0], [0, 5, 7]), 12);
        // P = (1, 0), Q = (1/2, 1/2), M = (3/4, 1/4): KL(P||M) = log2(4/3) = 0.4150375,
        // KL(Q||M) = (log2(2/3) + log2(2)) / 2 = 0.2075187, JSD = their mean = 0.3112781, distance = 0.5579230.
        Assert.Equal(0.5579230, DistributionShift.JensenShannonDistance([8, 0], [4, 4]), 6);
    }

    [Fact]
    public void Category_counts_for_different_categories_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => DistributionShift.JensenShannonDistance([1, 2], [1, 2, 3]));

        Assert.StartsWith("Category counts must cover the same categories: the reference has 2 and the current sample 3.", error.Message);
    }

    [Fact]
    public void One_hot_columns_of_a_member_are_compared_as_one_categorical_feature()
    {
        DriftReport report = Compare(Fruits(400, 0.5, seed: 1), Fruits(400, 0.5, seed: 2));

        Assert.Equal(new[] { "Color", "Weight" }, report.Features.Select(feature => feature.Feature));
        Assert.Equal(new[] { FeatureDriftKind.Categorical, FeatureDriftKind.Numeric }, report.Features.Select(feature => feature.Kind));
        FeatureDrift color = report.Features[0];
        Assert.Equal(new[] { "red", "green" }, color.Categories.Select(category => category.Category)); // no yellow on either side, so not listed
        Assert.Equal(400, color.Categories.Sum(category => category.Reference));
        Assert.Equal(1, color.DegreesOfFreedom);
        Assert.True(double.IsNaN(color.KsStatistic));
    }

    [Fact]
    public void A_categorical_whose_shares_move_is_flagged()
    {
        DriftReport report = Compare(Fruits(400, 0.5, seed: 1), Fruits(400, 0.1, seed: 2));

        FeatureDrift color = report.Features.Single(feature => feature.Feature == "Color");
        Assert.True(color.Drifted);
        Assert.True(color.ChiSquarePValue < 1e-6);
        Assert.InRange(color.JensenShannon, 0.3, 0.45); // 0.383 between 50/50 and 10/90
        Assert.False(report.Features.Single(feature => feature.Feature == "Weight").Drifted);
        Assert.Equal(3, report.ExitCode);
        string text = report.ToString();
        Assert.Contains("categorical", text);
        Assert.Matches(@"Color\s+\d+(\.\d+)?\s+1\s+\S+\s+0\.\d{3}  (red|green) \d+\.\d% -> \d+\.\d%  DRIFTED", text);
        Assert.Contains("1 of 2 features drifted", text);
    }

    [Fact]
    public void A_categorical_with_the_same_shares_in_a_new_sample_is_not_flagged()
    {
        DriftReport report = Compare(Fruits(400, 0.5, seed: 1), Fruits(400, 0.5, seed: 2));

        Assert.False(report.Drifted);
        Assert.Equal(0, report.ExitCode);
        Assert.True(report.Features[0].JensenShannon < 0.1);
        Assert.Contains("no drift", report.ToString());
    }

    [Fact]
    public void Rows_with_none_of_the_monitored_categories_count_as_other()
    {
        // Wide rows are monitored on a subset of columns: here only Color=red of the three.
        double[] reference = [1, 1, 0, 0], current = [1, 0, 0, 0];

        FeatureDrift color = DriftMonitor.Compare(["Color=red"], [reference], [current]).Features.Single();

        Assert.Equal(new[] { new CategoryCount("red", 2, 1), new CategoryCount(CategoryCount.Other, 2, 3) }, color.Categories);
    }
}
