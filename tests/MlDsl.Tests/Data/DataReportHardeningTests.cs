using MlDsl.Data;
using MlDsl.Data.Splits;
using MlDsl.Data.Validation;
using MlDsl.Tests.Labels;

namespace MlDsl.Tests.Data;

/// <summary>Validation fails on non-finite values as it does on missing ones, and refuses labels out of range.</summary>
public sealed class DataReportHardeningTests
{
    private static DataSplit<Visit> Split(IReadOnlyList<Visit> train, IReadOnlyList<Visit>? validation = null, IReadOnlyList<Visit>? test = null) =>
        new(train, validation ?? Array.Empty<Visit>(), test ?? Array.Empty<Visit>(), new SplitOptions());

    [Theory]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void An_infinite_feature_fails_validation_by_name(float infinite)
    {
        List<Visit> visits = Visits.Make();
        visits[3] = visits[3] with { Heart = infinite };

        DataReport report = DataReport.Analyze(Split(visits));

        Assert.Contains("Heart: 1 infinite values in the training split; expected finite numbers", report.Failures);
        Assert.True(double.IsFinite(report.Features[0].Max)); // statistics are over the finite values
    }

    [Fact]
    public void A_non_finite_value_in_the_test_split_fails_validation_too()
    {
        List<Visit> visits = Visits.Make();
        var test = new[] { visits[0] with { Age = float.NaN }, visits[1] with { Heart = float.PositiveInfinity } };

        DataReport report = DataReport.Analyze(Split(visits.Skip(2).ToList(), test: test));

        Assert.Contains("Age: 1 missing values in the test split", report.Failures);
        Assert.Contains("Heart: 1 infinite values in the test split; expected finite numbers", report.Failures);
    }

    [Fact]
    public void A_non_finite_regression_target_fails_validation()
    {
        List<Flat> flats = Flat.Make(50, 1);
        flats[4] = flats[4] with { Price = double.PositiveInfinity };

        DataReport report = DataReport.Analyze(new DataSplit<Flat>(flats, Array.Empty<Flat>(), Array.Empty<Flat>(), new SplitOptions()));

        Assert.Contains("the target Price: 1 missing or non-finite values in the training split", report.Failures);
    }

    [Fact]
    public void An_empty_training_split_fails_validation()
    {
        DataReport report = DataReport.Analyze(Split(Array.Empty<Visit>(), Visits.Make()));

        Assert.False(report.Passed);
        Assert.Contains("the training split is empty; a model cannot be trained on no rows", report.Failures);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void A_label_out_of_range_is_refused_with_the_split_and_row(int label)
    {
        List<Visit> visits = Visits.Make();
        var validation = new[] { visits[0], visits[1] with { Sick = label } };

        var error = Assert.Throws<RowDataException>(() => DataReport.Analyze(Split(visits, validation)));

        Assert.Equal((1, "Sick"), (error.RowIndex, error.Member));
        Assert.Equal($"Visit (validation split) row 1: Sick should be a class index in [0, 1] (labels are 0-based) but is {label}", error.Message);
    }

    [Fact]
    public async Task The_kolmogorov_smirnov_test_refuses_nan_instead_of_looping()
    {
        double[] withNaN = { 1, double.NaN, 3 }, plain = { 1, 2, 3 };

        Task<Exception?> run = Task.Run(() => (Exception?)Record.Exception(() => DistributionShift.KolmogorovSmirnov(withNaN, plain)));

        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10)))); // it returns, rather than spinning forever
        var error = Assert.IsType<ArgumentException>(await run);
        Assert.Contains("NaN at index 1", error.Message);
        Assert.Throws<ArgumentException>(() => DistributionShift.PopulationStabilityIndex(plain, withNaN));
        Assert.Throws<ArgumentException>(() => DistributionShift.ChiSquareHomogeneity(new[] { 1.0, double.NaN }, new[] { 1.0, 2.0 }));
        Assert.Throws<ArgumentException>(() => DistributionShift.JensenShannonDistance(new[] { 1.0, 2.0 }, new[] { -1.0, 2.0 }));
    }

    [Fact]
    public void Infinities_are_ordinary_extremes_for_the_kolmogorov_smirnov_test()
    {
        (double statistic, double p) = DistributionShift.KolmogorovSmirnov(new[] { double.NegativeInfinity, 0, 1 }, new[] { 0, 1, double.PositiveInfinity });

        Assert.Equal(1 / 3.0, statistic, 10);
        Assert.InRange(p, 0, 1);
    }
}
