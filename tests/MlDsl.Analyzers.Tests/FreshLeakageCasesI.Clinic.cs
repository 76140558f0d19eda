namespace MlDsl.Analyzers.Tests;

public sealed partial class FreshLeakageCasesI
{
    // ───────────── 1. Readmission experiment: imputer and scaler on training rows, early stopping, bootstrap, error analysis ─────────────

    private const string Readmission = """
        public sealed record ClinicConfig(string Path, int Epochs, double LearningRate, int Seed, int BootstrapRounds);

        public sealed class ReadmissionExperiment
        {
            private readonly ClinicConfig config;

            public ReadmissionExperiment(ClinicConfig config) => this.config = config;

            private static IReadOnlyList<Patient> Load(string path) => CsvFile.Read<Patient>(path);

            private static IReadOnlyList<Patient> Clean(IReadOnlyList<Patient> rows) =>
                rows.Where(p => p.Age is > 0 and < 120).Select(p => p with { Bmi = p.Bmi <= 0 ? float.NaN : p.Bmi }).ToList();

            private static void Summarise(string title, IReadOnlyList<Patient> rows)
            {
                double rate = rows.Average(p => p.Readmitted);
                double glucose = rows.Where(p => !float.IsNaN(p.Glucose)).Average(p => p.Glucose);
                Console.WriteLine($"{title}: {rows.Count} patients, readmitted {rate:P1}, mean glucose {glucose:F1}");
            }

            private static (double Low, double High) Bootstrap(int[] predicted, int[] actual, int rounds, int seed)
            {
                var random = new Random(seed);
                var scores = new List<double>();
                for (int round = 0; round < rounds; round++)
                {
                    int hits = 0;
                    for (int k = 0; k < actual.Length; k++)
                    {
                        int i = random.Next(actual.Length);
                        if (predicted[i] == actual[i]) hits++;
                    }
                    scores.Add(hits / (double)actual.Length);
                }
                scores.Sort();
                return (scores[(int)(0.025 * rounds)], scores[(int)(0.975 * rounds) - 1]);
            }

            public void Run()
            {
                IReadOnlyList<Patient> rows = Clean(Load(config.Path));
                Summarise("all", rows);
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.15, Seed = config.Seed });
                Imputer imputer = Imputer.Fit(split.Train, ImputeStrategy.Median);
                Standardizer scaler = Standardizer.Fit(imputer.Apply(split.Train));
                Patient[] train = scaler.Apply(imputer.Apply(split.Train));
                Patient[] validation = scaler.Apply(imputer.Apply(split.Validation));
                Patient[] test = scaler.Apply(imputer.Apply(split.Test));

                using var model = new PatientNet(seed: config.Seed);
                FitReport report = model.Fit(train, validation, new FitOptions
                {
                    Epochs = config.Epochs, LearningRate = config.LearningRate, EarlyStoppingPatience = 5, Seed = config.Seed, Verbose = 0,
                });
                Console.WriteLine($"stopped at {report.StoppedEarlyAt ?? config.Epochs}, train loss {report.Last.TrainLoss:F4}");

                Evaluation final = model.Evaluate(test);
                int[] predicted = model.Predict(test);
                int[] actual = test.Select(p => p.Readmitted).ToArray();
                var (low, high) = Bootstrap(predicted, actual, config.BootstrapRounds, config.Seed);
                Console.WriteLine($"test accuracy {final.Accuracy:P2} (95% CI {low:P1}–{high:P1})");

                var wrongByWard = split.Test.Zip(predicted, (patient, guess) => (patient.Ward, Wrong: guess != patient.Readmitted))
                    .GroupBy(x => x.Ward)
                    .Select(g => (Ward: g.Key, Errors: g.Count(x => x.Wrong), Count: g.Count()))
                    .OrderByDescending(g => g.Errors);
                foreach (var (ward, errors, count) in wrongByWard)
                {
                    Console.WriteLine($"  {ward,-12} {errors}/{count} wrong");
                }

                imputer.Save("imputer.json");
                scaler.Save("scaler.json");
                model.Save("readmission.mldsl");
            }
        }

        public static class Program
        {
            public static void Main() => new ReadmissionExperiment(new ClinicConfig("patients.csv", 40, 1e-3, 11, 1000)).Run();
        }
        """;

    [Fact]
    public Task Readmission_experiment_with_bootstrap_and_error_analysis_is_silent() => Expect(Program(Readmission));

    // Which part of the program above raises the false alarm: the bootstrap alone (error analysis removed) ...
    [Fact]
    public Task Readmission_with_the_bootstrap_but_no_error_analysis_is_silent() =>
        Expect(Program(Mutate(Readmission, "var wrongByWard = split.Test.Zip(predicted, (patient, guess) => (patient.Ward, Wrong: guess != patient.Readmitted))",
            "var wrongByWard = Array.Empty<Patient>().Select(p => (p.Ward, Wrong: false))")));

    // ... and the error analysis alone (bootstrap removed).
    [Fact]
    public Task Readmission_with_the_error_analysis_but_no_bootstrap_is_silent() =>
        Expect(Program(Mutate(Readmission, "var (low, high) = Bootstrap(predicted, actual, config.BootstrapRounds, config.Seed);", "var (low, high) = (0.0, 1.0);")));

    // Kind: statistics learned from rows that reach test (MLDSL0016). Idea: scikit-learn "common pitfalls", imputing before the split.
    [Fact]
    public Task Readmission_imputer_fitted_on_all_cleaned_rows_is_reported() =>
        Expect(Program(Mutate(Readmission, "Imputer.Fit(split.Train, ImputeStrategy.Median)", "Imputer.Fit({|#0:rows|}, ImputeStrategy.Median)")), "MLDSL0016");

    // Kind: the test part steering a choice (early stopping on test, MLDSL0018), and then the test score is on rows that stopped it.
    [Fact]
    public Task Readmission_early_stopping_on_the_test_part_is_reported() =>
        Expect(Program(Mutate(Readmission, "FitReport report = model.Fit(train, validation, new FitOptions", "FitReport report = model.Fit(train, {|#0:test|}, new FitOptions")
            .Replace("Evaluation final = model.Evaluate(test);", "Evaluation final = model.Evaluate({|#1:test|});")), "MLDSL0018", "MLDSL0027");

    // ───────────── 2. Cross-validated learning rate on the training part, refit on train+validation, one test score ─────────────

    private const string ClinicSearch = """
        public sealed record SearchConfig(double[] Rates, int[] Epochs, int Folds, int Seed);

        public static class ClinicSearch
        {
            private static FitOnFold<Patient> Prepare => foldTrain =>
            {
                Imputer imputer = Imputer.Fit(foldTrain, ImputeStrategy.Mean);
                Standardizer scaler = Standardizer.Fit(imputer.Apply(foldTrain));
                return rows => scaler.Apply(imputer.Apply(rows));
            };

            private static FoldScorer<Patient> Scorer((double Rate, int Epochs) p, int seed) =>
                CrossValidation.TrainModel<Patient, PatientNet>(() => new PatientNet(seed: seed), new FitOptions { LearningRate = p.Rate, Epochs = p.Epochs, Verbose = 0 });

            public static void Main()
            {
                var config = new SearchConfig(new[] { 3e-4, 1e-3, 3e-3 }, new[] { 10, 30 }, 5, 21);
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("patients.csv");
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = config.Seed });

                var folds = new FoldOptions { Kind = FoldKind.Stratified, Folds = config.Folds, Shuffle = true, Seed = config.Seed };
                SearchResult<(double, int)> search = GridSearch.CrossValidate(train, GridSearch.Grid(config.Rates, config.Epochs),
                    p => Scorer(p, config.Seed), folds, Prepare);
                foreach (var candidate in search.Candidates.OrderByDescending(c => c.Score.Mean))
                {
                    Console.WriteLine($"{candidate.Parameters}: {candidate.Score.Mean:F3} ± {candidate.Score.StandardDeviation:F3}");
                }
                var (rate, epochs) = search.Best.Parameters;

                List<Patient> trainAndValidation = train.Concat(validation).ToList();
                Imputer imputer = Imputer.Fit(trainAndValidation, ImputeStrategy.Mean);
                Standardizer scaler = Standardizer.Fit(imputer.Apply(trainAndValidation));
                using var model = new PatientNet(seed: config.Seed);
                model.Fit(scaler.Apply(imputer.Apply(trainAndValidation)), null, new FitOptions { LearningRate = rate, Epochs = epochs, Verbose = 0 });
                Evaluation score = model.Evaluate(scaler.Apply(imputer.Apply(test)));
                Console.WriteLine($"chosen rate {rate}, epochs {epochs}; test accuracy {score.Accuracy:P2} on {score.Count} patients");
            }
        }
        """;

    [Fact]
    public Task Cross_validated_search_on_training_rows_then_refit_on_train_and_validation_is_silent() => Expect(Program(ClinicSearch));

    // Kind: the test part steering a choice (MLDSL0018): the search is given train+test as the rows it cross-validates.
    [Fact]
    public Task Cross_validated_search_over_train_and_test_rows_is_reported() =>
        Expect(Program(Mutate(ClinicSearch, "SearchResult<(double, int)> search = GridSearch.CrossValidate(train, GridSearch.Grid",
            "SearchResult<(double, int)> search = GridSearch.CrossValidate({|#0:train.Concat(test).ToList()|}, GridSearch.Grid")), "MLDSL0018");

    // Kind: statistics learned from rows that reach test (MLDSL0016): the refit's imputer is fitted on every row, test included.
    [Fact]
    public Task Refit_imputer_fitted_on_all_rows_after_the_search_is_reported() =>
        Expect(Program(Mutate(ClinicSearch, "Imputer imputer = Imputer.Fit(trainAndValidation, ImputeStrategy.Mean);",
            "Imputer imputer = Imputer.Fit({|#0:rows|}, ImputeStrategy.Mean);")), "MLDSL0016");

    // ───────────── 3. Hand-written stratified folds over training rows, fold scores averaged, ward rates per fold ─────────────

    private const string HandFolds = """
        public static class WardRates
        {
            /// <summary>The readmission rate of each ward among <paramref name="rows"/>, shrunk towards the overall rate.</summary>
            public static Dictionary<string, float> Fit(IReadOnlyList<Patient> rows, float prior = 20f)
            {
                float overall = (float)rows.Average(p => p.Readmitted);
                return rows.GroupBy(p => p.Ward).ToDictionary(
                    g => g.Key,
                    g => (g.Sum(p => p.Readmitted) + prior * overall) / (g.Count() + prior));
            }

            public static Patient[] Apply(IReadOnlyList<Patient> rows, Dictionary<string, float> rates, float fallback) =>
                rows.Select(p => p with { WardRate = rates.TryGetValue(p.Ward, out float r) ? r : fallback }).ToArray();
        }

        public static class FoldExperiment
        {
            private static double ScoreFold(IReadOnlyList<Patient> foldTrain, IReadOnlyList<Patient> foldValidation, int seed)
            {
                Dictionary<string, float> rates = WardRates.Fit(foldTrain);
                float fallback = (float)foldTrain.Average(p => p.Readmitted);
                Patient[] encodedTrain = WardRates.Apply(foldTrain, rates, fallback);
                Patient[] encodedValidation = WardRates.Apply(foldValidation, rates, fallback);
                Standardizer scaler = Standardizer.Fit(encodedTrain);
                using var model = new PatientNet(seed: seed);
                model.Fit(scaler.Apply(encodedTrain), null, new FitOptions { Epochs = 20, Verbose = 0 });
                return model.Evaluate(scaler.Apply(encodedValidation)).Accuracy;
            }

            public static void Main()
            {
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("patients.csv");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Test = 0.2, Validation = 0.0, Seed = 5 });
                IReadOnlyList<Patient> train = split.Train;

                var scores = new List<double>();
                foreach (Fold fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }))
                {
                    Patient[] foldTrain = fold.Train.Select(i => train[i]).ToArray();
                    Patient[] foldValidation = fold.Validation.Select(i => train[i]).ToArray();
                    double score = ScoreFold(foldTrain, foldValidation, 5);
                    scores.Add(score);
                    Console.WriteLine($"fold {fold.Index}: {score:P2}");
                }
                double mean = scores.Average();
                double sd = Math.Sqrt(scores.Average(s => (s - mean) * (s - mean)));
                Console.WriteLine($"cross-validated accuracy {mean:P2} ± {sd:P2}");

                Dictionary<string, float> finalRates = WardRates.Fit(train);
                float finalFallback = (float)train.Average(p => p.Readmitted);
                Patient[] encodedTrain = WardRates.Apply(train, finalRates, finalFallback);
                Patient[] encodedTest = WardRates.Apply(split.Test, finalRates, finalFallback);
                Standardizer scaler = Standardizer.Fit(encodedTrain);
                using var model = new PatientNet(seed: 5);
                model.Fit(scaler.Apply(encodedTrain), null, new FitOptions { Epochs = 20, Verbose = 0 });
                Console.WriteLine($"test accuracy {model.Evaluate(scaler.Apply(encodedTest)).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Hand_written_folds_with_ward_rates_fitted_per_fold_and_averaged_scores_are_silent() => Expect(Program(HandFolds));

    // Kind: label-derived statistics learned from rows that reach test (target encoding on all rows; Kaggle target-encoding leak).
    // Reported at the helper call, as every helper that learns from the rows it is given.
    [Fact]
    public Task Ward_readmission_rates_fitted_on_all_rows_for_the_final_model_are_reported() =>
        Expect(Program(Mutate(HandFolds, "Dictionary<string, float> finalRates = WardRates.Fit(train);",
            "Dictionary<string, float> finalRates = {|#0:WardRates.Fit(rows)|};")), "MLDSL0016");
}
