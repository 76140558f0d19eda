// These tests cut grouped rows into every kind of fold on purpose, KFold and Stratified included.
#pragma warning disable MLDSL0019

using System.Text.Json;
using MlDsl.Data.Splits;
using MlDsl.Data.Steps;
using static MlDsl.Tests.Data.Steps.SklearnReference;

namespace MlDsl.Tests.Data.Steps;

public sealed class FoldsTests
{
    private static readonly JsonElement Reference = Get("folds");

    /// <summary>The reference rows in time order, with its labels and groups.</summary>
    private static Sample[] Rows()
    {
        int[] y = Reference.GetProperty("y").Ints(), groups = Reference.GetProperty("groups").Ints();
        return Enumerable.Range(0, Reference.GetProperty("n").GetInt32())
            .Select(i => new Sample { X = [i, 0, 0, 0], Y = y[i], Group = groups[i], Time = new DateTime(2026, 3, 1).AddHours(i) }).ToArray();
    }

    [Theory]
    [InlineData("kfold_5", FoldKind.KFold, 5)]
    [InlineData("kfold_3", FoldKind.KFold, 3)]
    [InlineData("stratified_3", FoldKind.Stratified, 3)]
    [InlineData("grouped_3", FoldKind.Grouped, 3)]
    [InlineData("time_series_3", FoldKind.TimeSeries, 3)]
    public void Folds_are_scikit_learns_index_for_index(string name, FoldKind kind, int folds)
    {
        IReadOnlyList<Fold> actual = Folds.Of(Rows(), new FoldOptions { Kind = kind, Folds = folds });

        AssertFolds(Reference.GetProperty(name), actual);
    }

    [Fact]
    public void Time_series_gap_max_train_size_and_test_size_match_scikit_learn()
    {
        IReadOnlyList<Fold> actual = Folds.Of(Rows(), new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 3, Gap = 1, MaxTrainSize = 4, TestSize = 2 });

        AssertFolds(Reference.GetProperty("time_series_gap"), actual);
    }

    [Fact]
    public void Time_series_folds_follow_the_timestamps_not_the_row_order()
    {
        Sample[] reversed = Rows().Reverse().ToArray();

        IReadOnlyList<Fold> folds = Folds.Of(reversed, new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 3 });

        Assert.All(folds, fold => Assert.True(fold.Train.Max(i => reversed[i].Time) < fold.Validation.Min(i => reversed[i].Time)));
    }

    private static void AssertFolds(JsonElement expected, IReadOnlyList<Fold> actual)
    {
        JsonElement[] folds = expected.EnumerateArray().ToArray();
        Assert.Equal(folds.Length, actual.Count);
        for (int i = 0; i < folds.Length; i++)
        {
            Assert.Equal(folds[i].GetProperty("train").Ints(), actual[i].Train);
            Assert.Equal(folds[i].GetProperty("validation").Ints(), actual[i].Validation);
        }
    }

    [Fact]
    public void Shuffled_folds_still_cover_every_row_once_and_keep_class_shares()
    {
        Sample[] rows = Rows();

        IReadOnlyList<Fold> folds = Folds.Of(rows, new FoldOptions { Kind = FoldKind.Stratified, Folds = 3, Shuffle = true, Seed = 4 });

        Assert.Equal(Enumerable.Range(0, rows.Length), folds.SelectMany(fold => fold.Validation).Order());
        Assert.All(folds, fold => Assert.InRange(fold.Validation.Count(i => rows[i].Y == 0), 2, 3)); // 7 rows of class 0 over 3 folds
    }

    [Fact]
    public void Impossible_fold_counts_name_the_option_and_the_limit()
    {
        Sample[] rows = Rows();

        var groups = Assert.Throws<DataStepException>(() => Folds.Of(rows, new FoldOptions { Kind = FoldKind.Grouped, Folds = 7 }));
        var tooMany = Assert.Throws<DataStepException>(() => Folds.Of(rows, new FoldOptions { Folds = 14 }));
        var one = Assert.Throws<DataStepException>(() => Folds.Of(rows, new FoldOptions { Folds = 1 }));

        Assert.Contains("Folds = 7 but there are only 6 groups; expected at most 6 folds", groups.Message);
        Assert.Contains("only 13 rows", tooMany.Message);
        Assert.Equal("Folds", one.Option);
        Assert.Contains("Grouped folds need a [GroupKey] member, and Measured has none",
            Assert.Throws<DataStepException>(() => Folds.Of(new[] { new Measured { X = [1, 2, 3, 4] } }, new FoldOptions { Kind = FoldKind.Grouped })).Message);
    }
}
