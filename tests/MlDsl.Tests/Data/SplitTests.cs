// These tests split grouped, timestamped rows every way on purpose, random included.
#pragma warning disable MLDSL0019

using MlDsl.Data.Splits;
using MlDsl.Examples.BreastCancer;

namespace MlDsl.Tests.Data;

public sealed class SplitTests
{
    private static readonly List<Visit> Rows = Visits.Make();

    [Theory]
    [InlineData(SplitKind.Random)]
    [InlineData(SplitKind.Stratified)]
    [InlineData(SplitKind.Grouped)]
    [InlineData(SplitKind.ByTime)]
    public void Every_split_is_a_partition_and_reproducible_from_its_seed(SplitKind kind)
    {
        var options = new SplitOptions { Kind = kind, Validation = 0.15, Test = 0.2, Seed = 3 };

        DataSplit<Visit> first = Rows.Split(options), again = Rows.Split(options);

        Assert.Equal(Rows.Count, first.Train.Count + first.Validation.Count + first.Test.Count);
        Assert.Equal(Rows.Count, first.Train.Concat(first.Validation).Concat(first.Test).Distinct().Count());
        Assert.Equal(first.Train, again.Train);
        Assert.Equal(first.Test, again.Test);
        Assert.InRange(first.Test.Count, Rows.Count * 0.2 - 6, Rows.Count * 0.2 + 6);
        Assert.InRange(first.Validation.Count, Rows.Count * 0.15 - 6, Rows.Count * 0.15 + 6);
    }

    [Fact]
    public void A_different_seed_gives_a_different_random_split()
    {
        Assert.NotEqual(Rows.Split(new SplitOptions { Seed = 1 }).Test, Rows.Split(new SplitOptions { Seed = 2 }).Test);
    }

    [Fact]
    public void Counts_override_fractions()
    {
        DataSplit<Visit> split = Rows.Split(new SplitOptions { ValidationCount = 10, TestCount = 25 });

        Assert.Equal((10, 25), (split.Validation.Count, split.Test.Count));
    }

    [Fact]
    public void Grouped_split_never_puts_a_patient_in_two_splits()
    {
        DataSplit<Visit> split = Rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 5 });

        var train = split.Train.Select(row => row.Patient).ToHashSet();
        var validation = split.Validation.Select(row => row.Patient).ToHashSet();
        var test = split.Test.Select(row => row.Patient).ToHashSet();
        Assert.Empty(train.Intersect(validation));
        Assert.Empty(train.Intersect(test));
        Assert.Empty(validation.Intersect(test));
    }

    [Fact]
    public void Time_split_puts_training_strictly_before_validation_strictly_before_test()
    {
        DataSplit<Visit> split = Rows.Split(new SplitOptions { Kind = SplitKind.ByTime });

        Assert.True(split.Train.Max(row => row.Seen) < split.Validation.Min(row => row.Seen));
        Assert.True(split.Validation.Max(row => row.Seen) < split.Test.Min(row => row.Seen));
    }

    [Fact]
    public void Stratified_split_keeps_the_class_shares_of_the_real_breast_cancer_data()
    {
        IReadOnlyList<Tumour> tumours = BreastCancerRows.Load();
        double overall = tumours.Average(row => row.Diagnosis);
        // How far a part's count of class 1 is from the overall share of its size, in rows.
        double Off(IReadOnlyList<Tumour> part) => Math.Abs(part.Sum(row => row.Diagnosis) - overall * part.Count);
        DataSplit<Tumour> Split(SplitKind kind, int seed) => tumours.Split(new SplitOptions { Kind = kind, Validation = 0.15, Test = 0.2, Seed = seed });

        // Every seed: each part holds the overall share to within a row of rounding.
        foreach (DataSplit<Tumour> split in Enumerable.Range(1, 10).Select(seed => Split(SplitKind.Stratified, seed)))
            Assert.True(Off(split.Train) <= 1 && Off(split.Validation) <= 1 && Off(split.Test) <= 1,
                $"class-1 counts off the overall share by {Off(split.Train):F1} / {Off(split.Validation):F1} / {Off(split.Test):F1} rows");
        // The same sizes drawn at random miss it by more on these rows, so the check above is stratification's doing.
        Assert.Contains(Enumerable.Range(1, 10), seed => Off(Split(SplitKind.Random, seed).Test) > 3);
    }

    [Fact]
    public void A_grouped_split_of_a_dataset_without_group_key_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Grouped }));

        Assert.Equal("A grouped split needs a [GroupKey] member, and Tumour has none.", error.Message);
    }

    [Fact]
    public void Sizes_that_leave_no_training_rows_are_refused()
    {
        var error = Assert.Throws<SplitException>(() => Rows.Split(new SplitOptions { Validation = 0.5, Test = 0.5 }));

        Assert.Equal("Test", error.Option);
    }
}
