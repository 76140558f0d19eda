namespace MlDsl.Analyzers.Tests;

/// <summary>Set J, more long correct notebook-style credit programs (fitted-step records, nested CV, query syntax, plots).</summary>
public sealed partial class FreshLeakageCasesJ
{
    // ───────────── C22. A record of fitted steps (impute with indicators, select, scale) built from the training rows ─────────────

    private const string StepsRecord = """
        public sealed record Prep(Imputer Imputer, SelectKBest Selector, Standardizer Scaler)
        {
            public static Prep FitOn(IReadOnlyList<Loan> rows)
            {
                var imputer = Imputer.Fit(rows, new ImputerOptions { Strategy = ImputeStrategy.Median, AddMissingIndicator = true });
                var imputed = imputer.Apply(rows);
                var selector = SelectKBest.Fit(imputed, ScoreFunction.MutualInformation, 4);
                var scaler = Standardizer.Fit(selector.Apply(imputed));
                return new Prep(imputer, selector, scaler);
            }

            public Loan[] Transform(IReadOnlyList<Loan> rows) => Scaler.Apply(Selector.Apply(Imputer.Apply(rows)));
        }

        public static class StepsRecordMain
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 31 });
                var prep = Prep.FitOn(train);
                Console.WriteLine($"kept {string.Join(", ", prep.Selector.SelectedNames)}");
                using var model = new DeepLoanNet();
                model.Fit(prep.Transform(train), prep.Transform(validation), new FitOptions { Epochs = 50, EarlyStoppingPatience = 6 });
                Console.WriteLine($"test accuracy {model.Evaluate(prep.Transform(test)).Accuracy:P2}");
                prep.Scaler.Save("scaler.json");
                prep.Selector.Save("selector.json");
            }
        }
        """;

    [Fact]
    public Task Record_of_steps_fitted_on_the_training_rows_is_silent() => Expect(Program(StepsRecord));

    [Fact]
    public Task Record_of_steps_fitted_on_the_validation_rows_is_reported() =>
        Expect(Program(Mutate(StepsRecord, "var prep = Prep.FitOn(train);", "var prep = {|#0:Prep.FitOn(validation)|};")), "MLDSL0016");

    // ───────────── C23. Nested cross-validation by hand: inner grid search on each outer fold's training rows ─────────────

    private const string NestedCv = """
        public static class NestedCv
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var (train, _, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.0 });
                var rates = new[] { 1e-3, 1e-2 };
                var outerScores = new List<double>();
                foreach (var fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 3, Shuffle = true }))
                {
                    var outerTrain = (from i in fold.Train select train[i]).ToList();
                    var outerTest = (from i in fold.Validation select train[i]).ToList();
                    var inner = GridSearch.CrossValidate(outerTrain, rates,
                        r => CrossValidation.TrainModel<Loan, LoanNet>(() => new LoanNet(), new FitOptions { LearningRate = r, Epochs = 15 }),
                        new FoldOptions { Kind = FoldKind.Stratified, Folds = 3 });
                    using var m = new LoanNet();
                    m.Fit(outerTrain, null, new FitOptions { LearningRate = inner.BestParameters, Epochs = 15 });
                    outerScores.Add(m.Evaluate(outerTest).Accuracy);
                }
                Console.WriteLine($"nested CV accuracy {outerScores.Average():P2} (folds: {string.Join(", ", outerScores.Select(s => s.ToString("P1")))})");

                var final = GridSearch.CrossValidate(train, rates,
                    r => CrossValidation.TrainModel<Loan, LoanNet>(() => new LoanNet(), new FitOptions { LearningRate = r, Epochs = 15 }),
                    new FoldOptions { Kind = FoldKind.Stratified, Folds = 3 });
                using var model = new LoanNet();
                model.Fit(train, null, new FitOptions { LearningRate = final.BestParameters, Epochs = 15 });
                Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Nested_cross_validation_by_hand_then_one_test_score_is_silent() => Expect(Program(NestedCv));

    [Fact]
    public Task Nested_cross_validation_early_stopping_outer_folds_on_the_test_part_is_reported() =>
        Expect(Program(Mutate(NestedCv, "m.Fit(outerTrain, null, new FitOptions { LearningRate = inner.BestParameters, Epochs = 15 });",
            "m.Fit(outerTrain, {|#0:test|}, new FitOptions { LearningRate = inner.BestParameters, Epochs = 15, EarlyStoppingPatience = 3 });")), "MLDSL0018");

    // ───────────── C24. Region statistics in query syntax from the training rows, joined into every part ─────────────

    private const string QueryRegions = """
        public static class QueryRegions
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var regionIncome = (from l in train
                                    group l by l.Region into g
                                    select new { Region = g.Key, Mean = g.Average(x => x.Income) }).ToDictionary(x => x.Region, x => x.Mean);
                float overall = train.Average(l => l.Income);

                IReadOnlyList<Loan> Enrich(IReadOnlyList<Loan> part) =>
                    (from l in part
                     let mean = regionIncome.TryGetValue(l.Region, out float m) ? m : overall
                     select l with { RegionRate = l.Income / mean }).ToList();

                using var model = new LoanNet();
                model.Fit(Enrich(train), Enrich(validation), new FitOptions { Epochs = 30 });
                var parts = new Dictionary<string, IReadOnlyList<Loan>> { ["train"] = Enrich(train), ["test"] = Enrich(test) };
                foreach (var (name, part) in parts)
                    Console.WriteLine($"{name}: accuracy {model.Evaluate(part).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Region_statistics_in_query_syntax_from_training_rows_is_silent() => Expect(Program(QueryRegions));

    [Fact]
    public Task Region_statistics_in_query_syntax_from_the_test_rows_is_reported() =>
        Expect(Program(Mutate(QueryRegions, "var regionIncome = (from l in train", "var regionIncome = {|#0:(from l in test|}")), "MLDSL0016");

    // ───────────── C25. A scaler over every loan only for a histogram file; the model uses its own training-row scaler ─────────────

    private const string PlotOnly = """
        public static class PlotOnly
        {
            private static void WriteHistogram(string path, IEnumerable<float> values, int bins = 20)
            {
                var counts = new int[bins];
                foreach (float v in values) counts[Math.Clamp((int)(v * bins), 0, bins - 1)]++;
                File.WriteAllLines(path, counts.Select((c, i) => $"{i / (float)bins:F2},{c}"));
            }

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var forPlot = MinMaxScaler.Fit(loans).Apply(loans);
                WriteHistogram("income.csv", forPlot.Select(l => l.Income));
                WriteHistogram("debt.csv", forPlot.Select(l => l.Debt));

                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scaler = MinMaxScaler.Fit(split.Train);
                using var model = new LoanNet();
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine($"test accuracy {model.Evaluate(scaler.Apply(split.Test)).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Scaler_over_every_loan_only_for_a_histogram_is_silent() => Expect(Program(PlotOnly));

    [Fact]
    public Task Scaled_rows_made_for_the_histogram_then_split_for_training_is_reported() =>
        Expect(Program(Mutate(PlotOnly, "var forPlot = MinMaxScaler.Fit(loans).Apply(loans);", "var forPlot = MinMaxScaler.Fit({|#0:loans|}).Apply(loans);")
            .Replace("var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });", "var split = forPlot.Split(new SplitOptions { Kind = SplitKind.Stratified });")), "MLDSL0016");
}
