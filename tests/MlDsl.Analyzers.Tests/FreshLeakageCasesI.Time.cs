namespace MlDsl.Analyzers.Tests;

public sealed partial class FreshLeakageCasesI
{
    // ───────────── 20. Walk-forward backtest over the training period (expanding window), averaged, then one test score ─────────────

    private const string WalkForward = """
        public sealed record BacktestConfig(int Windows, int Horizon, int Epochs);

        public static class WalkForward
        {
            private static List<RiverDay> Features(List<Gauge> gauge)
            {
                var rows = new List<RiverDay>();
                for (int i = 3; i < gauge.Count; i++)
                {
                    var previous = gauge.GetRange(i - 3, 3);
                    rows.Add(new RiverDay { Day = gauge[i].Day, Rain = gauge[i].Rain, FlowLag1 = previous[^1].Flow, Rain3 = previous.Sum(g => g.Rain), Flow = gauge[i].Flow });
                }
                return rows;
            }

            private static double Mae(RiverNet model, IReadOnlyList<RiverDay> rows) =>
                rows.Zip(model.Predict(rows), (d, p) => Math.Abs(d.Flow - p)).Average();

            public static void Main()
            {
                var config = new BacktestConfig(4, 30, 25);
                var gauge = File.ReadAllLines("gauge.csv").Skip(1).Select(l => l.Split(','))
                    .Select(f => new Gauge(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))).OrderBy(g => g.Day).ToList();
                List<RiverDay> rows = Features(gauge);
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.0, Test = 0.2 });
                List<RiverDay> history = split.Train.OrderBy(d => d.Day).ToList();

                var errors = new List<double>();
                for (int w = config.Windows; w >= 1; w--)
                {
                    int cut = history.Count - w * config.Horizon;
                    List<RiverDay> past = history.Take(cut).ToList();
                    List<RiverDay> next = history.Skip(cut).Take(config.Horizon).ToList();
                    var scaler = Standardizer.Fit(past);
                    using var model = new RiverNet(seed: 1);
                    model.Fit(scaler.Apply(past), null, new FitOptions { Epochs = config.Epochs, Verbose = 0 });
                    double mae = Mae(model, scaler.Apply(next));
                    errors.Add(mae);
                    Console.WriteLine($"window ending {next[^1].Day:yyyy-MM-dd}: MAE {mae:F2}");
                }
                Console.WriteLine($"backtest MAE {errors.Average():F2} over {errors.Count} windows");

                var finalScaler = Standardizer.Fit(history);
                using var final = new RiverNet(seed: 1);
                final.Fit(finalScaler.Apply(history), null, new FitOptions { Epochs = config.Epochs, Verbose = 0 });
                Console.WriteLine($"test MAE {Mae(final, finalScaler.Apply(split.Test)):F2}");
            }
        }
        """;

    [Fact]
    public Task Walk_forward_backtest_over_training_days_averaged_then_one_test_score_is_silent() => Expect(Program(WalkForward));

    // Kind: a window that reads the day being predicted (MLDSL0017): GetRange(i - 2, 3) ends on today, so previous[^1].Flow is today's flow.
    [Fact]
    public Task Walk_forward_window_that_ends_on_the_current_day_is_reported() =>
        Expect(Program(Mutate(WalkForward, "var previous = gauge.GetRange(i - 3, 3);", "var previous = {|#0:gauge.GetRange(i - 2, 3)|};")), "MLDSL0017");

    // Kind: statistics from rows that reach test (MLDSL0016): the backtest is fine, the final scaler sees the test period.
    [Fact]
    public Task Walk_forward_final_scaler_fitted_on_every_day_is_reported() =>
        Expect(Program(Mutate(WalkForward, "var finalScaler = Standardizer.Fit(history);", "var finalScaler = Standardizer.Fit({|#0:rows|});")), "MLDSL0016");

    // ───────────── 21. Drift check: training and test feature means compared and printed, nothing fitted on them ─────────────

    private const string DriftCheck = """
        public static class DriftCheck
        {
            private static void CompareMeans(IReadOnlyList<RiverDay> before, IReadOnlyList<RiverDay> after)
            {
                (string Name, Func<RiverDay, float> Get)[] columns = { ("Rain", d => d.Rain), ("FlowLag1", d => d.FlowLag1), ("Rain3", d => d.Rain3) };
                foreach (var (name, get) in columns)
                {
                    double a = before.Average(get), b = after.Average(get);
                    double sd = Math.Sqrt(before.Average(d => (get(d) - a) * (get(d) - a)));
                    Console.WriteLine($"{name,-10} train {a,8:F2} test {b,8:F2} shift {(b - a) / sd,6:F2} sd");
                }
            }

            public static void Main()
            {
                List<RiverDay> rows = CsvFile.Read<RiverDay>("river-days.csv").OrderBy(d => d.Day).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.15, Test = 0.15 });
                CompareMeans(split.Train, split.Test);

                var scaler = Standardizer.Fit(split.Train);
                using var model = new RiverNet(seed: 5);
                var history = new List<string>();
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions
                {
                    Epochs = 80, EarlyStoppingPatience = 8, Verbose = 0,
                    OnEpoch = e => history.Add($"{e.Epoch},{e.TrainLoss:F4},{e.Validation?.Loss:F4}"),
                });
                File.WriteAllLines("history.csv", history);
                Evaluation test = model.Evaluate(scaler.Apply(split.Test));
                Console.WriteLine($"test MAE {test.MeanAbsoluteError:F2}");
            }
        }
        """;

    [Fact]
    public Task Drift_printout_of_train_and_test_means_and_an_epoch_log_are_silent() => Expect(Program(DriftCheck));

    // Kind: the test part steering a choice (MLDSL0018): the epoch log evaluates test rows every epoch while early stopping
    // watches validation; the log is only written to a file — reporting, not choosing. Must stay silent.
    [Fact]
    public Task Epoch_log_that_also_records_the_test_loss_each_epoch_is_silent() =>
        Expect(Program(Mutate(DriftCheck, "OnEpoch = e => history.Add($\"{e.Epoch},{e.TrainLoss:F4},{e.Validation?.Loss:F4}\"),",
            "OnEpoch = e => history.Add($\"{e.Epoch},{e.TrainLoss:F4},{e.Validation?.Loss:F4},{model.Evaluate(scaler.Apply(split.Test)).Loss:F4}\"),")));

    // Kind: the test part steering a choice (MLDSL0018): the drift printout reused to rescale — test rows' means fitted into features.
    [Fact]
    public Task Scaler_fitted_on_the_test_period_to_correct_drift_is_reported() =>
        Expect(Program(Mutate(DriftCheck, "Evaluation test = model.Evaluate(scaler.Apply(split.Test));",
            "Evaluation test = model.Evaluate(Standardizer.Fit({|#0:split.Test|}).Apply(split.Test));")), "MLDSL0016");

    // ───────────── 22. Retries around a diverging fit; the rate is halved on divergence, never on a score ─────────────

    private const string Retries = """
        public static class Retries
        {
            private static RiverNet TrainWithRetries(RiverDay[] train, RiverDay[] validation, double rate)
            {
                for (int attempt = 0; attempt < 4; attempt++, rate /= 2)
                {
                    var model = new RiverNet(seed: 3 + attempt);
                    try
                    {
                        model.Fit(train, validation, new FitOptions { LearningRate = rate, Epochs = 40, EarlyStoppingPatience = 4, GradientClipNorm = 1.0, Verbose = 0 });
                        Console.WriteLine($"attempt {attempt}: converged at rate {rate:E1}");
                        return model;
                    }
                    catch (TrainingDivergedException error)
                    {
                        Console.WriteLine($"attempt {attempt}: {error.Message}");
                        model.Dispose();
                    }
                }
                throw new InvalidOperationException("training diverged four times");
            }

            public static void Main()
            {
                IReadOnlyList<RiverDay> rows = CsvFile.Read<RiverDay>("river-days.csv");
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                var scaler = Standardizer.Fit(train);
                using RiverNet model = TrainWithRetries(scaler.Apply(train), scaler.Apply(validation), 1e-2);
                Evaluation result = model.Evaluate(scaler.Apply(test));
                Console.WriteLine($"test MAE {result.MeanAbsoluteError:F2}, loss {result.Loss:F4}");
            }
        }
        """;

    [Fact]
    public Task Retries_that_halve_the_rate_on_divergence_then_one_test_score_are_silent() => Expect(Program(Retries));

    // Kind: the test part steering a choice (MLDSL0018): the retry helper early-stops on the test rows.
    [Fact]
    public Task Retries_early_stopping_on_the_test_rows_are_reported() =>
        Expect(Program(Mutate(Retries, "using RiverNet model = TrainWithRetries(scaler.Apply(train), scaler.Apply(validation), 1e-2);",
            "using RiverNet model = TrainWithRetries(scaler.Apply(train), {|#0:scaler.Apply(test)|}, 1e-2);")
            .Replace("Evaluation result = model.Evaluate(scaler.Apply(test));", "Evaluation result = model.Evaluate({|#1:scaler.Apply(test)|});")), "MLDSL0018", "MLDSL0027");
}
