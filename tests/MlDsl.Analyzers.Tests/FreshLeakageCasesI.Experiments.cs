namespace MlDsl.Analyzers.Tests;

public sealed partial class FreshLeakageCasesI
{
    // ───────────── 26. An experiment object holding its parts in fields; stages called in order, test read in one stage ─────────────

    private const string StagedExperiment = """
        public sealed record StageConfig(string Path, int Seed, int Epochs);

        public sealed class StagedExperiment : IDisposable
        {
            private readonly StageConfig config;
            private IReadOnlyList<Member> all = Array.Empty<Member>();
            private Member[] train = Array.Empty<Member>();
            private Member[] validation = Array.Empty<Member>();
            private Member[] test = Array.Empty<Member>();
            private MemberNet? model;

            public StagedExperiment(StageConfig config) => this.config = config;

            public void Load()
            {
                all = CsvFile.Read<Member>(config.Path);
                Console.WriteLine($"mean tenure over everyone {all.Average(m => m.Tenure):F1} months");
            }

            public void Prepare()
            {
                var split = all.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = config.Seed });
                var imputer = Imputer.Fit(split.Train, ImputeStrategy.Median);
                var scaler = Standardizer.Fit(imputer.Apply(split.Train));
                train = scaler.Apply(imputer.Apply(split.Train));
                validation = scaler.Apply(imputer.Apply(split.Validation));
                test = scaler.Apply(imputer.Apply(split.Test));
            }

            public FitReport Train()
            {
                model = new MemberNet(seed: config.Seed);
                return model.Fit(train, validation, new FitOptions { Epochs = config.Epochs, EarlyStoppingPatience = 3, Verbose = 0 });
            }

            public Evaluation Test() => model!.Evaluate(test);

            public void Dispose() => model?.Dispose();
        }

        public static class Program
        {
            public static void Main()
            {
                using var experiment = new StagedExperiment(new StageConfig("members.csv", 3, 30));
                experiment.Load();
                experiment.Prepare();
                FitReport report = experiment.Train();
                Evaluation score = experiment.Test();
                Console.WriteLine($"epochs {report.Epochs.Count}, train loss {report.Last.TrainLoss:F4}, test accuracy {score.Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Experiment_object_with_parts_in_fields_and_stages_called_in_order_is_silent() => Expect(Program(StagedExperiment));

    // Kind: statistics from rows that reach test (MLDSL0016): the imputer in the Prepare stage learns from every member.
    [Fact]
    public Task Experiment_object_imputer_fitted_on_the_all_field_is_reported() =>
        Expect(Program(Mutate(StagedExperiment, "var imputer = Imputer.Fit(split.Train, ImputeStrategy.Median);", "var imputer = Imputer.Fit({|#0:all|}, ImputeStrategy.Median);")), "MLDSL0016");

    // ───────────── 27. Early stopping on a holdout carved from the training part; validation and test scored once each ─────────────

    private const string CarvedHoldout = """
        public static class CarvedHoldout
        {
            public static void Main()
            {
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("patients.csv");
                var outer = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.15, Seed = 44 });
                var inner = outer.Train.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.0, Test = 0.1, Seed = 45 });
                IReadOnlyList<Patient> fitRows = inner.Train, stopRows = inner.Test;

                var scaler = Standardizer.Fit(fitRows);
                using var model = new PatientNet(seed: 44);
                FitReport report = model.Fit(scaler.Apply(fitRows), scaler.Apply(stopRows), new FitOptions { Epochs = 60, EarlyStoppingPatience = 5, Verbose = 0 });
                Console.WriteLine($"stopped at epoch {report.StoppedEarlyAt ?? 60} (best {report.BestEpoch})");

                Evaluation validationScore = model.Evaluate(scaler.Apply(outer.Validation));
                Evaluation testScore = model.Evaluate(scaler.Apply(outer.Test));
                Console.WriteLine($"validation {validationScore.Accuracy:P2}, test {testScore.Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Early_stopping_on_a_holdout_carved_from_training_then_validation_and_test_scores_is_silent() => Expect(Program(CarvedHoldout));

    // Kind: scores on rows split off only for early stopping (MLDSL0027): the holdout that stopped training is reported as "validation".
    [Fact]
    public Task Score_reported_on_the_early_stopping_holdout_is_reported() =>
        Expect(Program(Mutate(CarvedHoldout, "Evaluation validationScore = model.Evaluate(scaler.Apply(outer.Validation));",
            "Evaluation validationScore = model.Evaluate({|#0:scaler.Apply(stopRows)|});")), "MLDSL0027");

    // ───────────── 28. Several seeds: validation mean ± deviation, test of every seed averaged (no seed is picked) ─────────────

    private const string SeedStudy = """
        public static class SeedStudy
        {
            public static void Main()
            {
                IReadOnlyList<House> rows = CsvFile.Read<House>("sales.csv");
                var split = rows.Split(new SplitOptions { Validation = 0.15, Test = 0.15, Seed = 1 });
                var scaler = Standardizer.Fit(split.Train);
                House[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);

                var validationErrors = new List<double>();
                var testErrors = new List<double>();
                foreach (int seed in Enumerable.Range(1, 5))
                {
                    using var model = new HouseNet(seed: seed);
                    model.Fit(train, null, new FitOptions { Epochs = 40, Seed = seed, Verbose = 0 });
                    validationErrors.Add(model.Evaluate(validation).MeanAbsoluteError);
                    testErrors.Add(model.Evaluate(test).MeanAbsoluteError);
                }
                double Mean(List<double> xs) => xs.Average();
                double Sd(List<double> xs) => Math.Sqrt(xs.Average(x => (x - xs.Average()) * (x - xs.Average())));
                Console.WriteLine($"validation MAE {Mean(validationErrors):F0} ± {Sd(validationErrors):F0}");
                Console.WriteLine($"test MAE {Mean(testErrors):F0} ± {Sd(testErrors):F0} over 5 seeds");
            }
        }
        """;

    [Fact]
    public Task Seed_study_averaging_validation_and_test_errors_over_seeds_is_silent() => Expect(Program(SeedStudy));

    // Kind: several models evaluated on test and the best kept (MLDSL0018): the seed with the lowest test MAE is saved.
    // Fires because the scores are compared (testErrors.Min()) and the best seed saved, not merely because test is scored in the loop.
    [Fact]
    public Task Seed_with_the_lowest_test_error_saved_is_reported() =>
        Expect(Program(Mutate(SeedStudy, "testErrors.Add(model.Evaluate(test).MeanAbsoluteError);",
            "testErrors.Add(model.Evaluate({|#0:test|}).MeanAbsoluteError); if (testErrors[^1] <= testErrors.Min()) model.Save(\"best.mldsl\");")), "MLDSL0018");

    // ───────────── 29. Yesterday's flow looked up by date in a dictionary; random search on validation; one test score ─────────────

    private const string DateLookup = """
        public static class DateLookup
        {
            public static void Main()
            {
                Dictionary<DateTime, Gauge> byDay = File.ReadLines("gauge.csv").Skip(1).Select(l => l.Split(','))
                    .Select(f => new Gauge(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))).ToDictionary(g => g.Day);
                var rows = new List<RiverDay>();
                foreach (Gauge today in byDay.Values.OrderBy(g => g.Day))
                {
                    if (!byDay.TryGetValue(today.Day.AddDays(-1), out Gauge? yesterday)) continue;
                    float rain3 = Enumerable.Range(1, 3).Sum(k => byDay.TryGetValue(today.Day.AddDays(-k), out Gauge? g) ? g.Rain : 0f);
                    rows.Add(new RiverDay { Day = today.Day, Rain = today.Rain, FlowLag1 = yesterday.Flow, Rain3 = rain3, Flow = today.Flow });
                }

                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.15, Test = 0.15 });
                SearchResult<(double Rate, int Epochs)> search = RandomSearch.OnValidation(split,
                    random => (Rate: Math.Pow(10, -4 + 2 * random.NextDouble()), Epochs: random.Next(10, 60)), 10, 7,
                    p => CrossValidation.TrainModel<RiverDay, RiverNet>(() => new RiverNet(seed: 7), new FitOptions { LearningRate = p.Rate, Epochs = p.Epochs, Verbose = 0 }),
                    foldTrain => MinMaxScaler.Fit(foldTrain).Apply);
                var (rate, epochs) = search.Best.Parameters;

                var scaler = MinMaxScaler.Fit(split.Train);
                using var model = new RiverNet(seed: 7);
                model.Fit(scaler.Apply(split.Train), null, new FitOptions { LearningRate = rate, Epochs = epochs, Verbose = 0 });
                Console.WriteLine($"rate {rate:E1}, {epochs} epochs: test MAE {model.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError:F2}");
            }
        }
        """;

    [Fact]
    public Task Yesterday_by_date_lookup_and_random_search_on_validation_then_one_test_score_is_silent() => Expect(Program(DateLookup));

    // Kind: a feature from the label (MLDSL0017): "yesterday" looked up with AddDays(+1) is tomorrow's flow.
    [Fact]
    public Task Lookup_of_tomorrow_instead_of_yesterday_is_reported() =>
        Expect(Program(Mutate(DateLookup, "if (!byDay.TryGetValue(today.Day.AddDays(-1), out Gauge? yesterday)) continue;",
            "if (!byDay.TryGetValue({|#0:today.Day.AddDays(1)|}, out Gauge? yesterday)) continue;")), "MLDSL0017");
}
