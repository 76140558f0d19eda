namespace MlDsl.Analyzers.Tests;

/// <summary>Set J, long correct store-sales programs on [Timestamp] rows (and single mistakes put into them).</summary>
public sealed partial class FreshLeakageCasesJ
{
    // ───────────── C9. Lag features from tills, time split, scaler on training days, early stopping on validation, one test score ─────────────

    private const string StoreForecast = """
        public static class StoreForecast
        {
            private static List<Till> ReadTills(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(','))
                    .Select(f => new Till(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3])))
                    .OrderBy(t => t.Date).ToList();

            private static IEnumerable<StoreDay> WithLags(List<Till> tills)
            {
                for (int i = 7; i < tills.Count; i++)
                {
                    var today = tills[i];
                    yield return new StoreDay
                    {
                        Date = today.Date,
                        Promo = today.Promo,
                        Holiday = today.Holiday,
                        UnitsLag1 = tills[i - 1].Units,
                        UnitsLag7 = tills[i - 7].Units,
                        Units = today.Units,
                    };
                }
            }

            public static void Main()
            {
                var days = WithLags(ReadTills("tills.csv")).ToList();
                var (train, validation, test) = days.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.15 });
                Console.WriteLine($"train to {train.Max(d => d.Date):d}, test from {test.Min(d => d.Date):d}");
                var scaler = Standardizer.Fit(train);
                using var model = new StoreNet(seed: 9);
                var report = model.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { Epochs = 80, EarlyStoppingPatience = 8 });
                Console.WriteLine($"best epoch {report.BestEpoch}, train MAE {report.Last.TrainMeanAbsoluteError:F1}");
                var naive = test.Average(d => Math.Abs(d.Units - d.UnitsLag7));
                Console.WriteLine($"test MAE {model.Evaluate(scaler.Apply(test)).MeanAbsoluteError:F1} (seasonal naive {naive:F1})");
            }
        }
        """;

    [Fact]
    public Task Store_forecast_with_lag_features_and_a_time_split_is_silent() => Expect(Program(StoreForecast));

    [Fact]
    public Task Store_forecast_with_a_random_split_of_days_is_reported() =>
        Expect(Program(Mutate(StoreForecast, "days.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.15 })",
            "days.Split({|#0:new SplitOptions { Kind = SplitKind.Random, Validation = 0.1, Test = 0.15 }|})")), "MLDSL0019");

    [Fact]
    public Task Store_forecast_with_a_lag_that_reads_the_same_day_is_reported() =>
        Expect(Program(Mutate(StoreForecast, "UnitsLag1 = tills[i - 1].Units,", "{|#0:UnitsLag1 = tills[i].Units|},")), "MLDSL0017");

    // ───────────── C10. Time-series folds over the training days, averaged, then one test score ─────────────

    private const string StoreBacktest = """
        public static class StoreBacktest
        {
            public static void Main()
            {
                var days = CsvFile.Read<StoreDay>("sales.csv").OrderBy(d => d.Date).ToList();
                var (train, _, test) = days.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.0, Test = 0.2 });
                var folds = new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 5, Gap = 7 };
                FitOnFold<StoreDay> scale = past => { var s = Standardizer.Fit(past); return rows => s.Apply(rows); };

                var widths = new Dictionary<string, Func<StoreNet>> { ["base"] = () => new StoreNet(seed: 1), ["seed2"] = () => new StoreNet(seed: 2) };
                foreach (var (name, create) in widths)
                {
                    var cv = CrossValidation.Run(train, CrossValidation.TrainModel<StoreDay, StoreNet>(create, new FitOptions { Epochs = 30 }), folds, scale);
                    Console.WriteLine($"{name}: backtest {cv.Mean:F2} ± {cv.StandardDeviation:F2} over {cv.Folds.Count} folds");
                }

                var scaler = Standardizer.Fit(train);
                using var model = new StoreNet(seed: 1);
                model.Fit(scaler.Apply(train), null, new FitOptions { Epochs = 30 });
                Console.WriteLine($"test MAE {model.Evaluate(scaler.Apply(test)).MeanAbsoluteError:F1}");
            }
        }
        """;

    [Fact]
    public Task Store_backtest_with_time_series_folds_averaged_then_one_test_score_is_silent() => Expect(Program(StoreBacktest));

    [Fact]
    public Task Store_backtest_with_shuffled_k_folds_is_reported() =>
        Expect(Program(Mutate(Mutate(StoreBacktest, "var folds = new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 5, Gap = 7 };",
            "var folds = new FoldOptions { Kind = FoldKind.KFold, Folds = 5, Shuffle = true };"), "new FitOptions { Epochs = 30 }), folds, scale);", "new FitOptions { Epochs = 30 }), {|#0:folds|}, scale);")), "MLDSL0019");

    // ───────────── C11. Hand-written walk-forward over the training days with a "test" slot inside each window ─────────────

    private const string StoreWalk = """
        public static class StoreWalk
        {
            private static double Mae(StoreNet model, IReadOnlyList<StoreDay> rows) =>
                rows.Zip(model.Predict(rows), (d, p) => Math.Abs(d.Units - p)).Average();

            public static void Main()
            {
                var days = CsvFile.Read<StoreDay>("sales.csv").OrderBy(d => d.Date).ToList();
                var (history, _, test) = days.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.0, Test = 0.2 });
                var rates = new[] { 3e-4, 1e-3, 3e-3 };
                var meanError = new Dictionary<double, double>();
                foreach (double rate in rates)
                {
                    var errors = new List<double>();
                    for (int end = history.Count / 2; end + 28 <= history.Count; end += 28)
                    {
                        var window = history.Take(end + 28).ToList();
                        var inner = window.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.0, TestCount = 28 });
                        using var model = new StoreNet(seed: 5);
                        model.Fit(inner.Train, null, new FitOptions { LearningRate = rate, Epochs = 20, Verbose = 0 });
                        errors.Add(Mae(model, inner.Test));
                    }
                    meanError[rate] = errors.Average();
                }
                double best = meanError.MinBy(kv => kv.Value).Key;
                Console.WriteLine($"walk-forward picks rate {best:G}");

                using var final = new StoreNet(seed: 5);
                final.Fit(history, null, new FitOptions { LearningRate = best, Epochs = 20 });
                Console.WriteLine($"test MAE {Mae(final, test):F2}");
            }
        }
        """;

    [Fact]
    public Task Store_walk_forward_choosing_on_inner_test_windows_of_the_history_is_silent() => Expect(Program(StoreWalk));

    [Fact]
    public Task Store_walk_forward_choosing_on_the_outer_test_days_is_reported() =>
        Expect(Program(Mutate(StoreWalk, "errors.Add(Mae(model, inner.Test));", "errors.Add(Mae(model, {|#0:test|}));")), "MLDSL0018");

    // ───────────── C12. Declarative sales pipeline: [Ingest] builds lag features, time split, transform stage ─────────────

    private const string StorePipeline = """
        [Pipeline(typeof(StoreNet))]
        [Split(Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2)]
        [Transform(TransformKind.Standardize, Impute = ImputeStrategy.Median)]
        [Train(Epochs = 40, EarlyStoppingPatience = 5)]
        public sealed partial class StorePipeline
        {
            [Ingest]
            private static IReadOnlyList<StoreDay> Load()
            {
                var tills = File.ReadLines("tills.csv").Skip(1).Select(l => l.Split(','))
                    .Select(f => new Till(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3])))
                    .OrderBy(t => t.Date).ToArray();
                return Enumerable.Range(7, tills.Length - 7).Select(i => new StoreDay
                {
                    Date = tills[i].Date,
                    Promo = tills[i].Promo,
                    Holiday = tills[i].Holiday,
                    UnitsLag1 = tills[i - 1].Units,
                    UnitsLag7 = tills[i - 7].Units,
                    Units = tills[i].Units,
                }).ToList();
            }
        }
        """;

    [Fact]
    public Task Store_pipeline_building_lags_in_ingest_with_a_time_split_is_silent() => Expect(Program(StorePipeline));

    [Fact]
    public Task Store_pipeline_split_at_random_is_reported() =>
        Expect(Program(Mutate(StorePipeline, "[Split(Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2)]", "[{|#0:Split(Kind = SplitKind.Random, Validation = 0.1, Test = 0.2)|}]")), "MLDSL0019");

    [Fact(Skip = "Missed: an Average over every till inside the [Ingest] projection that fills a feature before the pipeline split (MLDSL0016): Till is no [Dataset] row, so its records carry no rows; following raw records parsed from a read made rolling windows over them (FreshLeakageCasesI river cases) report as statistics, so it was left out")]
    public Task Store_pipeline_ingest_filling_promo_gaps_with_the_mean_of_every_day_is_reported() =>
        Expect(Program(Mutate(StorePipeline, "Promo = tills[i].Promo,", "Promo = float.IsNaN(tills[i].Promo) ? {|#0:tills.Where(t => !float.IsNaN(t.Promo)).Average(t => t.Promo)|} : tills[i].Promo,")), "MLDSL0016");
}
