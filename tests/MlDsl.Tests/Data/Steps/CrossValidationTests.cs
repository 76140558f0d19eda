// These tests cut grouped rows into every kind of fold on purpose, KFold and Stratified included.
#pragma warning disable MLDSL0019

using MlDsl.Data.Splits;
using MlDsl.Data.Steps;
using MlDsl.Data.Transforms;
using MlDsl.Data.Tuning;
using MlDsl.Examples.BreastCancer;
using MlDsl.Training;

namespace MlDsl.Tests.Data.Steps;

public sealed class CrossValidationTests
{
    private static Sample[] Rows(int count = 20) =>
        Enumerable.Range(0, count).Select(i => new Sample { X = [i, i * i, 1, -i], Y = i % 3, Group = i % 5, Time = new DateTime(2026, 1, 1).AddDays(i) }).ToArray();

    [Fact]
    public void Preparation_is_refitted_on_each_folds_training_rows_only()
    {
        Sample[] rows = Rows();
        var fittedOn = new List<int[]>();
        var validationMeans = new List<double>();

        CrossValidation.Run(rows, (train, validation) =>
            {
                // Standardized with the fold's training statistics: zero mean there, not on the validation rows.
                Assert.InRange(train.Average(row => row.X[0]), -1e-5, 1e-5);
                validationMeans.Add(validation.Average(row => row.X[0]));
                return 0;
            },
            new FoldOptions { Folds = 4 },
            prepare: train => { fittedOn.Add(train.Select(row => Array.IndexOf(rows, row)).ToArray()); return Standardizer.Fit(train).Apply; });

        Assert.Equal(Folds.Of(rows, new FoldOptions { Folds = 4 }).Select(fold => fold.Train), fittedOn);
        Assert.All(validationMeans, mean => Assert.True(Math.Abs(mean) > 0.1));
    }

    [Fact]
    public void Scores_come_back_per_fold_with_mean_and_population_deviation()
    {
        CrossValidationResult result = CrossValidation.Run(Rows(), (train, validation) => validation.Min(row => row.X[0]), new FoldOptions { Folds = 4 });

        Assert.Equal(new double[] { 0, 5, 10, 15 }, result.Folds.Select(fold => fold.Score));
        Assert.Equal(new[] { 15, 15, 15, 15 }, result.Folds.Select(fold => fold.TrainRows));
        Assert.Equal(7.5, result.Mean);
        Assert.Equal(Math.Sqrt(31.25), result.StandardDeviation, 12);
        Assert.Equal("7.5 ± 5.59 over 4 folds", result.ToString());
    }

    [Fact]
    public void A_model_trains_and_scores_on_every_fold_of_the_real_breast_cancer_rows()
    {
        DataSplit<Tumour> split = BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });

        CrossValidationResult result = CrossValidation.Run(split,
            CrossValidation.TrainModel<Tumour, TumourMlp>(() => new TumourMlp(seed: 1), new FitOptions { Epochs = 8, BatchSize = 32, LearningRate = 3e-3, Seed = 1 }),
            new FoldOptions { Kind = FoldKind.Stratified, Folds = 3 },
            prepare: train => Standardizer.Fit(train).Apply);

        Assert.Equal(3, result.Folds.Count);
        Assert.Equal(split.Train.Count, result.Folds.Sum(fold => fold.ValidationRows));
        Assert.All(result.Folds, fold => Assert.InRange(fold.Score, 0.85, 1.0));
    }

    [Fact]
    public void Grid_search_picks_the_best_mean_score_scoring_every_candidate_on_the_same_folds()
    {
        var validationSets = new Dictionary<int, List<string>>();
        FoldScorer<Sample> Scorer(int parameter) => (train, validation) =>
        {
            validationSets.TryAdd(parameter, new List<string>());
            validationSets[parameter].Add(string.Join(",", validation.Select(row => row.X[0])));
            return -(parameter - 3) * (parameter - 3) + validation.Count * 0.001;
        };

        SearchResult<int> result = GridSearch.CrossValidate(Rows(), new[] { 1, 2, 3, 4, 5 }, Scorer, new FoldOptions { Kind = FoldKind.KFold, Folds = 3, Shuffle = true, Seed = 2 });

        Assert.Equal(3, result.BestParameters);
        Assert.Equal(5, result.Candidates.Count);
        Assert.All(validationSets.Values, sets => Assert.Equal(validationSets[1], sets));
    }

    [Fact]
    public void Scoring_on_the_validation_split_never_reads_its_test_rows()
    {
        DataSplit<Sample> split = Rows(40).Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.2, Test = 0.2, Seed = 1 });
        var seen = new HashSet<Sample>();
        FoldScorer<Sample> Scorer((double Rate, int Width) parameters) => (train, validation) =>
        {
            seen.UnionWith(train);
            seen.UnionWith(validation);
            return parameters.Rate * parameters.Width;
        };

        SearchResult<(double, int)> grid = GridSearch.OnValidation(split, GridSearch.Grid(new[] { 0.1, 0.2 }, new[] { 8, 16 }), Scorer);
        SearchResult<(double, int)> random = RandomSearch.OnValidation(split, r => (r.NextDouble(), r.Next(1, 100)), iterations: 6, seed: 5, Scorer);

        Assert.Equal((0.2, 16), grid.BestParameters);
        Assert.Equal(6, random.Candidates.Count);
        Assert.Empty(seen.Intersect(split.Test));
        Assert.Equal(split.Train.Count + split.Validation.Count, seen.Count);
    }

    [Fact]
    public void Random_search_is_reproducible_from_its_seed()
    {
        FoldScorer<Sample> Scorer(double parameter) => (_, _) => -Math.Abs(parameter - 0.5);

        SearchResult<double> first = RandomSearch.CrossValidate(Rows(), r => r.NextDouble(), 8, seed: 11, Scorer);
        SearchResult<double> second = RandomSearch.CrossValidate(Rows(), r => r.NextDouble(), 8, seed: 11, Scorer);

        Assert.Equal(first.Candidates.Select(c => c.Parameters), second.Candidates.Select(c => c.Parameters));
        Assert.Equal(first.Candidates.MinBy(c => Math.Abs(c.Parameters - 0.5))!.Parameters, first.BestParameters);
        Assert.Equal("iterations", Assert.Throws<DataStepException>(() => RandomSearch.CrossValidate(Rows(), r => r.NextDouble(), 0, 1, Scorer)).Option);
    }

    [Fact]
    public void A_score_that_is_not_a_number_or_no_candidates_are_refused()
    {
        var nan = Assert.Throws<DataStepException>(() => CrossValidation.Run(Rows(), (_, _) => double.NaN));
        var none = Assert.Throws<DataStepException>(() => GridSearch.CrossValidate(Rows(), Array.Empty<int>(), _ => (_, _) => 1));

        Assert.Contains("the scorer returned NaN on fold 0", nan.Message);
        Assert.Equal("candidates", none.Option);
    }
}
