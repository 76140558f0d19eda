using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixJ's kinds, each with leaky variants written differently, their fixes and look-alikes that must stay silent:
/// scores written by hand and choices on test made through helpers (K5), and the refit on train+validation after a
/// choice scored on validation (K6). Both leakage analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed class LeakageHandWrittenScoresAndRefitTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Loan
        {
            [Feature] public float Income { get; init; }
            [Feature] public float Debt { get; init; }
            [Label(Classes = 2)] public int Defaulted { get; init; }
        }

        [Model(typeof(Loan))]
        public sealed partial class LoanNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public sealed record Raw(float Income, float Debt, int Defaulted);
        """;

    private static string Script(string body) => Usings + "public static class Script\n{\n" + body + "\n}\n" + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    // ───────────── K5: a score written by hand is a score ─────────────

    private const string CountAccuracy = """
            static double Accuracy(LoanNet net, IReadOnlyList<Loan> rows) => (double)rows.Count(r => net.Predict(r) == r.Defaulted) / rows.Count;

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(train, validation);
                Console.WriteLine(Accuracy(net, ROWS));
            }
        """;

    [Fact]
    public Task Accuracy_helper_counting_right_predictions_with_LINQ_on_the_training_rows_is_reported() =>
        Expect(Script(CountAccuracy.Replace("ROWS", "{|#0:train|}")), "MLDSL0027");

    [Fact]
    public Task Accuracy_helper_counting_right_predictions_with_LINQ_on_the_test_rows_is_silent() =>
        Expect(Script(CountAccuracy.Replace("ROWS", "test")));

    private const string LoopAccuracy = """
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(train, validation);
                int right = 0;
                foreach (Loan loan in ROWS)
                    if (net.Predict(MARK) == loan.Defaulted) right += 1;
                Console.WriteLine($"accuracy {(double)right / ROWS.Count:P1}");
            }
        """;

    [Fact]
    public Task Right_predictions_counted_inline_over_the_training_rows_are_reported() =>
        Expect(Script(LoopAccuracy.Replace("ROWS", "train").Replace("MARK", "{|#0:loan|}")), "MLDSL0027");

    [Fact]
    public Task Right_predictions_counted_inline_over_the_test_rows_are_silent() =>
        Expect(Script(LoopAccuracy.Replace("ROWS", "test").Replace("MARK", "loan")));

    [Fact]
    public Task Predicted_positives_counted_on_the_training_rows_without_the_labels_are_no_score_and_silent() => Expect(Script("""
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(train, validation);
                int flagged = train.Count(r => net.Predict(r) == 1);
                Console.WriteLine($"{flagged} training loans flagged; test accuracy {net.Evaluate(test).Accuracy:P1}");
            }
        """));

    // ───────────── K5: a choice made on test scores a helper computes ─────────────

    private const string ThresholdByHelper = """
            static double Agreement(float[][] probabilities, IReadOnlyList<Loan> rows, float threshold)
            {
                int agree = 0;
                for (int i = 0; i < rows.Count; i++)
                    if (probabilities[i][1] >= threshold == (rows[i].Defaulted == 1)) agree++;
                return agree / (double)rows.Count;
            }

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(train, validation);
                float[][] tuning = net.PredictProbabilities(TUNING);
                float best = new[] { 0.3f, 0.5f, 0.7f }.MaxBy(t => Agreement(tuning, TUNEDON, t));
                float[][] onTest = net.PredictProbabilities(test);
                Console.WriteLine($"threshold {best}: test agreement {Agreement(onTest, test, best):P1}");
            }
        """;

    [Fact]
    public Task Threshold_maximising_a_helpers_hand_written_score_on_test_predictions_is_reported() =>
        Expect(Script(ThresholdByHelper.Replace("TUNING", "{|#0:test|}").Replace("TUNEDON", "test")), "MLDSL0018");

    [Fact]
    public Task Threshold_maximising_a_helpers_hand_written_score_on_validation_predictions_is_silent() =>
        Expect(Script(ThresholdByHelper.Replace("TUNING", "validation").Replace("TUNEDON", "validation")));

    private const string UnfollowedRows = """
            static IReadOnlyList<Loan> Features(List<Raw> raw) => raw.Select(r => new Loan { Income = r.Income, Debt = r.Debt, Defaulted = r.Defaulted }).ToList();

            static double Score(IReadOnlyList<Loan> rows, int epochs)
            {
                using var net = new LoanNet();
                net.Fit(rows.Take(rows.Count / 2).ToList(), null, new FitOptions { Epochs = epochs });
                return net.Evaluate(rows.Skip(rows.Count / 2).ToList()).Accuracy;
            }

            public static void Main()
            {
                var raw = new List<Raw>();
                raw.Add(new Raw(1, 2, 0));
                var (train, _, test) = Features(raw).Split(new SplitOptions { Validation = 0, Test = 0.2 });
                int epochs = new[] { 5, 10, 20 }.OrderByDescending(e => SCORED).First();
                using var final = new LoanNet();
                final.Fit(train, null, new FitOptions { Epochs = epochs });
                Console.WriteLine(final.Evaluate(test).Accuracy);
            }
        """;

    [Fact]
    public Task Epochs_ordered_by_a_helpers_score_on_the_test_part_of_rows_built_from_plain_records_is_reported() =>
        Expect(Script(UnfollowedRows.Replace("SCORED", "{|#0:Score(test, e)|}")), "MLDSL0018");

    [Fact]
    public Task Epochs_ordered_by_a_helpers_score_on_the_training_part_of_rows_built_from_plain_records_is_silent() =>
        Expect(Script(UnfollowedRows.Replace("SCORED", "Score(train, e)")));

    [Fact]
    public Task Test_scores_of_seeds_returned_by_a_helper_and_only_averaged_are_silent() => Expect(Script("""
            static double Score(LoanNet net, IReadOnlyList<Loan> rows) => (double)rows.Count(r => net.Predict(r) == r.Defaulted) / rows.Count;

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scores = new List<double>();
                foreach (long seed in new long[] { 1, 2, 3 })
                {
                    using var net = new LoanNet();
                    net.Fit(train, validation, new FitOptions { Seed = seed });
                    scores.Add(Score(net, test));
                }
                Console.WriteLine($"test accuracy over seeds {scores.Average():P1}");
            }
        """));

    // ───────────── K6: statistics of train+validation: the refit after the choice, or a leak before or during it ─────────────

    [Fact]
    public Task Scaler_fitted_on_train_and_validation_before_early_stopping_on_validation_is_reported() => Expect(Script("""
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var both = train.Concat(validation).ToList();
                var scaler = Standardizer.Fit({|#0:both|});
                using var net = new LoanNet();
                net.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { EarlyStoppingPatience = 3 });
                Console.WriteLine(net.Evaluate(scaler.Apply(test)).Accuracy);
            }
        """), "MLDSL0016");

    private const string RateSearch = """
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scores = new Dictionary<double, double>();
                foreach (double rate in new[] { 1e-2, 1e-3 })
                {
                    var scaler = MinMaxScaler.Fit(SEARCHROWS);
                    using var net = new LoanNet();
                    net.Fit(scaler.Apply(train), null, new FitOptions { LearningRate = rate });
                    scores[rate] = net.Evaluate(scaler.Apply(validation)).Accuracy;
                }
                double bestRate = scores.MaxBy(kv => kv.Value).Key;

                List<Loan> everything = [.. train, .. validation];
                var finalScaler = MinMaxScaler.Fit(everything);
                using var final = new LoanNet();
                final.Fit(finalScaler.Apply(everything), null, new FitOptions { LearningRate = bestRate });
                Console.WriteLine(final.Evaluate(finalScaler.Apply(test)).Accuracy);
            }
        """;

    [Fact]
    public Task Scaler_fitted_on_train_and_validation_inside_a_search_scored_on_validation_is_reported() =>
        Expect(Script(RateSearch.Replace("SEARCHROWS", "{|#0:train.Union(validation).ToList()|}")), "MLDSL0016");

    [Fact]
    public Task Search_with_a_scaler_of_the_training_rows_then_a_refit_on_train_and_validation_is_silent() =>
        Expect(Script(RateSearch.Replace("SEARCHROWS", "train")));

    private const string HelperSearch = """
            static int BestEpochs(IReadOnlyList<Loan> fit, IReadOnlyList<Loan> check)
            {
                var scores = new Dictionary<int, double>();
                foreach (int epochs in new[] { 5, 10 })
                {
                    using var net = new LoanNet();
                    net.Fit(fit, null, new FitOptions { Epochs = epochs });
                    scores[epochs] = net.Evaluate(check).Accuracy;
                }
                return scores.MaxBy(kv => kv.Value).Key;
            }

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var refitScaler = Standardizer.Fit(REFITROWS);
                var searchScaler = Standardizer.Fit(train);
                int epochs = BestEpochs(SEARCHSCALER.Apply(train), SEARCHSCALER.Apply(validation));
                using var final = new LoanNet();
                final.Fit(refitScaler.Apply(train.Concat(validation).ToList()), null, new FitOptions { Epochs = epochs });
                Console.WriteLine(final.Evaluate(refitScaler.Apply(test)).Accuracy);
            }
        """;

    [Fact]
    public Task Scaler_of_train_and_validation_whose_rows_a_helper_scores_its_candidates_on_is_reported() =>
        Expect(Script(HelperSearch.Replace("REFITROWS", "{|#0:train.Concat(validation).ToList()|}").Replace("SEARCHSCALER", "refitScaler")), "MLDSL0016");

    [Fact]
    public Task Refit_scaler_of_train_and_validation_written_before_the_search_but_never_reaching_it_is_silent() =>
        Expect(Script(HelperSearch.Replace("REFITROWS", "train.Concat(validation).ToList()").Replace("SEARCHSCALER", "searchScaler")));
}
