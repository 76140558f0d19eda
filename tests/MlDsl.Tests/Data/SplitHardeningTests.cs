// These tests split grouped, timestamped rows every way on purpose, random and stratified included.
#pragma warning disable MLDSL0019

using MlDsl.Data.Splits;
using MlDsl.Data.Validation;
using MlDsl.Examples.BreastCancer;

namespace MlDsl.Tests.Data;

/// <summary>Splits check what they produced: exact counts, a clear error when impossible, a warning when a class cannot reach a part.</summary>
public sealed class SplitHardeningTests
{
    private static readonly List<Visit> Rows = Visits.Make();

    [Theory]
    [InlineData(5, 10)]
    [InlineData(1, 1)]
    [InlineData(17, 23)]
    [InlineData(0, 30)]
    public void A_stratified_split_gives_exactly_the_counts_asked_for(int validation, int test)
    {
        DataSplit<Visit> split = Rows.Split(new SplitOptions { Kind = SplitKind.Stratified, ValidationCount = validation, TestCount = test, Seed = 9 });

        Assert.Equal((validation, test, Rows.Count - validation - test), (split.Validation.Count, split.Test.Count, split.Train.Count));
    }

    [Fact]
    public void A_stratified_split_of_fractions_gives_the_rounded_counts_and_keeps_each_class_within_a_row_of_its_share()
    {
        IReadOnlyList<Tumour> tumours = BreastCancerRows.Load();

        DataSplit<Tumour> split = tumours.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.2, Seed = 3 });

        Assert.Equal((int)Math.Round(569 * 0.15), split.Validation.Count); // 85
        Assert.Equal((int)Math.Round(569 * 0.2), split.Test.Count); // 114
        int benign = tumours.Count(row => row.Diagnosis == 1);
        Assert.InRange(split.Test.Count(row => row.Diagnosis == 1), Math.Floor(benign * 114.0 / 569), Math.Ceiling(benign * 114.0 / 569));
    }

    [Fact]
    public void A_time_split_of_rows_sharing_one_timestamp_is_refused_naming_the_option()
    {
        List<Visit> sameTime = Rows.Select(row => row with { Seen = new DateTime(2026, 1, 1) }).ToList();

        var error = Assert.Throws<SplitException>(() => sameTime.Split(new SplitOptions { Kind = SplitKind.ByTime }));

        Assert.Equal("Kind", error.Option);
        Assert.Contains("leaves no training rows", error.Message);
    }

    [Fact]
    public void A_grouped_split_of_a_single_group_is_refused_naming_the_option()
    {
        List<Visit> oneGroup = Rows.Select(row => row with { Patient = 1 }).ToList();

        var error = Assert.Throws<SplitException>(() => oneGroup.Split(new SplitOptions { Kind = SplitKind.Grouped }));

        Assert.Equal("Kind", error.Option);
    }

    [Fact]
    public void A_time_split_whose_validation_part_collapses_is_refused_naming_the_option()
    {
        // Two instants: test takes the later one, and validation cannot get rows without taking all training rows.
        List<Visit> twoTimes = Rows.Select((row, i) => row with { Seen = new DateTime(2026, 1, i < Rows.Count * 3 / 4 ? 1 : 2) }).ToList();

        var error = Assert.Throws<SplitException>(() => twoTimes.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.25 }));

        Assert.Contains(error.Option, new[] { "Validation", "Kind" });
    }

    [Theory]
    [InlineData(SplitKind.Stratified)]
    [InlineData(SplitKind.Random)]
    [InlineData(SplitKind.Grouped)]
    [InlineData(SplitKind.ByTime)]
    public void A_class_too_small_to_reach_every_part_is_warned_about_in_the_split_and_the_report(SplitKind kind)
    {
        List<Visit> rows = Rows.Select(row => row with { Sick = 0 }).ToList();
        rows[0] = rows[0] with { Sick = 1 };

        DataSplit<Visit> split = rows.Split(new SplitOptions { Kind = kind, Seed = 2 });
        DataReport report = DataReport.Analyze(split);

        // One row reaches one part at most: the other two parts each get a warning.
        Assert.Equal(2, split.Warnings.Count(warning => warning.StartsWith("class 1 has 1 rows and none reaches the ", StringComparison.Ordinal)));
        Assert.Equal(split.Warnings, report.Warnings.Intersect(split.Warnings));
    }

    [Fact]
    public void A_class_spread_over_every_part_gives_no_warning()
    {
        Assert.Empty(Rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 2 }).Warnings);
    }

    [Fact]
    public void Negative_or_non_finite_sizes_are_refused_naming_the_option()
    {
        Assert.Equal("TestCount", Assert.Throws<SplitException>(() => Rows.Split(new SplitOptions { TestCount = -1 })).Option);
        Assert.Equal("Validation", Assert.Throws<SplitException>(() => Rows.Split(new SplitOptions { Validation = double.NaN })).Option);
        Assert.Equal("ValidationCount", Assert.Throws<SplitException>(() => Rows.Split(new SplitOptions { ValidationCount = Rows.Count, TestCount = null, Test = 0 })).Option);
    }
}
