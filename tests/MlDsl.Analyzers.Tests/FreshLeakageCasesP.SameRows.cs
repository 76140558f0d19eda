namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Kind 9: the same rows for training and validation through split parts: a validation sample taken from the
/// training part, the training part watched under another name, a scorer that early-stops on its own fold's training
/// rows, and a search told to validate on its training rows.
/// </summary>
public sealed partial class FreshLeakageCasesP
{
    /// <summary>Fraud: "validation" is the first thousand training transactions, watched by early stopping.</summary>
    [Fact]
    public Task Validation_taken_from_the_training_part_is_reported() => Expect(Program("""
        public static class FraudWatch
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Txn>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new FraudNet(seed: 1);
                model.Fit(split.Train, {|#0:split.Train.Take(1000).ToList()|}, new FitOptions { EarlyStoppingPatience = 5 });
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0020");

    /// <summary>Sports: the training fixtures kept under a second name that reads like a holdout.</summary>
    [Fact]
    public Task Training_part_watched_under_another_name_is_reported() => Expect(Program("""
        public static class FootballWatch
        {
            public static void Run(string path)
            {
                var (train, _, test) = CsvFile.Read<Fixture>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                IReadOnlyList<Fixture> holdout = train;
                using var model = new FixtureNet(seed: 2);
                model.Fit(train, {|#0:holdout|}, new FitOptions { Epochs = 100, EarlyStoppingPatience = 8 });
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0020");

    /// <summary>A cross-validation scorer written by hand that early-stops on its fold's own training rows.</summary>
    [Fact]
    public Task Fold_scorer_that_early_stops_on_its_own_training_rows_is_reported() => Expect(Program("""
        public static class ReviewFolds
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Review>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                FoldScorer<Review> scorer = (foldTrain, foldValidation) =>
                {
                    using var model = new ReviewNet(seed: 3);
                    model.Fit(foldTrain, {|#0:foldTrain|}, new FitOptions { EarlyStoppingPatience = 3 });
                    return model.Evaluate(foldValidation).Accuracy;
                };
                Console.WriteLine(CrossValidation.Run(split.Train, scorer));
            }
        }
        """), "MLDSL0020");

    /// <summary>A random search over learning rates told to validate on the training subscribers.</summary>
    [Fact]
    public Task Search_validated_on_its_training_rows_is_reported() => Expect(Program("""
        public static class ChurnSearch
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Subscriber>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                var search = RandomSearch.OnValidation(split.Train, {|#0:split.Train|}, random => Math.Pow(10, -4 + 3 * random.NextDouble()), 8, 1,
                    rate => CrossValidation.TrainModel<Subscriber, ChurnNet>(() => new ChurnNet(seed: 1), new FitOptions { LearningRate = rate }));
                using var model = new ChurnNet(seed: 1);
                model.Fit(split.Train, split.Validation, new FitOptions { LearningRate = search.BestParameters });
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0020");
}
