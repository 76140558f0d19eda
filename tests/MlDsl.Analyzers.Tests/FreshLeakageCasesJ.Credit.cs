namespace MlDsl.Analyzers.Tests;

/// <summary>Set J, long correct credit-default programs (and single mistakes put into them).</summary>
public sealed partial class FreshLeakageCasesJ
{
    // ───────────── C1. Experiment with a config record: impute + scale on training rows, averaged stratified CV, choice, refit on train+validation, one test score ─────────────

    private const string CreditExperiment = """
        public sealed record CreditConfig(string Path, int Folds, double[] Rates, int Epochs)
        {
            public static CreditConfig Default => new("credit.csv", 5, new[] { 1e-4, 1e-3, 1e-2 }, 30);
        }

        public static class CreditExperiment
        {
            private static IReadOnlyList<Loan> Load(string path) =>
                CsvFile.Read<Loan>(path).Where(l => l.Age >= 18 && l.Income >= 0).ToList();

            private static Func<IReadOnlyList<Loan>, Loan[]> Preprocess(IReadOnlyList<Loan> fitRows)
            {
                var imputer = Imputer.Fit(fitRows, ImputeStrategy.Median);
                var scaler = Standardizer.Fit(imputer.Apply(fitRows));
                return rows => scaler.Apply(imputer.Apply(rows));
            }

            public static void Main()
            {
                var config = CreditConfig.Default;
                var loans = Load(config.Path);
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.2, Seed = 11 });
                Console.WriteLine($"train {train.Count}, validation {validation.Count}, test {test.Count}");

                var folds = new FoldOptions { Kind = FoldKind.Stratified, Folds = config.Folds, Shuffle = true };
                FitOnFold<Loan> prepare = foldTrain => Preprocess(foldTrain);
                var results = new Dictionary<double, CrossValidationResult>();
                foreach (double rate in config.Rates)
                {
                    var scorer = CrossValidation.TrainModel<Loan, LoanNet>(() => new LoanNet(), new FitOptions { LearningRate = rate, Epochs = config.Epochs, Verbose = 0 });
                    results[rate] = CrossValidation.Run(train, scorer, folds, prepare);
                    Console.WriteLine($"rate {rate:G}: {results[rate]}");
                }
                double bestRate = results.MaxBy(kv => kv.Value.Mean).Key;

                var trainAndValidation = train.Concat(validation).ToList();
                var transform = Preprocess(trainAndValidation);
                using var final = new LoanNet(seed: 11);
                final.Fit(transform(trainAndValidation), null, new FitOptions { LearningRate = bestRate, Epochs = config.Epochs });
                var evaluation = final.Evaluate(transform(test));
                Console.WriteLine($"rate {bestRate:G}: test accuracy {evaluation.Accuracy:P2} on {evaluation.Count} loans");
            }
        }
        """;

    [Fact]
    public Task Credit_experiment_with_averaged_cross_validation_and_one_test_score_is_silent() => Expect(Program(CreditExperiment));

    [Fact]
    public Task Credit_experiment_cross_validating_the_learning_rate_on_every_loan_preprocessed_once_is_reported() =>
        Expect(Program(Mutate(CreditExperiment,
            "results[rate] = CrossValidation.Run(train, scorer, folds, prepare);",
            "results[rate] = CrossValidation.Run({|#0:Preprocess(loans)|}(train), scorer, folds);")), "MLDSL0016");

    [Fact]
    public Task Credit_experiment_choosing_the_rate_by_test_accuracy_is_reported() =>
        Expect(Program(Mutate(CreditExperiment,
            "results[rate] = CrossValidation.Run(train, scorer, folds, prepare);",
            "results[rate] = new CrossValidationResult(new[] { new FoldScore(0, scorer(train, {|#0:test|}), train.Count, test.Count) });")), "MLDSL0018");

    // ───────────── C2. Grid search by cross-validation on the training rows, then a final model and one test score ─────────────

    private const string CreditGrid = """
        public static class CreditGrid
        {
            private static readonly FoldOptions Folds = new() { Kind = FoldKind.Stratified, Folds = 4, Shuffle = true, Seed = 3 };

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.0, Test = 0.25 });
                var grid = GridSearch.Grid(new[] { 1e-3, 3e-3 }, new[] { 0.0, 1e-4 }, new[] { 20, 40 });
                FitOnFold<Loan> scale = foldTrain => { var s = Standardizer.Fit(foldTrain); return rows => s.Apply(rows); };
                var search = GridSearch.CrossValidate(split.Train, grid,
                    p => CrossValidation.TrainModel<Loan, DeepLoanNet>(() => new DeepLoanNet(), new FitOptions { LearningRate = p.Item1, WeightDecay = p.Item2, Epochs = p.Item3 }),
                    Folds, scale);
                foreach (var candidate in search.Candidates.OrderByDescending(c => c.Score.Mean))
                    Console.WriteLine($"{candidate.Parameters}: {candidate.Score.Mean:P2} ± {candidate.Score.StandardDeviation:P2}");

                var (rate, decay, epochs) = search.BestParameters;
                var scaler = Standardizer.Fit(split.Train);
                using var model = new DeepLoanNet(seed: 3);
                model.Fit(scaler.Apply(split.Train), null, new FitOptions { LearningRate = rate, WeightDecay = decay, Epochs = epochs });
                Console.WriteLine($"test accuracy {model.Evaluate(scaler.Apply(split.Test)).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Credit_grid_search_by_cross_validation_on_training_rows_is_silent() => Expect(Program(CreditGrid));

    [Fact]
    public Task Credit_grid_search_final_scaler_fitted_on_every_loan_is_reported() =>
        Expect(Program(Mutate(CreditGrid, "var scaler = Standardizer.Fit(split.Train);", "var scaler = Standardizer.Fit({|#0:loans|});")), "MLDSL0016");

    // ───────────── C3. EDA over every loan that only reaches printouts, then a careful split ─────────────

    private const string CreditEda = """
        public static class CreditEda
        {
            private static void Describe(string name, IEnumerable<float> values)
            {
                var v = values.Where(x => !float.IsNaN(x)).OrderBy(x => x).ToArray();
                Console.WriteLine($"{name,-12} n={v.Length} min={v[0]:F1} median={v[v.Length / 2]:F1} max={v[^1]:F1} mean={v.Average():F1}");
            }

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                Describe("Income", loans.Select(l => l.Income));
                Describe("Debt", loans.Select(l => l.Debt));
                Describe("Age", loans.Select(l => l.Age));
                var byRegion = loans.GroupBy(l => l.Region).Select(g => (Region: g.Key, Rate: g.Average(l => l.Defaulted), Count: g.Count()));
                foreach (var (region, rate, count) in byRegion.OrderByDescending(r => r.Rate))
                    Console.WriteLine($"{region}: {rate:P1} default over {count}");
                var overview = MinMaxScaler.Fit(loans);
                Console.WriteLine(string.Join(", ", overview.Features.Zip(overview.Scale, (f, s) => $"{f}×{s:G3}")));

                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scaler = MinMaxScaler.Fit(train);
                using var model = new LoanNet();
                model.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { Epochs = 25, EarlyStoppingPatience = 5 });
                Console.WriteLine($"test accuracy {model.Evaluate(scaler.Apply(test)).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Credit_eda_over_every_loan_only_printed_is_silent() => Expect(Program(CreditEda));

    [Fact]
    public Task Credit_eda_scaler_over_every_loan_used_for_the_model_is_reported() =>
        Expect(Program(Mutate(CreditEda, "var scaler = MinMaxScaler.Fit(train);", "var scaler = MinMaxScaler.Fit({|#0:loans|});")), "MLDSL0016");

    // ───────────── C4. Threshold on validation, class weights from training labels, confusion matrix on test, refit on everything to ship ─────────────

    private const string CreditThreshold = """
        public static class CreditThreshold
        {
            private static (int Tp, int Fp, int Fn, int Tn) Confusion(IReadOnlyList<Loan> rows, float[][] p, float cut)
            {
                int tp = 0, fp = 0, fn = 0, tn = 0;
                for (int i = 0; i < rows.Count; i++)
                {
                    bool flagged = p[i][1] >= cut;
                    if (rows[i].Defaulted == 1) { if (flagged) tp++; else fn++; }
                    else { if (flagged) fp++; else tn++; }
                }
                return (tp, fp, fn, tn);
            }

            private static double Cost((int Tp, int Fp, int Fn, int Tn) c) => 5.0 * c.Fn + 1.0 * c.Fp;

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.2 });
                float positive = (float)train.Average(l => l.Defaulted);
                var options = new FitOptions { Epochs = 40, ClassWeights = new[] { 1f, (1 - positive) / positive } };

                using var model = new LoanNet(seed: 4);
                model.Fit(train, null, options);
                float[][] validationP = model.PredictProbabilities(validation);
                var cuts = Enumerable.Range(1, 39).Select(i => i / 40f).ToList();
                float cut = cuts.MinBy(c => Cost(Confusion(validation, validationP, c)));

                var (tp, fp, fn, tn) = Confusion(test, model.PredictProbabilities(test), cut);
                Console.WriteLine($"cut {cut:F3}: tp {tp} fp {fp} fn {fn} tn {tn}, cost {5.0 * fn + fp}");

                using var shipped = new LoanNet(seed: 4);
                shipped.Fit(loans, null, options);
                shipped.Save("credit-model.bin");
            }
        }
        """;

    [Fact]
    public Task Credit_threshold_on_validation_then_test_confusion_and_a_shipped_refit_is_silent() => Expect(Program(CreditThreshold));

    [Fact]
    public Task Credit_threshold_minimising_cost_on_test_is_reported() =>
        Expect(Program(Mutate(CreditThreshold, "float cut = cuts.MinBy(c => Cost(Confusion(validation, validationP, c)));",
            "float[][] testP = model.PredictProbabilities({|#0:test|});\n        float cut = cuts.MinBy(c => Cost(Confusion(test, testP, c)));")), "MLDSL0018");

    // ───────────── C5. Oversampling inside each fold's scorer, a learning curve on validation, one test score ─────────────

    private const string CreditBalanced = """
        public static class CreditBalanced
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });

                FoldScorer<Loan> balancedScorer = (foldTrain, foldValidation) =>
                {
                    Loan[] balanced = Oversampler.Smote(foldTrain, k: 5);
                    using var m = new LoanNet();
                    m.Fit(balanced, null, new FitOptions { Epochs = 20, Verbose = 0 });
                    return m.Evaluate(foldValidation).Accuracy;
                };
                var cv = CrossValidation.Run(train, balancedScorer, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 });
                Console.WriteLine($"SMOTE inside folds: {cv.Mean:P2} ± {cv.StandardDeviation:P2}");

                foreach (double fraction in new[] { 0.25, 0.5, 0.75, 1.0 })
                {
                    var subset = train.Take((int)(train.Count * fraction)).ToList();
                    using var m = new LoanNet();
                    m.Fit(Oversampler.Random(subset), null, new FitOptions { Epochs = 20, Verbose = 0 });
                    Console.WriteLine($"{fraction:P0} of training rows: validation {m.Evaluate(validation).Accuracy:P2}");
                }

                using var final = new LoanNet();
                final.Fit(Oversampler.Smote(train, k: 5), validation);
                Console.WriteLine($"test accuracy {final.Evaluate(test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Credit_oversampling_inside_folds_and_a_learning_curve_on_validation_is_silent() => Expect(Program(CreditBalanced));

    [Fact]
    public Task Credit_smote_on_every_loan_before_cross_validation_is_reported() =>
        Expect(Program(Mutate(CreditBalanced, "var cv = CrossValidation.Run(train, balancedScorer,", "var cv = CrossValidation.Run({|#0:Oversampler.Smote(loans, k: 5)|}, balancedScorer,")), "MLDSL0026");

    // ───────────── C6. An experiment class holding its parts in properties; preparation fitted on the Train property ─────────────

    private const string CreditClass = """
        public sealed class CreditRun
        {
            public IReadOnlyList<Loan> Train { get; }
            public IReadOnlyList<Loan> Validation { get; }
            public IReadOnlyList<Loan> Test { get; }
            private readonly Standardizer scaler;

            public CreditRun(string path, int seed)
            {
                var split = CsvFile.Read<Loan>(path).Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = seed });
                (Train, Validation, Test) = (split.Train, split.Validation, split.Test);
                scaler = Standardizer.Fit(Train);
            }

            public LoanNet Fit(FitOptions options)
            {
                var model = new LoanNet();
                model.Fit(scaler.Apply(Train), scaler.Apply(Validation), options);
                return model;
            }

            public double ValidationAccuracy(LoanNet model) => model.Evaluate(scaler.Apply(Validation)).Accuracy;

            public double TestAccuracy(LoanNet model) => model.Evaluate(scaler.Apply(Test)).Accuracy;
        }

        public static class CreditClassMain
        {
            public static void Main()
            {
                var run = new CreditRun("credit.csv", seed: 21);
                var candidates = new[] { 10, 20, 40 }.Select(epochs => (Epochs: epochs, Model: run.Fit(new FitOptions { Epochs = epochs }))).ToList();
                var best = candidates.MaxBy(c => run.ValidationAccuracy(c.Model));
                Console.WriteLine($"{best.Epochs} epochs: test accuracy {run.TestAccuracy(best.Model):P2}");
            }
        }
        """;

    [Fact]
    public Task Credit_experiment_class_choosing_on_validation_then_one_test_score_is_silent() => Expect(Program(CreditClass));

    [Fact]
    public Task Credit_experiment_class_choosing_by_test_accuracy_is_reported() =>
        Expect(Program(Mutate(CreditClass, "var best = candidates.MaxBy(c => run.ValidationAccuracy(c.Model));", "var best = candidates.MaxBy(c => {|#0:run.TestAccuracy(c.Model)|});")), "MLDSL0018");

    // ───────────── C7. Records with `with` for configs, search on validation, refit on train+validation after the choice ─────────────

    private const string CreditRecords = """
        public sealed record Trial(string Name, FitOptions Options, bool Deep);

        public static class CreditRecords
        {
            private static Evaluation Score(Trial trial, IReadOnlyList<Loan> fit, IReadOnlyList<Loan> check)
            {
                if (trial.Deep)
                {
                    using var deep = new DeepLoanNet();
                    deep.Fit(fit, null, trial.Options);
                    return deep.Evaluate(check);
                }
                using var small = new LoanNet();
                small.Fit(fit, null, trial.Options);
                return small.Evaluate(check);
            }

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.15 });
                var baseline = new Trial("small", new FitOptions { Epochs = 30, LearningRate = 1e-3 }, Deep: false);
                var trials = new List<Trial>
                {
                    baseline,
                    baseline with { Name = "small-decay", Options = baseline.Options with { WeightDecay = 1e-4 } },
                    baseline with { Name = "deep", Deep = true },
                    baseline with { Name = "deep-fast", Deep = true, Options = baseline.Options with { LearningRate = 3e-3 } },
                };
                var scored = trials.Select(t => (Trial: t, Accuracy: Score(t, train, validation).Accuracy)).ToList();
                foreach (var (t, a) in scored) Console.WriteLine($"{t.Name,-12} validation {a:P2}");
                var chosen = scored.MaxBy(s => s.Accuracy).Trial;

                var refit = train.Concat(validation).ToList();
                Console.WriteLine($"{chosen.Name}: test accuracy {Score(chosen, refit, test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Credit_trials_as_records_chosen_on_validation_then_refit_and_one_test_score_is_silent() => Expect(Program(CreditRecords));

    [Fact]
    public Task Credit_trials_as_records_chosen_on_test_is_reported() =>
        Expect(Program(Mutate(CreditRecords, "Accuracy: Score(t, train, validation).Accuracy", "Accuracy: {|#0:Score(t, train, test)|}.Accuracy")), "MLDSL0018");

    // ───────────── C8. Separate test file; both files only concatenated for a printed region count ─────────────

    private const string CreditFiles = """
        public static class CreditFiles
        {
            public static void Main()
            {
                var train = CsvFile.Read<Loan>("train.csv");
                var holdout = CsvFile.Read<Loan>("holdout.csv");
                var regions = train.Concat(holdout).Select(l => l.Region).Distinct().OrderBy(r => r).ToList();
                Console.WriteLine($"{regions.Count} regions: {string.Join(", ", regions)}");
                Console.WriteLine($"holdout defaults {holdout.Average(l => l.Defaulted):P1}, train defaults {train.Average(l => l.Defaulted):P1}");

                var (fit, watch, _) = train.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.0 });
                var imputer = Imputer.Fit(fit, new ImputerOptions { Strategy = ImputeStrategy.Mean });
                using var model = new DeepLoanNet();
                model.Fit(imputer.Apply(fit), imputer.Apply(watch), new FitOptions { Epochs = 60, EarlyStoppingPatience = 6 });
                Console.WriteLine($"holdout accuracy {model.Evaluate(imputer.Apply(holdout)).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Credit_separate_holdout_file_only_counted_in_a_printout_is_silent() => Expect(Program(CreditFiles));

    [Fact]
    public Task Credit_separate_holdout_file_imputed_with_its_own_means_is_reported() =>
        Expect(Program(Mutate(CreditFiles, "var imputer = Imputer.Fit(fit, new ImputerOptions { Strategy = ImputeStrategy.Mean });",
            "var imputer = Imputer.Fit({|#0:train.Concat(holdout).ToList()|}, new ImputerOptions { Strategy = ImputeStrategy.Mean });")), "MLDSL0016");
}
