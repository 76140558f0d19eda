using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixQ's kinds (issue 15, set R's misses among choices and scores), each with its leak written more than one way, its fix
/// and look-alikes that stay silent: a count of right test predictions carried in a tuple beside the candidate it scores and
/// maximised (MLDSL0018); a fold scorer given to a search scoring its own fold's training rows (MLDSL0027); a report the
/// library makes of a model on its training rows (<c>ModelAnalysis.Analyze</c>, MLDSL0027); predictions of a model an object
/// holds written into features by the object's method, mapped over the rows the model trained on (MLDSL0028); a search API
/// given its training rows as its validation rows, in every overload (MLDSL0020).
/// </summary>
public sealed class ScoreShapesKindTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Caller
        {
            [Feature] public float Tenure { get; init; }
            [Feature] public float HoldMinutes { get; init; }
            [Feature] public float Complaints { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }

        [Model(typeof(Caller))]
        public sealed partial class ChurnNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record FieldSeason
        {
            [Feature] public float Rainfall { get; init; }
            [Feature] public float Nitrogen { get; init; }
            [Feature] public float ForecastYield { get; init; }
            [Label] public float Yield { get; init; }
        }

        [Model(typeof(FieldSeason))]
        public sealed partial class CropNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }
        """;

    /// <summary>A program of the given types (a static class with its Run, records with methods), with the shared rows.</summary>
    private static string Program(string types) => Usings + types + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    // ───────────── Kind 4: predictions of a model an object holds, written into features by the object's method ─────────────

    private const string RecordStacker = """
        public sealed record Stacker(CropNet Net)
        {
            public FieldSeason WithForecast(FieldSeason f) => f with { ForecastYield = PREDICT };
        }

        public static class YieldStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<FieldSeason>(path).Split();
                using var first = new CropNet(seed: 1);
                first.Fit(FIRST_ROWS);
                var stacker = new Stacker(first);
                List<FieldSeason> stacked = MAPPED;
                using var second = new CropNet(seed: 2);
                second.Fit(stacked);
                Console.WriteLine(second.Evaluate(test.Select(stacker.WithForecast).ToList()).MeanAbsoluteError);
            }
        }
        """;

    private static string Stacked(string firstRows, string mapped, string predict = "Net.Predict(f)") =>
        Program(RecordStacker.Replace("FIRST_ROWS", firstRows).Replace("MAPPED", mapped).Replace("PREDICT", predict));

    [Fact]
    public Task Record_method_group_stacking_predictions_for_the_rows_its_model_trained_on_is_reported() =>
        Expect(Stacked("train", "train.Select(stacker.WithForecast).ToList()", "{|#0:Net.Predict(f)|}"), "MLDSL0028");

    [Fact]
    public Task Record_method_called_in_a_lambda_over_the_rows_its_model_trained_on_is_reported() =>
        Expect(Stacked("train", "train.Select(f => stacker.WithForecast(f)).ToList()", "{|#0:Net.Predict(f)|}"), "MLDSL0028");

    [Fact]
    public Task Record_method_group_stacking_predictions_for_rows_its_model_never_saw_is_silent() =>
        Expect(Stacked("train", "validation.Select(stacker.WithForecast).ToList()"));

    [Fact]
    public Task Record_holding_a_model_fitted_on_another_part_mapped_over_the_training_rows_is_silent() =>
        Expect(Stacked("validation", "train.Select(stacker.WithForecast).ToList()"));

    private const string ClassStacker = """
        public sealed class Stacker
        {
            private readonly CropNet net;

            public Stacker(CropNet net) => this.net = net;

            public FieldSeason WithForecast(FieldSeason f) => f with { ForecastYield = PREDICT };
        }

        public static class YieldStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<FieldSeason>(path).Split();
                using var first = new CropNet(seed: 1);
                first.Fit(FIRST_ROWS);
                var stacker = new Stacker(first);
                List<FieldSeason> stacked = train.Select(stacker.WithForecast).ToList();
                using var second = new CropNet(seed: 2);
                second.Fit(stacked);
                Console.WriteLine(second.Evaluate(test.Select(stacker.WithForecast).ToList()).MeanAbsoluteError);
            }
        }
        """;

    [Fact]
    public Task Class_keeping_the_model_in_a_field_stacking_over_the_rows_it_trained_on_is_reported() =>
        Expect(Program(ClassStacker.Replace("FIRST_ROWS", "train").Replace("PREDICT", "{|#0:net.Predict(f)|}")), "MLDSL0028");

    [Fact]
    public Task Class_keeping_a_model_fitted_on_another_part_in_a_field_is_silent() =>
        Expect(Program(ClassStacker.Replace("FIRST_ROWS", "validation").Replace("PREDICT", "net.Predict(f)")));

    // ───────────── Kind 1: a count of right test predictions carried in a tuple beside its candidate ─────────────

    private const string Thresholds = """
        public static class ChurnStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Caller>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ChurnNet(seed: 1);
                model.Fit(train, validation);
                float[][] probabilities = model.PredictProbabilities(SCORED);
                float[] thresholds = { 0.2f, 0.3f, 0.4f, 0.5f, 0.6f };
                PICK
            }
        }
        """;

    private static string Threshold(string scored, string pick) => Program(Thresholds.Replace("SCORED", scored).Replace("PICK", pick));

    /// <summary>How many of <paramref name="rows"/> a threshold <c>t</c> calls right, from <c>probabilities</c>.</summary>
    private static string Hits(string rows) => rows + ".Where((c, i) => (probabilities[i][1] >= t ? 1 : 0) == c.Churned).Count()";

    [Fact]
    public Task Threshold_maximising_test_hits_in_a_named_tuple_is_reported() =>
        Expect(Threshold("{|#0:test|}", "var (threshold, hits) = thresholds.Select(t => (t, hits: " + Hits("test") + ")).MaxBy(p => p.hits);\n        Console.WriteLine(threshold);"), "MLDSL0018");

    [Fact]
    public Task Threshold_maximising_test_hits_in_an_unnamed_tuple_read_as_item2_is_reported() =>
        Expect(Threshold("{|#0:test|}", "float threshold = thresholds.Select(t => (t, " + Hits("test") + ")).MaxBy(p => p.Item2).Item1;\n        Console.WriteLine(threshold);"), "MLDSL0018");

    [Fact]
    public Task Threshold_first_after_ordering_tuples_by_test_hits_is_reported() =>
        Expect(Threshold("{|#0:test|}", "float threshold = thresholds.Select(t => (threshold: t, right: " + Hits("test") + ")).OrderByDescending(p => p.right).First().threshold;\n        Console.WriteLine(threshold);"), "MLDSL0018");

    [Fact]
    public Task Threshold_maximising_test_hits_counted_by_a_predicate_is_reported() =>
        Expect(Threshold("{|#0:test|}", "var best = thresholds.Select(t => (t, right: Enumerable.Range(0, test.Count).Count(i => (probabilities[i][1] >= t ? 1 : 0) == test[i].Churned))).MaxBy(p => p.right);\n        Console.WriteLine(best.t);"), "MLDSL0018");

    [Fact]
    public Task Threshold_maximising_validation_hits_in_a_tuple_is_silent() =>
        Expect(Threshold("validation", "var (threshold, hits) = thresholds.Select(t => (t, hits: " + Hits("validation") + ")).MaxBy(p => p.hits);\n        Console.WriteLine(threshold);"));

    [Fact]
    public Task Test_hits_at_every_threshold_printed_as_a_table_are_silent() =>
        Expect(Threshold("test", "foreach (var (t, hits) in thresholds.Select(t => (t, hits: " + Hits("test") + ")))\n            Console.WriteLine($\"{t}: {hits} right\");"));

    [Fact]
    public Task Test_rows_ranked_by_their_own_predictions_in_a_tuple_for_a_top_k_count_are_silent() =>
        Expect(Threshold("test", "var top = test.Select((c, i) => (c, p: probabilities[i][1])).OrderByDescending(x => x.p).Take(50).ToList();\n        Console.WriteLine($\"{top.Count(x => x.c.Churned == 1)} churners in the top 50\");"));

    // ───────────── Kind 2: a search's fold scorer scoring its own fold's training rows ─────────────

    private const string FoldSearch = """
        public static class ChurnStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Caller>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                double[] rates = { 1e-4, 1e-3, 1e-2 };
                SearchResult<double> search = SEARCH;
                using var chosen = new ChurnNet(seed: 1);
                chosen.Fit(train, validation, new FitOptions { LearningRate = search.BestParameters });
                Console.WriteLine(chosen.Evaluate(test).Accuracy);
            }
        }
        """;

    private static string Scorer(string scored) =>
        "rate => (foldTrain, foldValidation) =>\n        {\n            using var net = new ChurnNet(seed: 1);\n            net.Fit(foldTrain, null, new FitOptions { LearningRate = rate });\n            return net.Evaluate(" + scored + ").Accuracy;\n        }";

    [Fact]
    public Task Random_search_fold_scorer_scoring_its_fold_training_rows_is_reported() =>
        Expect(Program(FoldSearch.Replace("SEARCH", "RandomSearch.CrossValidate(train, random => rates[random.Next(rates.Length)], 3, 7, " + Scorer("{|#0:foldTrain|}") + ")")), "MLDSL0027");

    [Fact]
    public Task Grid_search_fold_scorer_with_fold_options_scoring_its_fold_training_rows_is_reported() =>
        Expect(Program(FoldSearch.Replace("SEARCH", "GridSearch.CrossValidate(train, rates, " + Scorer("{|#0:foldTrain|}") + ", new FoldOptions { Kind = FoldKind.Stratified, Folds = 3 })")), "MLDSL0027");

    [Fact]
    public Task Random_search_fold_scorer_scoring_its_fold_validation_rows_is_silent() =>
        Expect(Program(FoldSearch.Replace("SEARCH", "RandomSearch.CrossValidate(train, random => rates[random.Next(rates.Length)], 3, 7, " + Scorer("foldValidation") + ")")));

    [Fact]
    public Task Cross_validation_averaging_fold_scores_on_their_validation_folds_is_silent() =>
        Expect(Program("""
            public static class ChurnStudy
            {
                public static void Run(string path)
                {
                    var (train, validation, test) = CsvFile.Read<Caller>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                    CrossValidationResult folds = CrossValidation.Run(train, (foldTrain, foldValidation) =>
                    {
                        using var net = new ChurnNet(seed: 1);
                        net.Fit(foldTrain);
                        return net.Evaluate(foldValidation).Accuracy;
                    }, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 });
                    Console.WriteLine($"accuracy {folds.Mean:P1} over 5 folds");
                }
            }
            """));

    // ───────────── Kind 3: a report the library makes of a model on its training rows ─────────────

    private const string Analysed = """
        public static class ChurnStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Caller>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ChurnNet(seed: 1);
                model.Fit(train, validation);
                REPORT
            }
        }
        """;

    private static string Report(string report) => Program(Analysed.Replace("REPORT", report));

    [Fact]
    public Task Analysis_of_the_training_rows_kept_and_written_out_is_reported() =>
        Expect(Report("IEvaluationReport report = ModelAnalysis.Analyze(model, {|#0:train|}, new[] { \"stays\", \"leaves\" });\n        File.WriteAllText(\"report.txt\", report.ToString());"), "MLDSL0027");

    [Fact]
    public Task Analysis_of_a_copy_of_the_training_rows_with_a_slice_floor_is_reported() =>
        Expect(Report("Console.WriteLine(ModelAnalysis.Analyze(model, {|#0:train.ToList()|}, null, minSliceRows: 20));"), "MLDSL0027");

    [Fact]
    public Task Analysis_of_the_training_rows_dropped_unread_is_silent() =>
        Expect(Report("ModelAnalysis.Analyze(model, train);\n        Console.WriteLine(\"analysed\");"));

    [Fact]
    public Task Analysis_of_the_test_rows_is_silent() =>
        Expect(Report("Console.WriteLine(ModelAnalysis.Analyze(model, test));"));

    [Fact]
    public Task Analysis_of_the_validation_rows_only_watched_for_the_loss_is_silent() =>
        Expect(Report("Console.WriteLine(ModelAnalysis.Analyze(model, validation));"));

    [Fact]
    public Task Predictions_of_the_training_rows_described_as_text_are_silent() =>
        Expect(Report("File.WriteAllLines(\"predicted.txt\", ModelAnalysis.Describe(model, train));\n        Console.WriteLine(model.Evaluate(test).Accuracy);"));

    // ───────────── Kind 5: a search API given its training rows as its validation rows ─────────────

    private const string ValidatedSearch = """
        public static class ChurnStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Caller>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                var (train, validation, test) = split;
                double[] rates = { 1e-4, 1e-3, 1e-2 };
                SearchResult<double> search = SEARCH;
                using var chosen = new ChurnNet(seed: 1);
                chosen.Fit(train, validation, new FitOptions { LearningRate = search.BestParameters });
                Console.WriteLine(chosen.Evaluate(test).Accuracy);
            }
        }
        """;

    private const string TrainModel = "rate => CrossValidation.TrainModel<Caller, ChurnNet>(() => new ChurnNet(seed: 1), new FitOptions { LearningRate = rate })";

    private static string Searched(string search) => Program(ValidatedSearch.Replace("SEARCH", search));

    [Fact]
    public Task Random_search_validated_on_its_training_rows_is_reported() =>
        Expect(Searched("RandomSearch.OnValidation(train, {|#0:train|}, random => rates[random.Next(rates.Length)], 3, 7, " + TrainModel + ")"), "MLDSL0020");

    [Fact]
    public Task Grid_search_validated_on_a_copy_of_its_training_rows_is_reported() =>
        Expect(Searched("GridSearch.OnValidation(train, {|#0:train.ToArray()|}, rates, " + TrainModel + ")"), "MLDSL0020");

    [Fact]
    public Task Random_search_validated_on_the_validation_part_is_silent() =>
        Expect(Searched("RandomSearch.OnValidation(train, validation, random => rates[random.Next(rates.Length)], 3, 7, " + TrainModel + ")"));

    [Fact]
    public Task Random_search_given_the_whole_split_is_silent() =>
        Expect(Searched("RandomSearch.OnValidation(split, random => rates[random.Next(rates.Length)], 3, 7, " + TrainModel + ")"));
}
