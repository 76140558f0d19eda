using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixL's kinds: folds and parts of parts, followed by the data (splitting the training part again keeps "training"; a
/// fold's held-out rows are a fold whatever their variable is called), and scores on rows the model trained on. Each kind
/// has its leak, its fix and look-alikes that must stay silent. Both leakage analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed class LeakageFoldsAndPartsOfPartsTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record House
        {
            [Feature] public float LotArea { get; init; }
            [Feature] public float GrLivArea { get; init; }
            [Feature] public float Score { get; init; }
            [Label] public float SalePrice { get; init; }
        }

        [Model(typeof(House))]
        public sealed partial class HouseNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }
        """;

    private static string Script(string body) => Usings + "public static class Script\n{\n" + body + "\n}\n" + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    // ───────── a statistic of a whole part whose inner windows are scored (walk-forward backtest) ─────────

    private const string Backtest = """
        public static void Main()
        {
            var (train, _, test) = CsvFile.Read<House>("sales.csv").Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0 });
            List<House> history = train.ToList();
            //OUTSIDE
            var errors = new List<double>();
            for (int w = 3; w >= 1; w--)
            {
                int cut = history.Count - w * 50;
                List<House> past = history.Take(cut).ToList();
                List<House> next = history.Skip(cut).Take(50).ToList();
                //INSIDE
                using var model = new HouseNet();
                model.Fit(scaler.Apply(past), null, new FitOptions { Epochs = 5 });
                House[] scored = scaler.Apply(next);
                errors.Add(scored.Zip(model.Predict(scored), (h, p) => Math.Abs(h.SalePrice - p)).Average());
            }
            Console.WriteLine($"backtest MAE {errors.Average():F1}");
        }
        """;

    [Fact]
    public Task Scaler_fitted_on_the_whole_history_before_a_walk_forward_backtest_is_reported() =>
        Expect(Script(Backtest.Replace("//OUTSIDE", "var scaler = Standardizer.Fit({|#0:history|});").Replace("//INSIDE", "")), "MLDSL0016");

    [Fact]
    public Task Scaler_fitted_on_each_windows_past_is_silent() =>
        Expect(Script(Backtest.Replace("//OUTSIDE", "").Replace("//INSIDE", "var scaler = Standardizer.Fit(past);")));

    // ───────── a hand-written fold loop holds out only what it scores ─────────

    private const string FoldLoop = """
        public static void Main()
        {
            var (train, _, test) = CsvFile.Read<House>("sales.csv").Split(new SplitOptions { Validation = 0, Seed = 3 });
            var scaler = Standardizer.Fit(train);
            House[] scaled = scaler.Apply(train);
            var outOfFold = new float[scaled.Length];
            foreach (Fold fold in Folds.Of(scaled, new FoldOptions { Folds = 4 }))
            {
                using var member = new HouseNet();
                member.Fit(fold.Train.Select(i => scaled[i]).ToArray(), null, new FitOptions { Epochs = 5 });
                //HELD
            }
            House[] stacked = scaled.Select((h, i) => h with { Score = outOfFold[i] }).ToArray();
            using var meta = new HouseNet();
            meta.Fit(stacked, null, new FitOptions { Epochs = 5 });
            House[] scaledTest = scaler.Apply(test);
            using var probe = new HouseNet();
            probe.Fit(scaled, null, new FitOptions { Epochs = 5 });
            float[] testScores = probe.Predict(scaledTest);
            Console.WriteLine(meta.Evaluate(scaledTest.Select((h, i) => h with { Score = testScores[i] }).ToArray()).MeanAbsoluteError);
        }
        """;

    [Fact]
    public Task Out_of_fold_predictions_over_scaled_training_rows_made_into_a_feature_are_silent() =>
        Expect(Script(FoldLoop.Replace("//HELD", """
                float[] predicted = member.Predict(fold.Validation.Select(i => scaled[i]).ToArray());
                for (int k = 0; k < fold.Validation.Length; k++) outOfFold[fold.Validation[k]] = predicted[k];
            """)));

    // ───────── a fold's held-out rows are a fold, whatever the variable is called ─────────

    [Fact]
    public Task Fold_held_out_rows_named_test_and_averaged_are_silent() => Expect(Script("""
        public static void Main()
        {
            IReadOnlyList<House> rows = CsvFile.Read<House>("sales.csv");
            var maes = new List<double>();
            foreach (Fold fold in Folds.Of(rows, new FoldOptions { Folds = 5, Shuffle = true, Seed = 1 }))
            {
                var foldTrain = fold.Train.Select(i => rows[i]).ToList();
                var foldTest = (from i in fold.Validation select rows[i]).ToList();
                var scaler = Standardizer.Fit(foldTrain);
                using var model = new HouseNet();
                model.Fit(scaler.Apply(foldTrain), null, new FitOptions { Epochs = 5 });
                maes.Add(model.Evaluate(scaler.Apply(foldTest)).MeanAbsoluteError);
            }
            Console.WriteLine($"CV MAE {maes.Average():F1}");
        }
        """));

    // ───────── a helper trains its own model on rows that contain the rows it scores ─────────

    private const string ScoreHelper = """
        static double Score(IReadOnlyList<House> fitRows, IReadOnlyList<House> heldRows)
        {
            var scaler = Standardizer.Fit(fitRows);
            using var model = new HouseNet();
            model.Fit(scaler.Apply(fitRows), null, new FitOptions { Epochs = 5 });
            return model.Evaluate(scaler.Apply(heldRows)).MeanAbsoluteError;
        }

        public static void Main()
        {
            var (train, _, test) = CsvFile.Read<House>("sales.csv").Split(new SplitOptions { Validation = 0 });
            var scores = new List<double>();
            foreach (Fold fold in Folds.Of(train, new FoldOptions { Folds = 4 }))
            {
                var inner = fold.Train.Select(i => train[i]).ToArray();
                var held = fold.Validation.Select(i => train[i]).ToArray();
                scores.Add(//CALL);
            }
            Console.WriteLine(scores.Average());
        }
        """;

    [Fact]
    public Task Fold_scored_by_a_helper_trained_on_every_training_row_is_reported() =>
        Expect(Script(ScoreHelper.Replace("//CALL", "{|#0:Score(train, held)|}")), "MLDSL0020");

    [Fact]
    public Task Fold_scored_by_a_helper_trained_on_the_folds_training_rows_is_silent() =>
        Expect(Script(ScoreHelper.Replace("//CALL", "Score(inner, held)")));

    // ───────── a model scored only on its training rows: reported once, at its last score ─────────

    private const string TrainAndTest = """
        public static void Main()
        {
            var split = CsvFile.Read<House>("sales.csv").Split(new SplitOptions { Validation = 0 });
            using var model = new HouseNet();
            model.Fit(split.Train, null, new FitOptions { Epochs = 5 });
            double fitted = model.Evaluate(split.Train).MeanAbsoluteError;
            double reported = model.Evaluate(//LAST).MeanAbsoluteError;
            Console.WriteLine(reported - fitted > 1000 ? "overfitting" : $"MAE {reported:F0}");
        }
        """;

    [Fact]
    public Task Final_score_and_its_comparison_both_on_training_rows_are_reported_once() =>
        Expect(Script(TrainAndTest.Replace("//LAST", "{|#0:split.Train|}")), "MLDSL0027");

    [Fact]
    public Task Training_score_beside_a_test_score_compared_as_a_gap_is_silent() =>
        Expect(Script(TrainAndTest.Replace("//LAST", "split.Test")));

    // ───────── a holdout carved from the training part for early stopping ─────────

    private const string Carved = """
        public static void Main()
        {
            var outer = CsvFile.Read<House>("sales.csv").Split(new SplitOptions { Validation = 0.15, Test = 0.15, Seed = 2 });
            var inner = outer.Train.Split(new SplitOptions { Validation = 0, Test = 0.1, Seed = 3 });
            using var model = new HouseNet();
            model.Fit(inner.Train, inner.Test, new FitOptions { Epochs = 50, EarlyStoppingPatience = 4 });
            Console.WriteLine($"{model.Evaluate(//SCORED).MeanAbsoluteError:F0} / {model.Evaluate(outer.Test).MeanAbsoluteError:F0}");
        }
        """;

    [Fact]
    public Task Early_stopping_holdout_carved_from_training_scored_beside_test_is_reported() =>
        Expect(Script(Carved.Replace("//SCORED", "{|#0:inner.Test|}")), "MLDSL0027");

    [Fact]
    public Task Outer_validation_scored_beside_test_after_early_stopping_on_a_carved_holdout_is_silent() =>
        Expect(Script(Carved.Replace("//SCORED", "outer.Validation")));
}
