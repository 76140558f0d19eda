namespace MlDsl.Analyzers.Tests;

public sealed partial class FreshLeakageCasesI
{
    // ───────────── 4. River flow: lag and rolling-rain features from the gauge series, split by time, one test score ─────────────

    private const string RiverForecast = """
        public sealed record RiverConfig(string GaugePath, int Epochs, double LearningRate, int Seed);

        public sealed class RiverForecast
        {
            private readonly RiverConfig config;

            public RiverForecast(RiverConfig config) => this.config = config;

            private static List<Gauge> ReadGauge(string path) =>
                File.ReadLines(path).Skip(1)
                    .Select(line => line.Split(','))
                    .Select(f => new Gauge(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2])))
                    .OrderBy(g => g.Day)
                    .ToList();

            private static List<RiverDay> ToRows(List<Gauge> days)
            {
                var rows = new List<RiverDay>();
                for (int i = 3; i < days.Count; i++)
                {
                    rows.Add(new RiverDay
                    {
                        Day = days[i].Day,
                        Rain = days[i].Rain,
                        FlowLag1 = days[i - 1].Flow,
                        Rain3 = days[(i - 3)..i].Sum(d => d.Rain),
                        Flow = days[i].Flow,
                    });
                }
                return rows;
            }

            private static void Plot(List<Gauge> days)
            {
                float mean = days.Average(d => d.Flow);
                float peak = days.Max(d => d.Flow);
                foreach (var month in days.GroupBy(d => d.Day.Month).OrderBy(g => g.Key))
                {
                    int bar = (int)(40 * month.Average(d => d.Flow) / peak);
                    Console.WriteLine($"{month.Key,2} {new string('#', bar)} (all-days mean {mean:F1})");
                }
            }

            public void Run()
            {
                List<Gauge> days = ReadGauge(config.GaugePath);
                Plot(days);
                List<RiverDay> rows = ToRows(days);
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.15, Test = 0.15 });
                MinMaxScaler scaler = MinMaxScaler.Fit(split.Train);
                using var model = new RiverNet(seed: config.Seed);
                FitReport report = model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions
                {
                    Epochs = config.Epochs, LearningRate = config.LearningRate, EarlyStoppingPatience = 4, Verbose = 0,
                });
                Console.WriteLine($"train MAE {report.Last.TrainMeanAbsoluteError:F2} (diagnostic only)");
                Evaluation test = model.Evaluate(scaler.Apply(split.Test));
                Console.WriteLine($"test MAE {test.MeanAbsoluteError:F2} over {test.Count} days");
                model.Save("river.mldsl");
            }
        }

        public static class Program
        {
            public static void Main() => new RiverForecast(new RiverConfig("gauge.csv", 60, 1e-3, 4)).Run();
        }
        """;

    [Fact]
    public Task River_forecast_with_lag_and_rolling_rain_and_a_plot_over_all_days_is_silent() => Expect(Program(RiverForecast));

    // Kind: a feature from the label outside the record (MLDSL0017): the "lag" reads today's flow (an off-by-one).
    [Fact]
    public Task River_lag_that_reads_the_same_day_flow_is_reported() =>
        Expect(Program(Mutate(RiverForecast, "FlowLag1 = days[i - 1].Flow,", "{|#0:FlowLag1 = days[i].Flow|},")), "MLDSL0017");

    // Kind: group and time leakage (MLDSL0019): a random split of [Timestamp] rows.
    [Fact]
    public Task River_rows_split_at_random_are_reported() =>
        Expect(Program(Mutate(RiverForecast, "var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.15, Test = 0.15 });",
            "var split = rows.Split({|#0:new SplitOptions { Kind = SplitKind.Random, Validation = 0.15, Test = 0.15 }|});")), "MLDSL0019");

    // ───────────── 5. River: learning rate by time-series folds over the training days, then one test score ─────────────

    private const string RiverFolds = """
        public static class RiverTuning
        {
            private static List<RiverDay> Build(IReadOnlyList<Gauge> g)
            {
                var rows = new List<RiverDay>(g.Count);
                for (int i = 3; i < g.Count; i++)
                {
                    float rain3 = 0;
                    for (int k = i - 3; k < i; k++) rain3 += g[k].Rain;
                    rows.Add(new RiverDay { Day = g[i].Day, Rain = g[i].Rain, FlowLag1 = g[i - 1].Flow, Rain3 = rain3, Flow = g[i].Flow });
                }
                return rows;
            }

            public static void Main()
            {
                List<Gauge> gauge = File.ReadLines("gauge.csv").Skip(1).Select(l => l.Split(','))
                    .Select(f => new Gauge(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))).OrderBy(g => g.Day).ToList();
                Console.WriteLine($"{gauge.Count} days, wettest {gauge.Max(g => g.Rain):F1} mm, mean flow {gauge.Average(g => g.Flow):F1}");
                List<RiverDay> rows = Build(gauge);
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.0, Test = 0.2 });

                var folds = new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 4, Gap = 3 };
                SearchResult<double> search = RandomSearch.CrossValidate(split.Train, random => Math.Pow(10, -4 + 2 * random.NextDouble()), 8, 3,
                    rate => CrossValidation.TrainModel<RiverDay, RiverNet>(() => new RiverNet(seed: 3), new FitOptions { LearningRate = rate, Epochs = 30, Verbose = 0 }),
                    folds, foldTrain => Standardizer.Fit(foldTrain).Apply);
                double best = search.Best.Parameters;
                Console.WriteLine($"best rate {best:E1}: fold MAE {-search.Best.Score.Mean:F2} ± {search.Best.Score.StandardDeviation:F2}");

                Standardizer scaler = Standardizer.Fit(split.Train);
                using var model = new RiverNet(seed: 3);
                model.Fit(scaler.Apply(split.Train), null, new FitOptions { LearningRate = best, Epochs = 30, Verbose = 0 });
                float[] predicted = model.Predict(scaler.Apply(split.Test));
                double mae = split.Test.Zip(predicted, (day, p) => Math.Abs(day.Flow - p)).Average();
                Console.WriteLine($"test MAE {mae:F2}");
                var worst = split.Test.Zip(predicted, (day, p) => (day.Day, Error: Math.Abs(day.Flow - p))).OrderByDescending(x => x.Error).Take(5);
                foreach (var (day, error) in worst) Console.WriteLine($"  {day:yyyy-MM-dd} off by {error:F1}");
            }
        }
        """;

    [Fact]
    public Task Time_series_folds_pick_the_rate_then_test_mae_and_worst_days_are_silent() => Expect(Program(RiverFolds));

    // Kind: statistics from rows that reach test (MLDSL0016): the final scaler is fitted on every row.
    [Fact]
    public Task River_final_scaler_fitted_on_all_rows_is_reported() =>
        Expect(Program(Mutate(RiverFolds, "Standardizer scaler = Standardizer.Fit(split.Train);", "Standardizer scaler = Standardizer.Fit({|#0:rows|});")), "MLDSL0016");

    // Kind: a window that reaches the day being predicted (MLDSL0017): the rain sum runs one day too far, harmless; the flow would not be.
    [Fact]
    public Task River_rain_window_including_today_is_silent() =>
        Expect(Program(Mutate(RiverFolds, "for (int k = i - 3; k < i; k++) rain3 += g[k].Rain;", "for (int k = i - 2; k <= i; k++) rain3 += g[k].Rain;")));

    // ───────────── 6. River: rolling statistics written with a queue, climatology from training days only ─────────────

    private const string RiverQueue = """
        public static class RiverClimatology
        {
            private static IEnumerable<RiverDay> Rolling(IReadOnlyList<Gauge> series)
            {
                var window = new Queue<float>();
                float previousFlow = float.NaN;
                foreach (Gauge g in series)
                {
                    if (window.Count == 3 && !float.IsNaN(previousFlow))
                    {
                        yield return new RiverDay { Day = g.Day, Rain = g.Rain, FlowLag1 = previousFlow, Rain3 = window.Sum(), Flow = g.Flow };
                    }
                    window.Enqueue(g.Rain);
                    if (window.Count > 3) window.Dequeue();
                    previousFlow = g.Flow;
                }
            }

            public static void Main()
            {
                var series = File.ReadLines("gauge.csv").Skip(1).Select(l => l.Split(','))
                    .Select(f => new Gauge(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))).OrderBy(g => g.Day).ToList();
                List<RiverDay> rows = Rolling(series).ToList();
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2 });

                Dictionary<int, float> monthlyRain = train.GroupBy(d => d.Day.Month).ToDictionary(g => g.Key, g => g.Average(d => d.Rain));
                float overallRain = train.Average(d => d.Rain);
                RiverDay[] Anomaly(IReadOnlyList<RiverDay> part) =>
                    part.Select(d => d with { Rain = d.Rain - monthlyRain.GetValueOrDefault(d.Day.Month, overallRain) }).ToArray();

                RiverDay[] trainRows = Anomaly(train), validationRows = Anomaly(validation), testRows = Anomaly(test);
                var models = new List<RiverNet>();
                foreach (int seed in new[] { 1, 2, 3 })
                {
                    var model = new RiverNet(seed: seed);
                    model.Fit(trainRows, validationRows, new FitOptions { Epochs = 50, EarlyStoppingPatience = 5, Seed = seed, Verbose = 0 });
                    models.Add(model);
                }
                float[][] each = models.Select(m => m.Predict(testRows)).ToArray();
                float[] mean = Enumerable.Range(0, testRows.Length).Select(i => each.Average(p => p[i])).ToArray();
                double mae = testRows.Select((d, i) => Math.Abs(d.Flow - mean[i])).Average();
                Console.WriteLine($"ensemble of {models.Count}: test MAE {mae:F2}");
                foreach (var model in models) model.Dispose();
            }
        }
        """;

    [Fact]
    public Task Queue_rolling_rain_and_training_climatology_and_seed_ensemble_are_silent() => Expect(Program(RiverQueue));

    // Kind: statistics from rows that reach test (MLDSL0016): monthly climatology from every day.
    [Fact]
    public Task Monthly_rain_climatology_from_all_days_is_reported() =>
        Expect(Program(Mutate(RiverQueue, "Dictionary<int, float> monthlyRain = train.GroupBy(d => d.Day.Month)",
            "Dictionary<int, float> monthlyRain = {|#0:rows.GroupBy(d => d.Day.Month)|}")), "MLDSL0016");
}
