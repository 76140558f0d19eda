using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixM's kinds (issue 15, set P's misses), each with its leak written more than one way, its fix and look-alikes that stay
/// silent: scores and same-row validation inside <c>FoldScorer</c> lambdas (the lambda's parameters are one fold's training
/// and validation rows, by position), a search told to validate on its training rows, a report of predictions on the
/// training rows taken as the result, and in-sample predictions made inside a method group given to <c>Select</c>.
/// </summary>
public sealed class FoldLambdaAndChoiceKindTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Loan
        {
            [Feature] public float Income { get; init; }
            [Feature] public float Debt { get; init; }
            [Feature] public float PriorRisk { get; init; }
            [Label(Classes = 2)] public int Defaulted { get; init; }
        }

        [Model(typeof(Loan))]
        public sealed partial class LoanNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """;

    private static string Script(string body) => Usings + "public static class Script\n{\n" + body + "\n}\n" + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    // ───────────── Kind 1: a FoldScorer's parameters are the fold's training and validation rows ─────────────

    private const string ScorerInLocal = """
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                FoldScorer<Loan> scorer = (tr, va) =>
                {
                    using var net = new LoanNet(seed: 1);
                    FIT;
                    SCORE;
                };
                Console.WriteLine(CrossValidation.Run(train, scorer).Mean);
            }
        """;

    private static string Scorer(string fit, string score) => Script(ScorerInLocal.Replace("FIT", fit).Replace("SCORE", score));

    [Fact]
    public Task Scorer_in_a_local_returning_the_accuracy_on_its_own_training_rows_is_reported() =>
        Expect(Scorer("net.Fit(tr)", "return net.Evaluate({|#0:tr|}).Accuracy"), "MLDSL0027");

    [Fact]
    public Task Scorer_in_a_local_scoring_the_fold_validation_rows_is_silent() =>
        Expect(Scorer("net.Fit(tr)", "return net.Evaluate(va).Accuracy"));

    [Fact]
    public Task Scorer_printing_the_training_fit_beside_returning_the_validation_score_is_silent() =>
        Expect(Scorer("net.Fit(tr)", "Console.WriteLine($\"fold fit {net.Evaluate(tr).Accuracy}\");\n            return net.Evaluate(va).Accuracy"));

    [Fact]
    public Task Scorer_early_stopping_on_its_own_training_rows_is_reported() =>
        Expect(Scorer("net.Fit(tr, {|#0:tr|}, new FitOptions { EarlyStoppingPatience = 3 })", "return net.Evaluate(va).Accuracy"), "MLDSL0020");

    [Fact]
    public Task Scorer_watching_the_fold_validation_rows_without_early_stopping_is_silent() =>
        Expect(Scorer("net.Fit(tr, va)", "return net.Evaluate(va).Accuracy"));

    [Fact]
    public Task Scorer_early_stopping_on_a_slice_of_its_training_rows_is_reported() =>
        Expect(Scorer("net.Fit(tr, {|#0:tr.Take(50).ToList()|}, new FitOptions { EarlyStoppingPatience = 3 })", "return net.Evaluate(va).Accuracy"), "MLDSL0020");

    [Fact]
    public Task Scorer_written_inline_returning_its_training_score_is_reported() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var cv = CrossValidation.Run(split.Train, (foldTrain, foldValidation) =>
                {
                    using var net = new LoanNet(seed: 2);
                    net.Fit(foldTrain);
                    return net.Evaluate({|#0:foldTrain|}).Accuracy;
                });
                Console.WriteLine($"{cv.Mean:P1} ± {cv.StandardDeviation:P1}");
            }
        """), "MLDSL0027");

    private const string SearchFactory = """
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var search = GridSearch.CrossValidate(split.Train, new[] { 1e-3, 3e-3, 1e-2 }, rate => (foldTrain, foldValidation) =>
                {
                    using var net = new LoanNet(seed: 3);
                    net.Fit(foldTrain, null, new FitOptions { LearningRate = rate });
                    return net.Evaluate(SCORED).Accuracy;
                });
                using var model = new LoanNet(seed: 3);
                model.Fit(split.Train, split.Validation, new FitOptions { LearningRate = search.BestParameters });
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """;

    [Fact]
    public Task Search_whose_scorer_factory_scores_each_fold_on_its_training_rows_is_reported() =>
        Expect(Script(SearchFactory.Replace("SCORED", "{|#0:foldTrain|}")), "MLDSL0027");

    [Fact]
    public Task Search_whose_scorer_factory_scores_each_fold_on_its_validation_rows_is_silent() =>
        Expect(Script(SearchFactory.Replace("SCORED", "foldValidation")));

    [Fact]
    public Task Scorer_returned_by_a_helper_method_scoring_its_training_rows_is_reported() => Expect(Script("""
            private static FoldScorer<Loan> Scorer(double rate) => (foldTrain, foldValidation) =>
            {
                using var net = new LoanNet(seed: 4);
                net.Fit(foldTrain, null, new FitOptions { LearningRate = rate });
                return net.Evaluate({|#0:foldTrain|}).Accuracy;
            };

            public static void Main()
            {
                var split = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                Console.WriteLine(CrossValidation.Run(split.Train, Scorer(1e-3)).Mean);
            }
        """), "MLDSL0027");

    // ───────────── Kind 2: a search told to validate on the rows it trains on ─────────────

    private const string SearchOnValidation = """
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var search = SEARCH;
                using var model = new LoanNet(seed: 5);
                model.Fit(split.Train, split.Validation, new FitOptions { LearningRate = search.BestParameters });
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """;

    private const string Candidates = "new[] { 1e-3, 3e-3 }, rate => CrossValidation.TrainModel<Loan, LoanNet>(() => new LoanNet(seed: 5), new FitOptions { LearningRate = rate })";

    [Fact]
    public Task Grid_search_validated_on_its_training_rows_is_reported() =>
        Expect(Script(SearchOnValidation.Replace("SEARCH", "GridSearch.OnValidation(split.Train, {|#0:split.Train|}, " + Candidates + ")")), "MLDSL0020");

    [Fact]
    public Task Grid_search_validated_on_a_filter_of_its_training_rows_is_reported() =>
        Expect(Script(SearchOnValidation.Replace("SEARCH", "GridSearch.OnValidation(split.Train, {|#0:split.Train.Where(l => l.Income > 0).ToList()|}, " + Candidates + ")")), "MLDSL0020");

    [Fact]
    public Task Grid_search_validated_on_the_validation_part_is_silent() =>
        Expect(Script(SearchOnValidation.Replace("SEARCH", "GridSearch.OnValidation(split.Train, split.Validation, " + Candidates + ")")));

    [Fact]
    public Task Grid_search_given_the_whole_split_is_silent() =>
        Expect(Script(SearchOnValidation.Replace("SEARCH", "GridSearch.OnValidation(split, " + Candidates + ")")));

    // ───────────── Kind 3: a report of predictions on the training rows is a score on them ─────────────

    private const string Report = """
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet(seed: 6);
                model.Fit(train, validation);
                REPORT
            }
        """;

    [Fact]
    public Task Classification_report_of_the_training_rows_printed_as_the_training_fit_is_reported() =>
        Expect(Script(Report.Replace("REPORT", "Console.WriteLine($\"training fit: {{|#0:ClassificationReport.Compute(train, model.Predict(train))|}.Accuracy}\");")), "MLDSL0027");

    [Fact]
    public Task Classification_report_of_predictions_kept_in_a_local_is_reported() =>
        Expect(Script(Report.Replace("REPORT", "int[] predicted = model.Predict(train);\n        var report = {|#0:ClassificationReport.Compute(train, predicted)|};\n        File.WriteAllText(\"report.txt\", report.ToString());")), "MLDSL0027");

    [Fact]
    public Task Classification_report_of_the_test_rows_is_silent() =>
        Expect(Script(Report.Replace("REPORT", "Console.WriteLine(ClassificationReport.Compute(test, model.Predict(test)));")));

    [Fact]
    public Task Classification_report_of_the_training_rows_beside_the_test_score_is_silent() =>
        Expect(Script(Report.Replace("REPORT", "Console.WriteLine(ClassificationReport.Compute(train, model.Predict(train)));\n        Console.WriteLine(model.Evaluate(test).Accuracy);")));

    // ───────────── Kind 5: in-sample predictions made inside a method group ─────────────

    private const string MethodGroupStack = """
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                using var first = new LoanNet(seed: 7);
                first.Fit(FIRST_ROWS);
                Loan WithRisk(Loan l) => l with { PriorRisk = {|#0:first.Predict(l)|} };
                var split = loans.Select(WithRisk).ToList().Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var second = new LoanNet(seed: 8);
                second.Fit(split.Train, split.Validation);
                Console.WriteLine(second.Evaluate(split.Test).Accuracy);
            }
        """;

    [Fact]
    public Task Local_function_method_group_writing_predictions_of_a_model_fitted_on_every_row_is_reported() =>
        Expect(Script(MethodGroupStack.Replace("FIRST_ROWS", "loans")), "MLDSL0028");

    private const string StaticMethodGroupStack = """
            private static LoanNet first = null!;

            private static Loan WithRisk(Loan l) => l with { PriorRisk = PREDICT };

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                first = new LoanNet(seed: 7);
                first.Fit(FIRST_ROWS);
                var split = loans.Select(WithRisk).ToList().Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var second = new LoanNet(seed: 8);
                second.Fit(split.Train, split.Validation);
                Console.WriteLine(second.Evaluate(split.Test).Accuracy);
            }
        """;

    [Fact]
    public Task Private_static_method_group_writing_predictions_of_a_model_fitted_on_every_row_is_reported() =>
        Expect(Script(StaticMethodGroupStack.Replace("FIRST_ROWS", "loans").Replace("PREDICT", "{|#0:first.Predict(l)|}")), "MLDSL0028");

    [Fact]
    public Task Private_static_method_group_writing_predictions_of_a_model_fitted_on_other_rows_is_silent() =>
        Expect(Script(StaticMethodGroupStack.Replace("FIRST_ROWS", "CsvFile.Read<Loan>(\"last-year.csv\")").Replace("PREDICT", "first.Predict(l)")));

    [Fact]
    public Task Local_function_method_group_writing_predictions_of_a_model_fitted_on_other_rows_is_silent() =>
        Expect(Script(MethodGroupStack.Replace("FIRST_ROWS", "CsvFile.Read<Loan>(\"last-year.csv\")").Replace("{|#0:first.Predict(l)|}", "first.Predict(l)")));
}
