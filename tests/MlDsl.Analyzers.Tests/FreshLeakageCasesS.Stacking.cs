namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set S, in-sample stacking (MLDSL0028): a first model's theft score for every meter it was fitted on, written in a
/// foreach, and a forager score kept in a <c>Func</c> lambda mapped over the training hives; beside predictions for rows
/// the first model never saw and out-of-fold predictions made fold by fold.
/// </summary>
public sealed partial class FreshLeakageCasesS
{
    [Fact]
    public Task Theft_score_of_every_meter_the_first_model_fitted_written_in_a_foreach_is_reported() => Expect(Program("""
        public static class TheftStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<Meter> meters = CsvFile.Read<Meter>(path);
                using var first = new TheftNet(seed: 1);
                first.Fit(meters);
                var stacked = new List<Meter>();
                foreach (Meter m in meters)
                    stacked.Add(m with { PeerRatio = {|#0:first.Predict(m)|} });
                var split = stacked.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var second = new TheftNet(seed: 2);
                second.Fit(split.Train, split.Validation);
                Console.WriteLine(second.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0028");

    [Fact]
    public Task Theft_score_of_meters_the_first_model_never_saw_written_in_a_foreach_stays_silent() => Expect(Program("""
        public static class TheftStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Meter>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var first = new TheftNet(seed: 1);
                first.Fit(train);
                var stackedValidation = new List<Meter>();
                foreach (Meter m in validation)
                    stackedValidation.Add(m with { PeerRatio = first.Predict(m) });
                var stackedTest = new List<Meter>();
                foreach (Meter m in test)
                    stackedTest.Add(m with { PeerRatio = first.Predict(m) });
                using var second = new TheftNet(seed: 2);
                second.Fit(stackedValidation);
                Console.WriteLine(second.Evaluate(stackedTest).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Forager_score_kept_in_a_func_lambda_mapped_over_the_training_hives_is_reported() => Expect(Program("""
        public static class ColonyStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Hive>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var first = new HiveNet(seed: 1);
                first.Fit(split.Train);
                Func<Hive, Hive> withScore = h => h with { ForagerActivity = {|#0:first.Predict(h)|} };
                List<Hive> stacked = split.Train.Select(withScore).ToList();
                using var second = new HiveNet(seed: 2);
                second.Fit(stacked, split.Validation.Select(withScore).ToList());
                Console.WriteLine(second.Evaluate(split.Test.Select(withScore).ToList()).Accuracy);
            }
        }
        """), "MLDSL0028");

    [Fact]
    public Task Out_of_fold_forager_scores_made_fold_by_fold_stay_silent() => Expect(Program("""
        public static class ColonyStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Hive>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                IReadOnlyList<Hive> train = split.Train;
                var outOfFold = new Hive[train.Count];
                foreach (Fold fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 }))
                {
                    using var first = new HiveNet(seed: 1);
                    first.Fit(fold.Train.Select(i => train[i]).ToList());
                    foreach (int i in fold.Validation)
                        outOfFold[i] = train[i] with { ForagerActivity = first.Predict(train[i]) };
                }
                using var full = new HiveNet(seed: 1);
                full.Fit(train);
                Func<Hive, Hive> withScore = h => h with { ForagerActivity = full.Predict(h) };
                using var second = new HiveNet(seed: 2);
                second.Fit(outOfFold, split.Validation.Select(withScore).ToList());
                Console.WriteLine(second.Evaluate(split.Test.Select(withScore).ToList()).Accuracy);
            }
        }
        """));
}
