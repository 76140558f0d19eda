extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;
using MlDslGenerator = generator::MlDsl.Generators.MlDslGenerator;


namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Adversarial leakage cases, set F: precision on long, well-engineered correct programs (an experiment class with a
/// config record, helpers for loading, cleaning, features, training, evaluation and reporting; preprocessing passed as
/// a function or a list of steps; several experiments in one Main; metric logs; retries; refit on train+validation and
/// one test evaluation; search and cross-validation over training rows; lag and trailing-window features; grouped
/// rows with group statistics inside training; ensembles and early stopping on validation), and leaky variants that
/// are one of those programs with ONE realistic mistake buried in the structure (<see cref="Mutate"/>).
/// </summary>
public sealed partial class FreshLeakageCasesF
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Loan
        {
            [Feature] public float Income { get; init; }
            [Feature] public float Debt { get; init; }
            [Feature] public float Age { get; init; }
            [Ignore] public string Region { get; init; } = "";
            [Label(Classes = 2)] public int Defaulted { get; init; }
        }

        [Model(typeof(Loan))]
        public sealed partial class LoanNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Shopper
        {
            [GroupKey] public int Customer { get; init; }
            [Feature] public float Basket { get; init; }
            [Feature] public float Visits { get; init; }
            [Feature] public float CustomerBasket { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }

        [Model(typeof(Shopper))]
        public sealed partial class ShopperNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Demand
        {
            [Timestamp] public DateTime Hour { get; init; }
            [Feature] public float Temperature { get; init; }
            [Feature] public float Lag24 { get; init; }
            [Feature] public float Trailing7 { get; init; }
            [Label] public float Load { get; init; }
        }

        [Model(typeof(Demand))]
        public sealed partial class DemandNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Review
        {
            [Ignore] public string Text { get; init; } = "";
            [Feature, Shape(16), Vocabulary(500)] public int[] Tokens { get; init; } = Array.Empty<int>();
            [Label(Classes = 2)] public int Positive { get; init; }
        }

        [Model(typeof(Review))]
        public sealed partial class ReviewNet
        {
            [Embedding(500, 8), Flatten] Layer embed;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Xray
        {
            [Feature, Shape(1, 8, 8)] public float[] Pixels { get; init; } = Array.Empty<float>();
            [Label(Classes = 2)] public int Pneumonia { get; init; }
        }

        [Model(typeof(Xray))]
        public sealed partial class XrayNet
        {
            [Conv2d(4, Kernel = 3), Relu, Flatten] Layer conv;
            [Linear(2)] Layer output;
        }

        /// <summary>One hourly meter reading, before it becomes a row.</summary>
        public sealed record Reading(DateTime Hour, float Temperature, float Load);

        """;

    /// <summary>A whole program of several types, with the shared rows after it.</summary>
    private static string Program(string types) => Usings + types + Rows;

    /// <summary>Both leakage analyzers' diagnostics must be exactly <paramref name="expected"/> at the marks (<see cref="LeakageExpectation"/>).</summary>
    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    /// <summary>
    /// The correct <paramref name="program"/> with ONE mistake: <paramref name="from"/> (which must occur exactly once)
    /// replaced by <paramref name="to"/>, which carries the mark.
    /// </summary>
    private static string Mutate(string program, string from, string to)
    {
        int at = program.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0 && program.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from}' must occur exactly once");
        return program.Remove(at, from.Length).Insert(at, to);
    }

    // ───────────── 1. The credit experiment: config record, helpers for every stage, one test evaluation ─────────────

    private const string CreditExperiment = """
        public sealed record CreditConfig(string DataPath, double LearningRate, int Epochs, int Seed, string ReportPath);

        public sealed class CreditExperiment
        {
            private readonly CreditConfig config;
            private readonly Dictionary<string, double> metrics = new();

            public CreditExperiment(CreditConfig config) => this.config = config;

            public IReadOnlyDictionary<string, double> Metrics => metrics;

            private IReadOnlyList<Loan> Load() => CsvFile.Read<Loan>(config.DataPath);

            private static IReadOnlyList<Loan> Clean(IReadOnlyList<Loan> rows) =>
                rows.Where(r => !float.IsNaN(r.Income) && !float.IsNaN(r.Debt) && r.Age is >= 18 and <= 100).ToList();

            private static Standardizer FitScaler(IReadOnlyList<Loan> train) => Standardizer.Fit(train);

            private static void Describe(IReadOnlyList<Loan> rows)
            {
                Console.WriteLine($"rows {rows.Count}, default rate {rows.Average(r => r.Defaulted):P1}");
                Console.WriteLine($"income mean {rows.Average(r => r.Income):F0}, max {rows.Max(r => r.Income):F0}");
                foreach (var byRegion in rows.GroupBy(r => r.Region).OrderBy(g => g.Key))
                {
                    Console.WriteLine($"  {byRegion.Key,-10} {byRegion.Count(),6} rows");
                }
            }

            private LoanNet Train(IReadOnlyList<Loan> train, IReadOnlyList<Loan> validation)
            {
                var model = new LoanNet(seed: config.Seed);
                FitReport report = model.Fit(train, validation, new FitOptions
                {
                    Epochs = config.Epochs, LearningRate = config.LearningRate, Seed = config.Seed, EarlyStoppingPatience = 3, Verbose = 0,
                });
                metrics["best_epoch"] = report.BestEpoch ?? report.Epochs.Count;
                metrics["train_accuracy"] = report.Last.TrainAccuracy;
                return model;
            }

            private void Report()
            {
                File.WriteAllLines(config.ReportPath, metrics.Select(m => $"{m.Key},{m.Value:F4}"));
            }

            public void Run()
            {
                IReadOnlyList<Loan> rows = Clean(Load());
                Describe(rows);
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.15, Seed = config.Seed });
                Standardizer scaler = FitScaler(split.Train);
                Loan[] train = scaler.Apply(split.Train);
                Loan[] validation = scaler.Apply(split.Validation);
                Loan[] test = scaler.Apply(split.Test);
                using LoanNet model = Train(train, validation);
                metrics["test_accuracy"] = model.Evaluate(test).Accuracy;
                Report();
                scaler.Save("credit-scaler.json");
                model.Save("credit.mldsl");
            }
        }

        public static class Program
        {
            public static void Main()
            {
                var experiment = new CreditExperiment(new CreditConfig("loans.csv", 1e-3, 30, 7, "credit-metrics.csv"));
                experiment.Run();
                foreach (var (name, value) in experiment.Metrics)
                {
                    Console.WriteLine($"{name,-16} {value:F4}");
                }
            }
        }
        """;

    [Fact]
    public Task Credit_experiment_with_helpers_and_one_test_evaluation_is_silent() => Expect(Program(CreditExperiment));

    [Fact]
    public Task Credit_experiment_whose_scaler_helper_receives_all_rows_is_reported() =>
        Expect(Program(Mutate(CreditExperiment, "FitScaler(split.Train)", "{|#0:FitScaler(rows)|}")), "MLDSL0016");

    [Fact]
    public Task Credit_experiment_whose_model_is_also_scored_on_the_training_part_for_the_log_is_silent() =>
        Expect(Program(Mutate(CreditExperiment, """metrics["test_accuracy"] = model.Evaluate(test).Accuracy;""",
            """metrics["test_accuracy"] = model.Evaluate(test).Accuracy; metrics["train_eval_accuracy"] = model.Evaluate(train).Accuracy;""")));

    [Fact]
    public Task Credit_experiment_early_stopping_on_the_test_part_is_reported() =>
        Expect(Program(Mutate(CreditExperiment, "using LoanNet model = Train(train, validation);", "using LoanNet model = Train(train, {|#0:test|});")
            .Replace("model.Evaluate(test).Accuracy;", "model.Evaluate({|#1:test|}).Accuracy;")), "MLDSL0018", "MLDSL0027");

    // ───────────── 2. Preprocessing passed as a parameter ─────────────

    private const string PreprocessAsParameter = """
        public sealed record RunSettings(string Name, int Seed, int Epochs);

        public static class Pipeline
        {
            public static IReadOnlyList<Loan> DropImpossible(IReadOnlyList<Loan> rows) =>
                rows.Where(r => r.Income >= 0 && r.Debt >= 0 && r.Age >= 18).ToList();

            public static IReadOnlyList<Loan> CapDebtRatio(IReadOnlyList<Loan> rows) =>
                rows.Select(r => r with { Debt = Math.Min(r.Debt, 5f * Math.Max(r.Income, 1f)) }).ToList();

            public static IReadOnlyList<Loan> LogIncome(IReadOnlyList<Loan> rows) =>
                rows.Select(r => r with { Income = MathF.Log(1f + r.Income) }).ToList();

            public static double Run(IReadOnlyList<Loan> raw, Func<IReadOnlyList<Loan>, IReadOnlyList<Loan>> preprocess, RunSettings settings)
            {
                IReadOnlyList<Loan> prepared = preprocess(raw);
                var (train, validation, test) = prepared.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = settings.Seed });
                var scaler = MinMaxScaler.Fit(train);
                using var model = new LoanNet(seed: settings.Seed);
                model.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { Epochs = settings.Epochs, Seed = settings.Seed, Verbose = 0 });
                double accuracy = model.Evaluate(scaler.Apply(test)).Accuracy;
                Console.WriteLine($"{settings.Name}: {prepared.Count} rows, test accuracy {accuracy:P2}");
                return accuracy;
            }

            public static void Main()
            {
                IReadOnlyList<Loan> raw = CsvFile.Read<Loan>("loans.csv");
                var results = new List<(string Name, double Accuracy)>();
                Func<IReadOnlyList<Loan>, IReadOnlyList<Loan>> basic = DropImpossible;
                Func<IReadOnlyList<Loan>, IReadOnlyList<Loan>> full = rows => LogIncome(CapDebtRatio(DropImpossible(rows)));
                results.Add(("basic", Run(raw, basic, new RunSettings("basic", 1, 20))));
                results.Add(("full", Run(raw, full, new RunSettings("full", 1, 20))));
                foreach (var (name, accuracy) in results)
                {
                    Console.WriteLine($"{name,-8}{accuracy:P2}");
                }
            }
        }
        """;

    [Fact]
    public Task Row_wise_preprocessing_passed_as_a_function_before_the_split_is_silent() => Expect(Program(PreprocessAsParameter));

    [Fact]
    // Expectation moved (fixE): what a helper does is reported at the call that gives it the rows, as for every helper
    // (and every delegate local, Func_variable_that_standardizes_...): here the call that gives Run the function and the rows.
    public Task Preprocessing_function_that_standardizes_all_rows_before_the_split_is_reported() =>
        Expect(Program(Mutate(PreprocessAsParameter, "Func<IReadOnlyList<Loan>, IReadOnlyList<Loan>> full = rows => LogIncome(CapDebtRatio(DropImpossible(rows)));",
            "Func<IReadOnlyList<Loan>, IReadOnlyList<Loan>> full = rows => Standardizer.Fit(rows).Apply(DropImpossible(rows));")
            .Replace("""results.Add(("full", Run(raw, full, new RunSettings("full", 1, 20))));""", """results.Add(("full", {|#0:Run(raw, full, new RunSettings("full", 1, 20))|}));""")), "MLDSL0016");

    // ───────────── 3. A list of user-written steps applied in a loop ─────────────

    private const string StepList = """
        public interface IStep
        {
            string Name { get; }
            IReadOnlyList<Loan> Apply(IReadOnlyList<Loan> rows);
        }

        public sealed class DropMissing : IStep
        {
            public string Name => "drop-missing";
            public IReadOnlyList<Loan> Apply(IReadOnlyList<Loan> rows) => rows.Where(r => !float.IsNaN(r.Income) && !float.IsNaN(r.Debt)).ToList();
        }

        public sealed class ClipAge : IStep
        {
            public string Name => "clip-age";
            public IReadOnlyList<Loan> Apply(IReadOnlyList<Loan> rows) => rows.Select(r => r with { Age = Math.Clamp(r.Age, 18f, 90f) }).ToList();
        }

        public sealed class DebtToIncome : IStep
        {
            public string Name => "debt-to-income";
            public IReadOnlyList<Loan> Apply(IReadOnlyList<Loan> rows) => rows.Select(r => r with { Debt = r.Debt / Math.Max(r.Income, 1f) }).ToList();
        }

        public static class StepExperiment
        {
            public static void Main()
            {
                var steps = new List<IStep> { new DropMissing(), new ClipAge(), new DebtToIncome() };
                IReadOnlyList<Loan> rows = CsvFile.Read<Loan>("loans.csv");
                foreach (IStep step in steps)
                {
                    int before = rows.Count;
                    rows = step.Apply(rows);
                    Console.WriteLine($"{step.Name,-16} {before} -> {rows.Count}");
                }

                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
                var scaler = Standardizer.Fit(split.Train);
                var train = scaler.Apply(split.Train);
                var validation = scaler.Apply(split.Validation);
                using var model = new LoanNet(seed: 3);
                model.Fit(train, validation, new FitOptions { Epochs = 25, EarlyStoppingPatience = 4, Verbose = 0 });
                Evaluation result = model.Evaluate(scaler.Apply(split.Test));
                Console.WriteLine($"test accuracy {result.Accuracy:P2} on {result.Count} rows");
            }
        }
        """;

    [Fact]
    public Task Stateless_step_objects_applied_in_a_loop_before_the_split_are_silent() => Expect(Program(StepList));

    // Expectations moved (fixE): what an implementation does is reported at the call that gives it the rows (step.Apply(rows)),
    // as for every helper; the implementation alone, never called with held-out rows, does nothing wrong.
    [Fact]
    public Task Step_list_with_a_step_that_rescales_by_the_largest_income_of_all_rows_is_reported() =>
        Expect(Program(Mutate(StepList, """public IReadOnlyList<Loan> Apply(IReadOnlyList<Loan> rows) => rows.Select(r => r with { Age = Math.Clamp(r.Age, 18f, 90f) }).ToList();""",
            """
            public IReadOnlyList<Loan> Apply(IReadOnlyList<Loan> rows)
                {
                    float top = rows.Max(r => r.Income);
                    return rows.Select(r => r with { Income = r.Income / top }).ToList();
                }
            """).Replace("rows = step.Apply(rows);", "rows = {|#0:step.Apply(rows)|};")), "MLDSL0016");

    [Fact]
    public Task Step_list_whose_steps_are_fitted_in_the_loop_before_the_split_is_reported() =>
        Expect(Program(Mutate(StepList, """var steps = new List<IStep> { new DropMissing(), new ClipAge(), new DebtToIncome() };""",
            """var steps = new List<IStep> { new DropMissing(), new ClipAge(), new DebtToIncome(), new Scale() };""")
            .Replace("public static class StepExperiment", """
                public sealed class Scale : IStep
                {
                    public string Name => "scale";
                    public IReadOnlyList<Loan> Apply(IReadOnlyList<Loan> rows) => Standardizer.Fit(rows).Apply(rows);
                }

                public static class StepExperiment
                """).Replace("rows = step.Apply(rows);", "rows = {|#0:step.Apply(rows)|};")), "MLDSL0016");

    // ───────────── 4. Hourly demand: lag and trailing-window features built from the raw series ─────────────

    private const string DemandForecast = """
        public sealed record ForecastConfig(string Path, int Epochs, double LearningRate, int Seed);

        public sealed class DemandForecast
        {
            private readonly ForecastConfig config;

            public DemandForecast(ForecastConfig config) => this.config = config;

            private static List<Reading> ReadSeries(string path) =>
                File.ReadLines(path).Skip(1)
                    .Select(line => line.Split(','))
                    .Select(f => new Reading(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2])))
                    .OrderBy(r => r.Hour)
                    .ToList();

            private static List<Demand> BuildRows(List<Reading> raw)
            {
                var rows = new List<Demand>();
                for (int i = 24; i < raw.Count; i++)
                {
                    Reading now = raw[i];
                    float trailing = raw[(i - 7)..i].Average(r => r.Load);
                    rows.Add(new Demand
                    {
                        Hour = now.Hour,
                        Temperature = now.Temperature,
                        Lag24 = raw[i - 24].Load,
                        Trailing7 = trailing,
                        Load = now.Load,
                    });
                }

                return rows;
            }

            public Evaluation Run()
            {
                List<Demand> rows = BuildRows(ReadSeries(config.Path));
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2 });
                var scaler = Standardizer.Fit(split);
                using var model = new DemandNet(seed: config.Seed);
                var history = new List<string> { "epoch,loss,val_mae" };
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions
                {
                    Epochs = config.Epochs, LearningRate = config.LearningRate, Verbose = 0, EarlyStoppingPatience = 5,
                    OnEpoch = e => history.Add($"{e.Epoch},{e.TrainLoss:F4},{e.Validation?.MeanAbsoluteError:F4}"),
                });
                File.WriteAllLines("demand-history.csv", history);
                return model.Evaluate(scaler.Apply(split.Test));
            }
        }

        public static class Program
        {
            public static void Main()
            {
                Evaluation test = new DemandForecast(new ForecastConfig("meter.csv", 40, 3e-4, 11)).Run();
                Console.WriteLine($"test MAE {test.MeanAbsoluteError:F2} kWh over {test.Count} hours");
            }
        }
        """;

    [Fact]
    public Task Demand_forecast_with_lag_and_a_trailing_window_ending_before_the_hour_is_silent() => Expect(Program(DemandForecast));

    [Fact]
    public Task Demand_forecast_whose_trailing_window_includes_the_labelled_hour_is_reported() =>
        Expect(Program(Mutate(DemandForecast, "float trailing = raw[(i - 7)..i].Average(r => r.Load);",
            "float trailing = {|#0:raw[(i - 6)..(i + 1)]|}.Average(r => r.Load);")), "MLDSL0017");

    [Fact]
    public Task Demand_forecast_whose_lag_reads_the_next_day_is_reported() =>
        Expect(Program(Mutate(DemandForecast, "Lag24 = raw[i - 24].Load,", "Lag24 = {|#0:raw[Math.Min(i + 24, raw.Count - 1)].Load|},")), "MLDSL0017");

    [Fact]
    public Task Demand_forecast_split_at_random_is_reported() =>
        Expect(Program(Mutate(DemandForecast, "new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2 }",
            "{|#0:new SplitOptions { Kind = SplitKind.Random, Validation = 0.1, Test = 0.2 }|}")), "MLDSL0019");

    // ───────────── 5. Skip/Take windows in a projection, time-series folds to pick the rate, one test score ─────────────

    private const string WindowedSearch = """
        public static class WindowedSearch
        {
            private static readonly double[] Rates = { 1e-2, 3e-3, 1e-3, 3e-4 };

            private static IReadOnlyList<Demand> Features(IReadOnlyList<Reading> raw) =>
                Enumerable.Range(24, raw.Count - 24)
                    .Select(i => new Demand
                    {
                        Hour = raw[i].Hour,
                        Temperature = raw[i].Temperature,
                        Lag24 = raw[i - 24].Load,
                        Trailing7 = raw.Skip(i - 7).Take(7).Average(r => r.Load),
                        Load = raw[i].Load,
                    })
                    .ToList();

            private static double ScoreRate(IReadOnlyList<Demand> train, double rate)
            {
                var scores = new List<double>();
                foreach (Fold fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 4 }))
                {
                    var foldTrain = fold.Train.Select(i => train[i]).ToList();
                    var foldValid = fold.Validation.Select(i => train[i]).ToList();
                    var scaler = Standardizer.Fit(foldTrain);
                    using var model = new DemandNet(seed: 5);
                    model.Fit(scaler.Apply(foldTrain), null, new FitOptions { Epochs = 15, LearningRate = rate, Verbose = 0 });
                    scores.Add(model.Evaluate(scaler.Apply(foldValid)).MeanAbsoluteError);
                }

                return scores.Average();
            }

            public static void Main()
            {
                var raw = new List<Reading>();
                raw.AddRange(File.ReadLines("meter.csv").Skip(1).Select(l => l.Split(','))
                    .Select(f => new Reading(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))));
                IReadOnlyList<Demand> rows = Features(raw);
                var (train, _, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0, Test = 0.2 });

                var log = new Dictionary<double, double>();
                foreach (double rate in Rates)
                {
                    log[rate] = ScoreRate(train, rate);
                    Console.WriteLine($"rate {rate:E0}: cv MAE {log[rate]:F3}");
                }

                double bestRate = log.MinBy(kv => kv.Value).Key;
                var finalScaler = Standardizer.Fit(train);
                using var final = new DemandNet(seed: 5);
                final.Fit(finalScaler.Apply(train), null, new FitOptions { Epochs = 15, LearningRate = bestRate, Verbose = 0 });
                Console.WriteLine($"chosen {bestRate:E0}; test MAE {final.Evaluate(finalScaler.Apply(test)).MeanAbsoluteError:F3}");
            }
        }
        """;

    [Fact]
    public Task Skip_take_windows_and_time_series_folds_over_training_rows_then_one_test_score_is_silent() => Expect(Program(WindowedSearch));

    [Fact]
    public Task Skip_take_window_that_takes_one_row_too_many_is_reported() =>
        Expect(Program(Mutate(WindowedSearch, "Trailing7 = raw.Skip(i - 7).Take(7).Average(r => r.Load),",
            "Trailing7 = {|#0:raw.Skip(i - 7).Take(8)|}.Average(r => r.Load),")), "MLDSL0017");

    [Fact]
    public Task Rate_search_with_shuffled_k_fold_over_timed_rows_is_reported() =>
        Expect(Program(Mutate(WindowedSearch, "new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 4 }",
            "{|#0:new FoldOptions { Kind = FoldKind.KFold, Folds = 4, Shuffle = true }|}")), "MLDSL0019");

    [Fact]
    public Task Rate_search_scored_on_the_test_part_is_reported() =>
        Expect(Program(Mutate(WindowedSearch, "log[rate] = ScoreRate(train, rate);", "log[rate] = {|#0:ScoreRate(test, rate)|};")), "MLDSL0018");

    [Fact]
    public Task Rate_search_whose_scaler_is_fitted_once_on_all_training_rows_before_the_folds_is_reported() =>
        Expect(Program(Mutate(Mutate(WindowedSearch, "var scaler = Standardizer.Fit(foldTrain);", "")
            , "private static double ScoreRate(IReadOnlyList<Demand> train, double rate)\n    {",
            "private static double ScoreRate(IReadOnlyList<Demand> train, double rate)\n    {\n        var scaler = Standardizer.Fit({|#0:train|});")), "MLDSL0016");

    // ───────────── 6. Grouped shoppers: grouped split, per-customer statistics from the training part only ─────────────

    private const string ChurnByCustomer = """
        public sealed record ChurnConfig(string Path, int Seed, int Epochs);

        public sealed class ChurnExperiment
        {
            private readonly ChurnConfig config;

            public ChurnExperiment(ChurnConfig config) => this.config = config;

            private static Dictionary<int, float> MeanBasketPerCustomer(IReadOnlyList<Shopper> rows) =>
                rows.GroupBy(s => s.Customer).ToDictionary(g => g.Key, g => g.Average(s => s.Basket));

            private static Shopper[] WithCustomerBasket(IReadOnlyList<Shopper> rows, Dictionary<int, float> perCustomer, float fallback) =>
                rows.Select(s => s with { CustomerBasket = perCustomer.TryGetValue(s.Customer, out float m) ? m : fallback }).ToArray();

            public double Run()
            {
                IReadOnlyList<Shopper> rows = CsvFile.Read<Shopper>(config.Path);
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = config.Seed });
                Dictionary<int, float> perCustomer = MeanBasketPerCustomer(split.Train);
                float fallback = split.Train.Average(s => s.Basket);
                Shopper[] train = WithCustomerBasket(split.Train, perCustomer, fallback);
                Shopper[] validation = WithCustomerBasket(split.Validation, perCustomer, fallback);
                Shopper[] test = WithCustomerBasket(split.Test, perCustomer, fallback);
                var scaler = Standardizer.Fit(train);
                using var model = new ShopperNet(seed: config.Seed);
                model.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { Epochs = config.Epochs, EarlyStoppingPatience = 3, Verbose = 0 });
                double accuracy = model.Evaluate(scaler.Apply(test)).Accuracy;
                Console.WriteLine($"{split.Train.Select(s => s.Customer).Distinct().Count()} training customers; test accuracy {accuracy:P2}");
                return accuracy;
            }
        }

        public static class Program
        {
            public static void Main()
            {
                var scores = new List<double>();
                foreach (int seed in new[] { 1, 2, 3 })
                {
                    scores.Add(new ChurnExperiment(new ChurnConfig("shoppers.csv", seed, 20)).Run());
                }

                Console.WriteLine($"test accuracy over seeds {scores.Average():P2} ± {Math.Sqrt(scores.Average(s => Math.Pow(s - scores.Average(), 2))):P2}");
            }
        }
        """;

    [Fact]
    public Task Churn_with_grouped_split_and_per_customer_means_from_training_rows_is_silent() => Expect(Program(ChurnByCustomer));

    [Fact]
    public Task Churn_split_stratified_over_customers_is_reported() =>
        Expect(Program(Mutate(ChurnByCustomer, "new SplitOptions { Kind = SplitKind.Grouped, Seed = config.Seed }",
            "{|#0:new SplitOptions { Kind = SplitKind.Stratified, Seed = config.Seed }|}")), "MLDSL0019");

    [Fact]
    public Task Churn_whose_per_customer_feature_is_the_customer_churn_rate_is_reported() =>
        Expect(Program(Mutate(ChurnByCustomer, "rows.GroupBy(s => s.Customer).ToDictionary(g => g.Key, g => g.Average(s => s.Basket));",
            "{|#0:rows|}.GroupBy(s => s.Customer).ToDictionary(g => g.Key, g => (float)g.Average(s => s.Churned));")), "MLDSL0017");

    [Fact]
    public Task Churn_whose_fallback_mean_is_taken_over_every_row_is_reported() =>
        Expect(Program(Mutate(ChurnByCustomer, "float fallback = split.Train.Average(s => s.Basket);",
            "float fallback = {|#0:rows|}.Average(s => s.Basket);")), "MLDSL0016");

    // ───────────── 7. Per-group normalisation fitted on training groups ─────────────

    private const string PerCustomerNormalisation = """
        public sealed record GroupStats(float Mean, float Deviation);

        public static class PerCustomerNormalisation
        {
            private static Dictionary<int, GroupStats> Fit(IEnumerable<Shopper> train)
            {
                var stats = new Dictionary<int, GroupStats>();
                foreach (var customer in train.GroupBy(s => s.Customer))
                {
                    float mean = customer.Average(s => s.Basket);
                    float deviation = MathF.Sqrt(customer.Average(s => (s.Basket - mean) * (s.Basket - mean))) + 1e-3f;
                    stats[customer.Key] = new GroupStats(mean, deviation);
                }

                return stats;
            }

            private static List<Shopper> Apply(IEnumerable<Shopper> rows, Dictionary<int, GroupStats> stats, GroupStats global)
            {
                var result = new List<Shopper>();
                foreach (Shopper s in rows)
                {
                    GroupStats g = stats.TryGetValue(s.Customer, out var known) ? known : global;
                    result.Add(s with { Basket = (s.Basket - g.Mean) / g.Deviation });
                }

                return result;
            }

            public static void Main()
            {
                IReadOnlyList<Shopper> shoppers = CsvFile.Read<Shopper>("shoppers.csv");
                DataSplit<Shopper> split = shoppers.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.2, Test = 0.2, Seed = 9 });
                Dictionary<int, GroupStats> stats = Fit(split.Train);
                float globalMean = split.Train.Average(s => s.Basket);
                var global = new GroupStats(globalMean, MathF.Sqrt(split.Train.Average(s => (s.Basket - globalMean) * (s.Basket - globalMean))));
                List<Shopper> train = Apply(split.Train, stats, global);
                List<Shopper> validation = Apply(split.Validation, stats, global);
                List<Shopper> test = Apply(split.Test, stats, global);

                using var model = new ShopperNet(seed: 9);
                FitReport report = model.Fit(train, validation, new FitOptions { Epochs = 30, EarlyStoppingPatience = 5, Verbose = 0 });
                Console.WriteLine($"stopped at {report.StoppedEarlyAt?.ToString() ?? "-"}, best epoch {report.BestEpoch}");
                Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Per_customer_normalisation_fitted_on_training_groups_is_silent() => Expect(Program(PerCustomerNormalisation));

    [Fact]
    public Task Per_customer_normalisation_fitted_on_training_and_test_groups_is_reported() =>
        Expect(Program(Mutate(PerCustomerNormalisation, "Dictionary<int, GroupStats> stats = Fit(split.Train);",
            "Dictionary<int, GroupStats> stats = {|#0:Fit(split.Train.Concat(split.Test))|};")), "MLDSL0016");

    // ───────────── 8. An ensemble of seeds trained on the training part, weighed on validation ─────────────

    private const string SeedEnsemble = """
        public static class SeedEnsemble
        {
            private static LoanNet TrainOne(IReadOnlyList<Loan> train, IReadOnlyList<Loan> validation, int seed)
            {
                var model = new LoanNet(seed: seed);
                model.Fit(train, validation, new FitOptions { Epochs = 20, Seed = seed, EarlyStoppingPatience = 3, Verbose = 0 });
                return model;
            }

            private static double Accuracy(float[][] probabilities, IReadOnlyList<Loan> rows)
            {
                int right = 0;
                for (int i = 0; i < rows.Count; i++)
                {
                    int predicted = probabilities[i][1] >= 0.5f ? 1 : 0;
                    if (predicted == rows[i].Defaulted) right++;
                }

                return (double)right / rows.Count;
            }

            private static float[][] Average(IEnumerable<float[][]> members)
            {
                float[][][] all = members.ToArray();
                return Enumerable.Range(0, all[0].Length)
                    .Select(i => new[] { all.Average(m => m[i][0]), all.Average(m => m[i][1]) })
                    .ToArray();
            }

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 21 });
                var scaler = Standardizer.Fit(train);
                Loan[] trainRows = scaler.Apply(train), validationRows = scaler.Apply(validation), testRows = scaler.Apply(test);

                var members = new List<LoanNet>();
                var memberScores = new Dictionary<int, double>();
                foreach (int seed in Enumerable.Range(1, 5))
                {
                    LoanNet member = TrainOne(trainRows, validationRows, seed);
                    memberScores[seed] = member.Evaluate(validationRows).Accuracy;
                    members.Add(member);
                }

                var kept = members.Where((m, i) => memberScores[i + 1] >= memberScores.Values.Average()).ToList();
                double ensembleValidation = Accuracy(Average(kept.Select(m => m.PredictProbabilities(validationRows))), validationRows);
                Console.WriteLine($"kept {kept.Count} of {members.Count}; validation accuracy {ensembleValidation:P2}");
                double ensembleTest = Accuracy(Average(kept.Select(m => m.PredictProbabilities(testRows))), testRows);
                Console.WriteLine($"test accuracy {ensembleTest:P2}");
                members.ForEach(m => m.Dispose());
            }
        }
        """;

    [Fact]
    public Task Seed_ensemble_pruned_on_validation_and_scored_once_on_test_is_silent() => Expect(Program(SeedEnsemble));

    [Fact]
    public Task Seed_ensemble_pruned_by_test_scores_is_reported() =>
        Expect(Program(Mutate(SeedEnsemble, "memberScores[seed] = member.Evaluate(validationRows).Accuracy;",
            "memberScores[seed] = member.Evaluate({|#0:testRows|}).Accuracy;")), "MLDSL0018");

    // ───────────── 9. Search on validation, refit on train+validation, evaluate once on test ─────────────

    private const string RefitAfterSearch = """
        public sealed record Candidate(double LearningRate, double WeightDecay, int Epochs);

        public sealed class SearchThenRefit
        {
            private readonly List<(Candidate Settings, double Validation)> trials = new();

            private static FitOptions Options(Candidate c) =>
                new() { LearningRate = c.LearningRate, WeightDecay = c.WeightDecay, Epochs = c.Epochs, Seed = 4, Verbose = 0 };

            private static IEnumerable<Candidate> Grid()
            {
                foreach (double rate in new[] { 1e-2, 1e-3 })
                    foreach (double decay in new[] { 0.0, 1e-4 })
                        yield return new Candidate(rate, decay, 20);
            }

            public Candidate Search(IReadOnlyList<Loan> train, IReadOnlyList<Loan> validation)
            {
                foreach (Candidate candidate in Grid())
                {
                    using var model = new LoanNet(seed: 4);
                    model.Fit(train, null, Options(candidate));
                    trials.Add((candidate, model.Evaluate(validation).Accuracy));
                }

                return trials.OrderByDescending(t => t.Validation).First().Settings;
            }

            public void WriteLog(string path) =>
                File.WriteAllLines(path, trials.Select(t => $"{t.Settings.LearningRate},{t.Settings.WeightDecay},{t.Validation:F4}"));
        }

        public static class Program
        {
            public static void Main()
            {
                IReadOnlyList<Loan> loans = CsvFile.Read<Loan>("loans.csv");
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.2, Test = 0.2, Seed = 4 });
                var scaler = Standardizer.Fit(split.Train);
                var search = new SearchThenRefit();
                Candidate best = search.Search(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                search.WriteLog("trials.csv");

                List<Loan> trainAndValidation = split.Train.Concat(split.Validation).ToList();
                var finalScaler = Standardizer.Fit(trainAndValidation);
                using var final = new LoanNet(seed: 4);
                final.Fit(finalScaler.Apply(trainAndValidation), null,
                    new FitOptions { LearningRate = best.LearningRate, WeightDecay = best.WeightDecay, Epochs = best.Epochs, Verbose = 0 });
                Evaluation once = final.Evaluate(finalScaler.Apply(split.Test));
                Console.WriteLine($"chosen {best}; test accuracy {once.Accuracy:P2}");
                final.Save("loans-final.mldsl");
            }
        }
        """;

    [Fact]
    public Task Search_on_validation_then_refit_on_train_and_validation_and_one_test_score_is_silent() => Expect(Program(RefitAfterSearch));

    [Fact]
    public Task Refit_that_takes_the_test_rows_in_before_the_test_score_is_reported() =>
        Expect(Program(Mutate(RefitAfterSearch, "List<Loan> trainAndValidation = split.Train.Concat(split.Validation).ToList();",
            "List<Loan> trainAndValidation = split.Train.Concat(split.Validation).Concat(split.Test).ToList();")
            .Replace("Evaluation once = final.Evaluate(finalScaler.Apply(split.Test));", "Evaluation once = final.Evaluate({|#0:finalScaler.Apply(split.Test)|});")
            .Replace("var finalScaler = Standardizer.Fit(trainAndValidation);", "var finalScaler = Standardizer.Fit({|#1:trainAndValidation|});")), "MLDSL0027", "MLDSL0016");

    [Fact]
    public Task Search_handed_the_test_part_as_its_validation_rows_is_reported() =>
        Expect(Program(Mutate(RefitAfterSearch, "Candidate best = search.Search(scaler.Apply(split.Train), scaler.Apply(split.Validation));",
            "Candidate best = {|#0:search.Search(scaler.Apply(split.Train), scaler.Apply(split.Test))|};")
            .Replace("trials.Add((candidate, model.Evaluate(validation).Accuracy));", "trials.Add((candidate, model.Evaluate({|#1:validation|}).Accuracy));")), "MLDSL0018", "MLDSL0018");

    // ───────────── 10. Retries around a diverging fit, with the test part touched once ─────────────

    private const string RetryOnDivergence = """
        public static class RetryOnDivergence
        {
            private static ShopperNet TrainWithRetries(IReadOnlyList<Shopper> train, IReadOnlyList<Shopper> validation, int attempts)
            {
                double rate = 1e-2;
                for (int attempt = 1; ; attempt++)
                {
                    var model = new ShopperNet(seed: attempt);
                    try
                    {
                        model.Fit(train, validation, new FitOptions { LearningRate = rate, Epochs = 25, GradientClipNorm = 1.0, Verbose = 0 });
                        Console.WriteLine($"attempt {attempt} converged at rate {rate:E0}");
                        return model;
                    }
                    catch (TrainingDivergedException e) when (attempt < attempts)
                    {
                        Console.WriteLine($"attempt {attempt} diverged ({e.Message}); retrying at {rate / 3:E0}");
                        model.Dispose();
                        rate /= 3;
                    }
                }
            }

            public static int Main()
            {
                IReadOnlyList<Shopper> rows;
                try
                {
                    rows = CsvFile.Read<Shopper>("shoppers.csv");
                }
                catch (IOException e)
                {
                    Console.Error.WriteLine($"cannot read the shoppers: {e.Message}");
                    return 1;
                }

                var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 13 });
                var scaler = MinMaxScaler.Fit(split);
                using ShopperNet model = TrainWithRetries(scaler.Apply(split.Train), scaler.Apply(split.Validation), attempts: 4);
                Evaluation test = model.Evaluate(scaler.Apply(split.Test));
                Console.WriteLine(test.Accuracy >= 0.7 ? $"ship it: {test.Accuracy:P2}" : $"below the bar: {test.Accuracy:P2}");
                return test.Accuracy >= 0.7 ? 0 : 2;
            }
        }
        """;

    [Fact]
    public Task Retries_on_divergence_and_a_go_no_go_test_gate_are_silent() => Expect(Program(RetryOnDivergence));

    [Fact]
    public Task Retries_until_the_test_accuracy_clears_the_bar_are_reported() =>
        Expect(Program(Mutate(RetryOnDivergence, """Console.WriteLine($"attempt {attempt} converged at rate {rate:E0}");""",
            """if (model.Evaluate({|#0:holdout|}).Accuracy < 0.7 && attempt < attempts) { model.Dispose(); rate /= 3; continue; }""")
            .Replace("IReadOnlyList<Shopper> validation, int attempts)", "IReadOnlyList<Shopper> validation, IReadOnlyList<Shopper> holdout, int attempts)")
            .Replace("scaler.Apply(split.Validation), attempts: 4)", "scaler.Apply(split.Validation), scaler.Apply(split.Test), attempts: 4)")), "MLDSL0018");

    // ───────────── 11. Imputation, oversampling and class weights inside the training part ─────────────

    private const string ImbalancedDefaults = """
        public sealed record ImbalanceConfig(string Path, int Seed, bool Oversample);

        public static class ImbalancedDefaults
        {
            private static float[] ClassWeights(IReadOnlyList<Loan> train)
            {
                int positives = train.Count(r => r.Defaulted == 1);
                int negatives = train.Count - positives;
                return new[] { train.Count / (2f * negatives), train.Count / (2f * positives) };
            }

            private static double Run(ImbalanceConfig config)
            {
                var rows = CsvFile.Read<Loan>(config.Path);
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = config.Seed });
                var imputer = Imputer.Fit(split, ImputeStrategy.Median);
                Loan[] train = imputer.Apply(split.Train);
                Loan[] validation = imputer.Apply(split.Validation);
                Loan[] test = imputer.Apply(split.Test);
                var options = new FitOptions { Epochs = 20, Seed = config.Seed, Verbose = 0 };
                if (config.Oversample)
                {
                    train = Oversampler.Smote(train, k: 5, seed: config.Seed);
                }
                else
                {
                    options = options with { ClassWeights = ClassWeights(train) };
                }

                var scaler = Standardizer.Fit(train);
                using var model = new LoanNet(seed: config.Seed);
                model.Fit(scaler.Apply(train), scaler.Apply(validation), options);
                return model.Evaluate(scaler.Apply(test)).Accuracy;
            }

            public static void Main()
            {
                var results = new Dictionary<string, double>
                {
                    ["weights"] = Run(new ImbalanceConfig("loans.csv", 8, Oversample: false)),
                    ["smote"] = Run(new ImbalanceConfig("loans.csv", 8, Oversample: true)),
                };
                File.WriteAllLines("imbalance.csv", results.Select(r => $"{r.Key},{r.Value:F4}"));
            }
        }
        """;

    [Fact]
    public Task Imputer_smote_and_class_weights_inside_the_training_part_are_silent() => Expect(Program(ImbalancedDefaults));

    [Fact]
    public Task Smote_on_every_row_before_the_split_is_reported() =>
        Expect(Program(Mutate(ImbalancedDefaults, "var rows = CsvFile.Read<Loan>(config.Path);",
            "var rows = config.Oversample ? {|#0:Oversampler.Smote(CsvFile.Read<Loan>(config.Path), k: 5, seed: config.Seed)|} : CsvFile.Read<Loan>(config.Path);")), "MLDSL0026");

    [Fact]
    public Task Imputer_fitted_on_every_row_is_reported() =>
        Expect(Program(Mutate(ImbalancedDefaults, "var imputer = Imputer.Fit(split, ImputeStrategy.Median);",
            "var imputer = Imputer.Fit({|#0:rows|}, ImputeStrategy.Median);")), "MLDSL0016");

    [Fact]
    public Task Class_weights_counted_on_the_test_part_are_reported() =>
        Expect(Program(Mutate(ImbalancedDefaults, "options = options with { ClassWeights = ClassWeights(train) };",
            "options = options with { ClassWeights = {|#0:ClassWeights(test)|} };")), "MLDSL0018");

    // ───────────── 12. Reviews: a vocabulary built from the training texts only ─────────────

    private const string ReviewVocabulary = """
        public static class ReviewExperiment
        {
            private const int Length = 16;

            private static IEnumerable<string> Words(string text) =>
                text.ToLowerInvariant().Split(new[] { ' ', ',', '.', '!', '?' }, StringSplitOptions.RemoveEmptyEntries);

            private static Dictionary<string, int> BuildVocabulary(IEnumerable<Review> train, int size)
            {
                var counts = new Dictionary<string, int>();
                foreach (Review review in train)
                {
                    foreach (string word in Words(review.Text))
                    {
                        counts[word] = counts.GetValueOrDefault(word) + 1;
                    }
                }

                var vocabulary = new Dictionary<string, int> { ["<pad>"] = 0, ["<unk>"] = 1 };
                foreach (var (word, _) in counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(size - 2))
                {
                    vocabulary[word] = vocabulary.Count;
                }

                return vocabulary;
            }

            private static int[] Encode(string text, Dictionary<string, int> vocabulary)
            {
                int[] ids = new int[Length];
                int at = 0;
                foreach (string word in Words(text).Take(Length))
                {
                    ids[at++] = vocabulary.TryGetValue(word, out int id) ? id : 1;
                }

                return ids;
            }

            private static List<Review> Tokenize(IEnumerable<Review> rows, Dictionary<string, int> vocabulary) =>
                rows.Select(r => r with { Tokens = Encode(r.Text, vocabulary) }).ToList();

            public static void Main()
            {
                IReadOnlyList<Review> reviews = File.ReadLines("reviews.tsv").Skip(1)
                    .Select(line => line.Split('\t'))
                    .Select(f => new Review { Text = f[0], Tokens = new int[Length], Positive = int.Parse(f[1]) })
                    .ToList();
                var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 17 });
                Dictionary<string, int> vocabulary = BuildVocabulary(split.Train, 500);
                Console.WriteLine($"{vocabulary.Count} words kept from {split.Train.Count} training reviews");
                using var model = new ReviewNet(seed: 17);
                model.Fit(Tokenize(split.Train, vocabulary), Tokenize(split.Validation, vocabulary),
                    new FitOptions { Epochs = 8, EarlyStoppingPatience = 2, Verbose = 0 });
                Console.WriteLine($"test accuracy {model.Evaluate(Tokenize(split.Test, vocabulary)).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Review_vocabulary_built_from_training_texts_only_is_silent() => Expect(Program(ReviewVocabulary));

    [Fact]
    public Task Review_vocabulary_built_from_every_review_is_reported() =>
        Expect(Program(Mutate(ReviewVocabulary, "Dictionary<string, int> vocabulary = BuildVocabulary(split.Train, 500);",
            "Dictionary<string, int> vocabulary = {|#0:BuildVocabulary(reviews, 500)|};")), "MLDSL0016");

    // ───────────── 13. X-rays: channel normalisation and augmentation on the training part ─────────────

    private const string XrayAugmentation = """
        public sealed record XrayConfig(string Manifest, int Copies, int Seed, int Epochs);

        public sealed class XrayExperiment
        {
            private readonly XrayConfig config;

            public XrayExperiment(XrayConfig config) => this.config = config;

            private static Xray FlipHorizontally(Xray x, Random random)
            {
                if (random.NextDouble() < 0.5) return x;
                float[] flipped = new float[x.Pixels.Length];
                for (int row = 0; row < 8; row++)
                    for (int col = 0; col < 8; col++)
                        flipped[row * 8 + col] = x.Pixels[row * 8 + (7 - col)];
                return x with { Pixels = flipped };
            }

            private static Xray Brighten(Xray x, Random random)
            {
                float gain = 0.9f + 0.2f * (float)random.NextDouble();
                return x with { Pixels = x.Pixels.Select(p => Math.Clamp(p * gain, 0f, 1f)).ToArray() };
            }

            private IReadOnlyList<Xray> Load() =>
                File.ReadLines(config.Manifest)
                    .Select(line => line.Split(','))
                    .Select(f => new Xray { Pixels = f.Skip(1).Select(float.Parse).ToArray(), Pneumonia = int.Parse(f[0]) })
                    .ToList();

            public Evaluation Run()
            {
                IReadOnlyList<Xray> scans = Load();
                var split = scans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = config.Seed });
                Xray[] augmented = Oversampler.Augment(split.Train, (x, random) => Brighten(FlipHorizontally(x, random), random), config.Copies, config.Seed);
                var normalizer = ChannelNormalizer.Fit(split.Train);
                using var model = new XrayNet(seed: config.Seed);
                model.Fit(normalizer.Apply(augmented), normalizer.Apply(split.Validation),
                    new FitOptions { Epochs = config.Epochs, EarlyStoppingPatience = 3, Verbose = 0 });
                return model.Evaluate(normalizer.Apply(split.Test));
            }
        }

        public static class Program
        {
            public static void Main()
            {
                var byCopies = new SortedDictionary<int, double>();
                foreach (int copies in new[] { 0, 2, 4 })
                {
                    byCopies[copies] = new XrayExperiment(new XrayConfig("xrays.csv", copies, 5, 15)).Run().Accuracy;
                }

                foreach (var (copies, accuracy) in byCopies)
                    Console.WriteLine($"{copies} copies: test accuracy {accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Xray_augmentation_of_the_training_part_compared_across_copy_counts_is_silent() => Expect(Program(XrayAugmentation));

    [Fact]
    public Task Xray_augmentation_of_every_scan_before_the_split_is_reported() =>
        Expect(Program(Mutate(Mutate(XrayAugmentation, "IReadOnlyList<Xray> scans = Load();",
                "IReadOnlyList<Xray> scans = {|#0:Oversampler.Augment(Load(), (x, random) => Brighten(FlipHorizontally(x, random), random), config.Copies, config.Seed)|};"),
            "Xray[] augmented = Oversampler.Augment(split.Train, (x, random) => Brighten(FlipHorizontally(x, random), random), config.Copies, config.Seed);",
            "Xray[] augmented = split.Train.ToArray();")), "MLDSL0026");

    [Fact]
    public Task Xray_normaliser_fitted_on_the_augmented_and_validation_scans_is_reported() =>
        Expect(Program(Mutate(XrayAugmentation, "var normalizer = ChannelNormalizer.Fit(split.Train);",
            "var normalizer = ChannelNormalizer.Fit({|#0:augmented.Concat(split.Validation).ToList()|});")), "MLDSL0016");

    // ───────────── 14. A decision threshold chosen on validation probabilities ─────────────

    private const string ThresholdOnValidation = """
        public static class ThresholdTuning
        {
            private static (double Precision, double Recall) At(float[][] probabilities, IReadOnlyList<Loan> rows, float threshold)
            {
                int tp = 0, fp = 0, fn = 0;
                for (int i = 0; i < rows.Count; i++)
                {
                    bool flagged = probabilities[i][1] >= threshold;
                    bool defaulted = rows[i].Defaulted == 1;
                    if (flagged && defaulted) tp++;
                    else if (flagged) fp++;
                    else if (defaulted) fn++;
                }

                return (tp / Math.Max(1.0, tp + fp), tp / Math.Max(1.0, tp + fn));
            }

            private static double F1((double Precision, double Recall) pr) =>
                pr.Precision + pr.Recall == 0 ? 0 : 2 * pr.Precision * pr.Recall / (pr.Precision + pr.Recall);

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.2, Test = 0.2, Seed = 2 });
                var scaler = Standardizer.Fit(split);
                Loan[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);
                using var model = new LoanNet(seed: 2);
                model.Fit(train, validation, new FitOptions { Epochs = 25, EarlyStoppingPatience = 4, Verbose = 0 });

                float[][] validationProbabilities = model.PredictProbabilities(validation);
                float chosen = 0.5f;
                double bestF1 = -1;
                for (float threshold = 0.1f; threshold < 0.9f; threshold += 0.05f)
                {
                    double f1 = F1(At(validationProbabilities, validation, threshold));
                    if (f1 > bestF1)
                    {
                        bestF1 = f1;
                        chosen = threshold;
                    }
                }

                var onTest = At(model.PredictProbabilities(test), test, chosen);
                Console.WriteLine($"threshold {chosen:F2} (validation F1 {bestF1:F3}); test precision {onTest.Precision:P1}, recall {onTest.Recall:P1}");
            }
        }
        """;

    [Fact]
    public Task Threshold_swept_on_validation_probabilities_then_applied_to_test_is_silent() => Expect(Program(ThresholdOnValidation));

    // Mark moved (fixJ) from At's rows argument to the rows argument of the PredictProbabilities call that made the test
    // predictions the helpers count: a test score is reported where it was made, as everywhere else (same line either way).
    [Fact]
    public Task Threshold_swept_on_test_probabilities_is_reported() =>
        Expect(Program(Mutate(ThresholdOnValidation, "double f1 = F1(At(validationProbabilities, validation, threshold));",
            "double f1 = F1(At(model.PredictProbabilities({|#0:test|}), test, threshold));")), "MLDSL0018");

    // ───────────── 15. An experiment class whose state is set in its constructor ─────────────

    private const string StatefulExperiment = """
        public sealed record Hyper(int Epochs = 20, double LearningRate = 1e-3, int Seed = 31);

        public sealed class LoanStudy : IDisposable
        {
            private readonly Hyper hyper;
            private readonly IReadOnlyList<Loan> all;
            private readonly IReadOnlyList<Loan> train;
            private readonly IReadOnlyList<Loan> validation;
            private readonly IReadOnlyList<Loan> test;
            private MinMaxScaler? scaler;
            private LoanNet? model;

            public LoanStudy(string path, Hyper hyper)
            {
                this.hyper = hyper;
                all = CsvFile.Read<Loan>(path);
                (train, validation, test) = all.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = hyper.Seed });
            }

            public void Summarise()
            {
                Console.WriteLine($"{all.Count} loans, {all.Count(l => l.Defaulted == 1)} defaults");
                Console.WriteLine($"train {train.Count} / validation {validation.Count} / test {test.Count}");
            }

            public void Prepare() => scaler = MinMaxScaler.Fit(train);

            public void Train()
            {
                if (scaler is null) throw new InvalidOperationException("Prepare first.");
                model = new LoanNet(seed: hyper.Seed);
                model.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { Epochs = hyper.Epochs, LearningRate = hyper.LearningRate, Verbose = 0 });
            }

            public double Test() =>
                model is null || scaler is null ? double.NaN : model.Evaluate(scaler.Apply(test)).Accuracy;

            public void Dispose() => model?.Dispose();
        }

        public static class Program
        {
            public static void Main()
            {
                using var study = new LoanStudy("loans.csv", new Hyper());
                study.Summarise();
                study.Prepare();
                study.Train();
                Console.WriteLine($"test accuracy {study.Test():P2}");
            }
        }
        """;

    [Fact]
    public Task Study_class_with_split_in_the_constructor_and_scaler_on_the_train_field_is_silent() => Expect(Program(StatefulExperiment));

    [Fact]
    public Task Study_class_whose_scaler_is_fitted_on_the_all_field_is_reported() =>
        Expect(Program(Mutate(StatefulExperiment, "public void Prepare() => scaler = MinMaxScaler.Fit(train);",
            "public void Prepare() => scaler = MinMaxScaler.Fit({|#0:all|});")), "MLDSL0016");

    // ───────────── 16. CrossValidation.Run with the preparation refitted per fold ─────────────

    private const string CrossValidatedRates = """
        public static class CrossValidatedRates
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                DataSplit<Loan> split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0, Test = 0.2, Seed = 12 });
                FitOnFold<Loan> prepare = foldTrain =>
                {
                    var foldScaler = Standardizer.Fit(foldTrain);
                    return rows => foldScaler.Apply(rows);
                };

                var table = new List<(double Rate, double Mean, double Deviation)>();
                foreach (double rate in new[] { 3e-2, 1e-2, 3e-3, 1e-3 })
                {
                    FoldScorer<Loan> score = CrossValidation.TrainModel<Loan, LoanNet>(() => new LoanNet(seed: 12), new FitOptions { LearningRate = rate, Epochs = 15, Verbose = 0 });
                    CrossValidationResult result = CrossValidation.Run(split, score, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }, prepare);
                    table.Add((rate, result.Mean, result.StandardDeviation));
                    Console.WriteLine($"rate {rate:E0}: {result}");
                }

                double bestRate = table.MaxBy(t => t.Mean).Rate;
                var scaler = Standardizer.Fit(split);
                using var final = new LoanNet(seed: 12);
                final.Fit(scaler.Apply(split.Train), null, new FitOptions { LearningRate = bestRate, Epochs = 15, Verbose = 0 });
                Console.WriteLine($"rate {bestRate:E0}: test accuracy {final.Evaluate(scaler.Apply(split.Test)).Accuracy:P2}");
                File.WriteAllLines("cv.csv", table.Select(t => $"{t.Rate},{t.Mean:F4},{t.Deviation:F4}"));
            }
        }
        """;

    [Fact]
    public Task Cross_validated_rate_choice_with_per_fold_scaler_then_one_test_score_is_silent() => Expect(Program(CrossValidatedRates));

    [Fact]
    public Task Cross_validation_whose_preparation_reuses_a_scaler_fitted_on_the_whole_training_part_is_reported() =>
        Expect(Program(Mutate(CrossValidatedRates, "var foldScaler = Standardizer.Fit(foldTrain);",
            "var foldScaler = Standardizer.Fit({|#0:split.Train|});")), "MLDSL0016");

    // ───────────── 17. A nested split: tune on the inner holdout, report the outer test once ─────────────

    private const string NestedSplit = """
        public static class NestedSplit
        {
            public static void Main()
            {
                IReadOnlyList<Shopper> shoppers = CsvFile.Read<Shopper>("shoppers.csv");
                var outer = shoppers.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0, Test = 0.2, Seed = 1 });
                var inner = outer.Train.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0, Test = 0.25, Seed = 2 });
                var scaler = Standardizer.Fit(inner.Train);

                int bestEpochs = 0;
                double bestScore = double.MinValue;
                foreach (int epochs in new[] { 5, 10, 20, 40 })
                {
                    using var candidate = new ShopperNet(seed: 3);
                    candidate.Fit(scaler.Apply(inner.Train), null, new FitOptions { Epochs = epochs, Verbose = 0 });
                    double score = candidate.Evaluate(scaler.Apply(inner.Test)).Accuracy;
                    Console.WriteLine($"{epochs,3} epochs: inner holdout {score:P2}");
                    if (score > bestScore)
                    {
                        (bestScore, bestEpochs) = (score, epochs);
                    }
                }

                var finalScaler = Standardizer.Fit(outer.Train);
                using var final = new ShopperNet(seed: 3);
                final.Fit(finalScaler.Apply(outer.Train), null, new FitOptions { Epochs = bestEpochs, Verbose = 0 });
                Console.WriteLine($"{bestEpochs} epochs; outer test {final.Evaluate(finalScaler.Apply(outer.Test)).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Nested_grouped_split_tuned_on_the_inner_holdout_is_silent() => Expect(Program(NestedSplit));

    [Fact]
    public Task Nested_split_tuned_on_the_outer_test_part_is_reported() =>
        Expect(Program(Mutate(NestedSplit, "double score = candidate.Evaluate(scaler.Apply(inner.Test)).Accuracy;",
            "double score = candidate.Evaluate({|#0:scaler.Apply(outer.Test)|}).Accuracy;")), "MLDSL0018");

    // ───────────── 18. Demand with GetRange windows and a fit kept only for a printout ─────────────

    private const string DemandWithPrintout = """
        public static class DemandWithPrintout
        {
            private static List<Demand> Build(List<Reading> raw)
            {
                var rows = new List<Demand>(raw.Count);
                for (int i = 24; i < raw.Count; i++)
                {
                    List<Reading> week = raw.GetRange(i - 7, 7);
                    rows.Add(new Demand
                    {
                        Hour = raw[i].Hour,
                        Temperature = raw[i].Temperature,
                        Lag24 = raw[i - 24].Load,
                        Trailing7 = week.Sum(r => r.Load) / week.Count,
                        Load = raw[i].Load,
                    });
                }

                return rows;
            }

            public static void Main()
            {
                var raw = File.ReadLines("meter.csv").Skip(1).Select(l => l.Split(','))
                    .Select(f => new Reading(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2])))
                    .OrderBy(r => r.Hour).ToList();
                List<Demand> rows = Build(raw);

                var overview = MinMaxScaler.Fit(rows);
                for (int f = 0; f < overview.Features.Count; f++)
                    Console.WriteLine($"{overview.Features[f],-12} range {1 / overview.Scale[f]:F1}");

                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Seed = 0 });
                var scaler = Standardizer.Fit(train);
                using var model = new DemandNet(seed: 6);
                model.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { Epochs = 30, EarlyStoppingPatience = 4, Verbose = 0 });
                var metrics = new Dictionary<string, double>
                {
                    ["train_mae"] = model.Evaluate(scaler.Apply(train)).MeanAbsoluteError,
                    ["test_mae"] = model.Evaluate(scaler.Apply(test)).MeanAbsoluteError,
                };
                foreach (var (name, value) in metrics) Console.WriteLine($"{name} {value:F2}");
            }
        }
        """;

    [Fact]
    public Task Demand_with_get_range_windows_and_a_min_max_fit_only_printed_is_silent() => Expect(Program(DemandWithPrintout));

    [Fact]
    public Task Demand_whose_overview_scaler_is_also_applied_before_the_split_is_reported() =>
        Expect(Program(Mutate(DemandWithPrintout, "var (train, validation, test) = rows.Split(",
            "rows = overview.Apply(rows).ToList();\n        var (train, validation, test) = rows.Split(")
            .Replace("var overview = MinMaxScaler.Fit(rows);", "var overview = MinMaxScaler.Fit({|#0:rows|});")), "MLDSL0016");

    [Fact]
    public Task Demand_whose_get_range_window_ends_on_the_labelled_hour_is_reported() =>
        Expect(Program(Mutate(DemandWithPrintout, "List<Reading> week = raw.GetRange(i - 7, 7);",
            "List<Reading> week = {|#0:raw.GetRange(i - 6, 7)|};")), "MLDSL0017");

    [Fact]
    public Task Demand_reported_only_on_its_training_hours_is_reported() =>
        Expect(Program(Mutate(DemandWithPrintout, """["test_mae"] = model.Evaluate(scaler.Apply(test)).MeanAbsoluteError,""", "")
            .Replace("""["train_mae"] = model.Evaluate(scaler.Apply(train)).MeanAbsoluteError,""",
                """["train_mae"] = model.Evaluate({|#0:scaler.Apply(train)|}).MeanAbsoluteError,""")), "MLDSL0027");

    // ───────────── 19. Three experiments one after another in one Main, each with its own split ─────────────

    private const string ThreeExperiments = """
        public static class Lab
        {
            private static readonly List<string> Log = new() { "experiment,metric,value" };

            private static void Record(string experiment, string metric, double value) => Log.Add($"{experiment},{metric},{value:F4}");

            private static void Credit()
            {
                var rows = CsvFile.Read<Loan>("loans.csv");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
                var scaler = Standardizer.Fit(split);
                using var model = new LoanNet(seed: 1);
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 20, Verbose = 0 });
                Record("credit", "accuracy", model.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }

            private static void Churn()
            {
                var rows = CsvFile.Read<Shopper>("shoppers.csv");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 1 });
                var scaler = Standardizer.Fit(split);
                using var model = new ShopperNet(seed: 1);
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 20, Verbose = 0 });
                Record("churn", "accuracy", model.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }

            private static void Forecast()
            {
                var rows = CsvFile.Read<Demand>("demand.csv");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Seed = 1 });
                var scaler = MinMaxScaler.Fit(split);
                using var model = new DemandNet(seed: 1);
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 20, Verbose = 0 });
                Record("forecast", "mae", model.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError);
            }

            public static void Main()
            {
                var experiments = new (string Name, Action Run)[] { ("credit", Credit), ("churn", Churn), ("forecast", Forecast) };
                foreach (var (name, run) in experiments)
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    try
                    {
                        run();
                    }
                    catch (Exception e)
                    {
                        Console.Error.WriteLine($"{name} failed: {e.Message}");
                    }
                    finally
                    {
                        Record(name, "seconds", clock.Elapsed.TotalSeconds);
                    }
                }

                File.WriteAllLines("lab.csv", Log);
            }
        }
        """;

    [Fact]
    public Task Three_experiments_in_one_main_each_with_its_own_split_are_silent() => Expect(Program(ThreeExperiments));

    [Fact]
    public Task Three_experiments_where_the_churn_scaler_is_fitted_before_its_split_is_reported() =>
        Expect(Program(Mutate(ThreeExperiments, """
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 1 });
                var scaler = Standardizer.Fit(split);
        """, """
                var scaler = Standardizer.Fit({|#0:rows|});
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 1 });
        """)), "MLDSL0016");

    // ───────────── 20. Exploration over every row that only prints, then a clean experiment ─────────────

    private const string ExplorationThenTraining = """
        public static class ExploreThenTrain
        {
            private static double Correlation(IReadOnlyList<Loan> rows, Func<Loan, float> feature)
            {
                double mx = rows.Average(r => feature(r)), my = rows.Average(r => r.Defaulted);
                double cov = rows.Sum(r => (feature(r) - mx) * (r.Defaulted - my));
                double sx = Math.Sqrt(rows.Sum(r => Math.Pow(feature(r) - mx, 2)));
                double sy = Math.Sqrt(rows.Sum(r => Math.Pow(r.Defaulted - my, 2)));
                return cov / (sx * sy);
            }

            private static void Histogram(IReadOnlyList<Loan> rows, Func<Loan, float> feature, string name, int bins = 10)
            {
                float lo = rows.Min(feature), hi = rows.Max(feature);
                int[] counts = new int[bins];
                foreach (Loan r in rows) counts[Math.Min(bins - 1, (int)((feature(r) - lo) / (hi - lo + 1e-6f) * bins))]++;
                Console.WriteLine($"{name}: " + string.Join(" ", counts.Select(c => new string('#', c * 40 / rows.Count))));
            }

            public static void Main()
            {
                IReadOnlyList<Loan> loans = CsvFile.Read<Loan>("loans.csv");
                foreach (var (name, feature) in new (string, Func<Loan, float>)[] { ("income", r => r.Income), ("debt", r => r.Debt), ("age", r => r.Age) })
                {
                    Histogram(loans, feature, name);
                    Console.WriteLine($"  r(default) = {Correlation(loans, feature):F3}");
                }

                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 40 });
                var scaler = Standardizer.Fit(split.Train);
                using var model = new LoanNet(seed: 40);
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 15, Verbose = 0 });
                Console.WriteLine($"test accuracy {model.Evaluate(scaler.Apply(split.Test)).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Histograms_and_label_correlations_over_every_row_only_printed_are_silent() => Expect(Program(ExplorationThenTraining));

    // ───────────── 21. A bootstrap interval around the one test score ─────────────

    private const string BootstrapInterval = """
        public static class BootstrapInterval
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 77 });
                var scaler = Standardizer.Fit(train);
                using var model = new LoanNet(seed: 77);
                model.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { Epochs = 20, EarlyStoppingPatience = 3, Verbose = 0 });

                int[] predicted = model.Predict(scaler.Apply(test));
                bool[] right = predicted.Select((p, i) => p == test[i].Defaulted).ToArray();
                var random = new Random(77);
                var accuracies = new List<double>();
                for (int b = 0; b < 1000; b++)
                {
                    int hits = 0;
                    for (int k = 0; k < right.Length; k++) hits += right[random.Next(right.Length)] ? 1 : 0;
                    accuracies.Add((double)hits / right.Length);
                }

                accuracies.Sort();
                Console.WriteLine($"test accuracy {right.Average(r => r ? 1.0 : 0.0):P2} [{accuracies[25]:P2}, {accuracies[974]:P2}]");
            }
        }
        """;

    [Fact]
    public Task Bootstrap_interval_over_the_test_predictions_is_silent() => Expect(Program(BootstrapInterval));

    // ───────────── 22. A learning curve on growing training fractions, scored on validation ─────────────

    private const string LearningCurve = """
        public static class LearningCurve
        {
            public static void Main()
            {
                var shoppers = CsvFile.Read<Shopper>("shoppers.csv");
                var split = shoppers.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 8 });
                var curve = new List<(int Rows, double Train, double Validation)>();
                foreach (double fraction in new[] { 0.1, 0.25, 0.5, 1.0 })
                {
                    var subset = split.Train.Take((int)(split.Train.Count * fraction)).ToList();
                    var scaler = Standardizer.Fit(subset);
                    using var model = new ShopperNet(seed: 8);
                    FitReport report = model.Fit(scaler.Apply(subset), null, new FitOptions { Epochs = 15, Verbose = 0 });
                    curve.Add((subset.Count, report.Last.TrainAccuracy, model.Evaluate(scaler.Apply(split.Validation)).Accuracy));
                }

                foreach (var point in curve)
                    Console.WriteLine($"{point.Rows,6} rows  train {point.Train:P1}  validation {point.Validation:P1}");
                File.WriteAllLines("curve.csv", curve.Select(p => $"{p.Rows},{p.Train:F4},{p.Validation:F4}"));
            }
        }
        """;

    [Fact]
    public Task Learning_curve_scored_on_validation_is_silent() => Expect(Program(LearningCurve));

    // ───────────── 23. Per-customer feature means before a grouped split (documented as safe) ─────────────

    private const string GroupMeansBeforeGroupedSplit = """
        public static class GroupMeans
        {
            private static IReadOnlyList<Shopper> AddCustomerMean(IReadOnlyList<Shopper> rows)
            {
                var means = rows.GroupBy(s => s.Customer).ToDictionary(g => g.Key, g => g.Average(s => s.Basket));
                return rows.Select(s => s with { CustomerBasket = means[s.Customer] }).ToList();
            }

            public static void Main()
            {
                IReadOnlyList<Shopper> rows = AddCustomerMean(CsvFile.Read<Shopper>("shoppers.csv"));
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 14 });
                var scaler = Standardizer.Fit(split);
                using var model = new ShopperNet(seed: 14);
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 20, Verbose = 0 });
                Console.WriteLine($"test accuracy {model.Evaluate(scaler.Apply(split.Test)).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Per_customer_feature_means_before_a_grouped_split_are_silent() => Expect(Program(GroupMeansBeforeGroupedSplit));

    [Fact]
    public Task Per_customer_feature_means_before_a_random_split_are_reported() =>
        Expect(Program(Mutate(GroupMeansBeforeGroupedSplit, "AddCustomerMean(CsvFile.Read<Shopper>(\"shoppers.csv\"))", "{|#0:AddCustomerMean(CsvFile.Read<Shopper>(\"shoppers.csv\"))|}")
            .Replace("new SplitOptions { Kind = SplitKind.Grouped, Seed = 14 }", "{|#1:new SplitOptions { Kind = SplitKind.Random, Seed = 14 }|}")), "MLDSL0016", "MLDSL0019");

    // ───────────── 24. Scores of every part in a loop, and early stopping on a holdout carved from training ─────────────

    private const string PartsInALoop = """
        public static class PartsInALoop
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var (trainAll, _, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0, Test = 0.2, Seed = 3 });
                var (fit, _, stopping) = trainAll.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0, Test = 0.1, Seed = 4 });
                var imputer = Imputer.Fit(fit, ImputeStrategy.Mean);
                var scaler = Standardizer.Fit(imputer.Apply(fit));
                Loan[] Prepare(IReadOnlyList<Loan> rows) => scaler.Apply(imputer.Apply(rows));

                using var model = new LoanNet(seed: 3);
                model.Fit(Prepare(fit), Prepare(stopping), new FitOptions { Epochs = 40, EarlyStoppingPatience = 5, Verbose = 0 });
                var parts = new Dictionary<string, IReadOnlyList<Loan>> { ["fit"] = fit, ["stopping"] = stopping, ["test"] = test };
                var report = new List<string>();
                foreach (var (name, part) in parts)
                {
                    Evaluation e = model.Evaluate(Prepare(part));
                    report.Add($"{name},{e.Count},{e.Loss:F4},{e.Accuracy:F4}");
                }

                File.WriteAllLines("parts.csv", report);
            }
        }
        """;

    [Fact]
    public Task Every_part_scored_in_a_loop_with_early_stopping_on_a_holdout_from_training_is_silent() => Expect(Program(PartsInALoop));

    // ───────────── 25. Two architectures compared on validation, the winner tested once ─────────────

    private const string TwoArchitectures = """
        [Model(typeof(Loan))]
        public sealed partial class LoanWide
        {
            [Linear(64), Relu, Dropout(0.2)] Layer hidden;
            [Linear(2)] Layer output;
        }

        public static class TwoArchitectures
        {
            private static readonly FitOptions Options = new() { Epochs = 25, EarlyStoppingPatience = 4, Seed = 19, Verbose = 0 };

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 19 });
                var scaler = Standardizer.Fit(split);
                Loan[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);

                using var small = new LoanNet(seed: 19);
                using var wide = new LoanWide(seed: 19);
                small.Fit(train, validation, Options);
                wide.Fit(train, validation, Options);
                double smallScore = small.Evaluate(validation).Accuracy;
                double wideScore = wide.Evaluate(validation).Accuracy;
                Console.WriteLine($"validation: small {smallScore:P2}, wide {wideScore:P2}");

                double testAccuracy = smallScore >= wideScore ? small.Evaluate(test).Accuracy : wide.Evaluate(test).Accuracy;
                Console.WriteLine($"{(smallScore >= wideScore ? "small" : "wide")} wins; test accuracy {testAccuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Two_architectures_compared_on_validation_and_the_winner_tested_once_is_silent() => Expect(Program(TwoArchitectures));

    [Fact]
    public Task Two_architectures_compared_on_test_is_reported() =>
        Expect(Program(Mutate(TwoArchitectures, "double smallScore = small.Evaluate(validation).Accuracy;", "double smallScore = small.Evaluate({|#0:test|}).Accuracy;")
            .Replace("double wideScore = wide.Evaluate(validation).Accuracy;", "double wideScore = wide.Evaluate({|#1:test|}).Accuracy;")), "MLDSL0018", "MLDSL0018");

    // ───────────── 26. Lags made with Zip over ordered rows ─────────────

    private const string ZipLags = """
        public static class ZipLags
        {
            private static List<Demand> WithPreviousHour(IReadOnlyList<Demand> ordered) =>
                ordered.Zip(ordered.Skip(1), (previous, current) => current with { Lag24 = previous.Load }).ToList();

            public static void Main()
            {
                var ordered = CsvFile.Read<Demand>("demand.csv").OrderBy(d => d.Hour).ToList();
                List<Demand> rows = WithPreviousHour(ordered);
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.1 });
                var scaler = Standardizer.Fit(split);
                using var model = new DemandNet(seed: 2);
                var losses = new List<double>();
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation),
                    new FitOptions { Epochs = 30, EarlyStoppingPatience = 5, Verbose = 0, OnEpoch = e => losses.Add(e.Validation?.Loss ?? double.NaN) });
                Console.WriteLine($"best validation loss {losses.Where(l => !double.IsNaN(l)).DefaultIfEmpty().Min():F4}");
                Console.WriteLine($"test MAE {model.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError:F2}");
            }
        }
        """;

    [Fact]
    public Task Lag_of_the_previous_hour_made_with_zip_is_silent() => Expect(Program(ZipLags));

    [Fact]
    public Task Lag_made_with_zip_that_reads_the_next_hour_is_reported() =>
        Expect(Program(Mutate(ZipLags, "ordered.Zip(ordered.Skip(1), (previous, current) => current with { Lag24 = previous.Load }).ToList();",
            "ordered.Zip(ordered.Skip(1), (current, next) => current with { Lag24 = {|#0:next.Load|} }).ToList();")), "MLDSL0017");

    // ───────────── 27. Grouped folds over training customers with group statistics per fold ─────────────

    private const string GroupedFolds = """
        public static class GroupedFolds
        {
            private static Shopper[] WithCustomerMean(IReadOnlyList<Shopper> rows, IReadOnlyList<Shopper> learnFrom)
            {
                var means = learnFrom.GroupBy(s => s.Customer).ToDictionary(g => g.Key, g => g.Average(s => s.Basket));
                float fallback = learnFrom.Average(s => s.Basket);
                return rows.Select(s => s with { CustomerBasket = means.GetValueOrDefault(s.Customer, fallback) }).ToArray();
            }

            public static void Main()
            {
                var shoppers = CsvFile.Read<Shopper>("shoppers.csv");
                var (train, _, test) = shoppers.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0, Test = 0.2, Seed = 23 });
                var foldScores = new List<double>();
                foreach (Fold fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 }))
                {
                    var foldTrain = fold.Train.Select(i => train[i]).ToList();
                    var foldValidation = fold.Validation.Select(i => train[i]).ToList();
                    using var model = new ShopperNet(seed: fold.Index);
                    model.Fit(WithCustomerMean(foldTrain, foldTrain), null, new FitOptions { Epochs = 10, Verbose = 0 });
                    foldScores.Add(model.Evaluate(WithCustomerMean(foldValidation, foldTrain)).Accuracy);
                }

                Console.WriteLine($"grouped CV accuracy {foldScores.Average():P2} over {foldScores.Count} folds");
                using var final = new ShopperNet(seed: 23);
                final.Fit(WithCustomerMean(train, train), null, new FitOptions { Epochs = 10, Verbose = 0 });
                Console.WriteLine($"test accuracy {final.Evaluate(WithCustomerMean(test, train)).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Grouped_folds_with_customer_means_learned_per_fold_are_silent() => Expect(Program(GroupedFolds));

    [Fact]
    public Task Folds_over_training_customers_that_ignore_the_customer_are_reported() =>
        Expect(Program(Mutate(GroupedFolds, "new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 }", "{|#0:new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }|}")), "MLDSL0019");

    // ───────────── 28. Early stopping written by hand: one epoch at a time, best checkpoint by validation loss ─────────────

    private const string HandWrittenEarlyStopping = """
        public sealed record StopConfig(int MaxEpochs = 60, int Patience = 6, double LearningRate = 1e-3, string Checkpoint = "best.mldsl");

        public static class HandWrittenEarlyStopping
        {
            public static void Main()
            {
                var config = new StopConfig();
                var loans = CsvFile.Read<Loan>("loans.csv");
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.15, Seed = 50 });
                var scaler = Standardizer.Fit(split);
                Loan[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation);

                using var model = new LoanNet(seed: 50);
                double bestLoss = double.MaxValue;
                int sinceBest = 0, epoch = 0;
                var history = new List<(int Epoch, double Validation)>();
                while (epoch < config.MaxEpochs && sinceBest < config.Patience)
                {
                    epoch++;
                    model.Fit(train, null, new FitOptions { Epochs = 1, LearningRate = config.LearningRate, Seed = 50 + epoch, Verbose = 0 });
                    double loss = model.Evaluate(validation).Loss;
                    history.Add((epoch, loss));
                    if (loss < bestLoss - 1e-4)
                    {
                        bestLoss = loss;
                        sinceBest = 0;
                        model.Save(config.Checkpoint);
                    }
                    else
                    {
                        sinceBest++;
                    }
                }

                using var best = LoanNet.Load(config.Checkpoint);
                Console.WriteLine($"stopped after {epoch} epochs; best validation loss {bestLoss:F4}");
                Console.WriteLine($"test accuracy {best.Evaluate(scaler.Apply(split.Test)).Accuracy:P2}");
                File.WriteAllLines("stopping.csv", history.Select(h => $"{h.Epoch},{h.Validation:F5}"));
            }
        }
        """;

    [Fact]
    public Task Hand_written_early_stopping_on_validation_loss_then_one_test_score_is_silent() => Expect(Program(HandWrittenEarlyStopping));

    [Fact]
    public Task Hand_written_early_stopping_that_watches_the_test_loss_is_reported() =>
        Expect(Program(Mutate(HandWrittenEarlyStopping, "double loss = model.Evaluate(validation).Loss;",
            "double loss = model.Evaluate({|#0:scaler.Apply(split.Test)|}).Loss;")), "MLDSL0018");

    // ───────────── 29. A weighted blend of two seeds, its weight picked on validation ─────────────

    private const string WeightedBlend = """
        public static class WeightedBlend
        {
            private static double Mae(float[] predictions, IReadOnlyList<Demand> rows) =>
                predictions.Select((p, i) => Math.Abs(p - rows[i].Load)).Average();

            private static float[] Blend(float[] a, float[] b, float weight) =>
                a.Select((x, i) => weight * x + (1 - weight) * b[i]).ToArray();

            public static void Main()
            {
                var rows = CsvFile.Read<Demand>("demand.csv");
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.15, Test = 0.15 });
                var scaler = MinMaxScaler.Fit(train);
                Demand[] tr = scaler.Apply(train), va = scaler.Apply(validation), te = scaler.Apply(test);

                using var first = new DemandNet(seed: 1);
                using var second = new DemandNet(seed: 2);
                first.Fit(tr, va, new FitOptions { Epochs = 30, EarlyStoppingPatience = 4, Verbose = 0 });
                second.Fit(tr, va, new FitOptions { Epochs = 30, EarlyStoppingPatience = 4, Optimizer = OptimizerKind.AdamW, Verbose = 0 });

                float[] firstOnValidation = first.Predict(va), secondOnValidation = second.Predict(va);
                float weight = Enumerable.Range(0, 11).Select(k => k / 10f)
                    .MinBy(w => Mae(Blend(firstOnValidation, secondOnValidation, w), validation));
                double blended = Mae(Blend(first.Predict(te), second.Predict(te), weight), test);
                Console.WriteLine($"weight {weight:F1}; test MAE {blended:F2} (first alone {first.Evaluate(te).MeanAbsoluteError:F2})");
            }
        }
        """;

    [Fact]
    public Task Blend_weight_picked_on_validation_predictions_then_one_test_score_is_silent() => Expect(Program(WeightedBlend));

    [Fact]
    public Task Blend_weight_picked_on_test_predictions_is_reported() =>
        Expect(Program(Mutate(WeightedBlend, ".MinBy(w => Mae(Blend(firstOnValidation, secondOnValidation, w), validation));",
            ".MinBy(w => Mae(Blend(first.Predict({|#0:te|}), second.Predict({|#1:te|}), w), test));")), "MLDSL0018", "MLDSL0018");

    // ───────────── 30. SMOTE and imputation inside hand-written stratified folds over the training part ─────────────

    private const string SmoteInsideFolds = """
        public static class SmoteInsideFolds
        {
            private static double ScoreFold(IReadOnlyList<Loan> foldTrain, IReadOnlyList<Loan> foldValidation, int seed)
            {
                var imputer = Imputer.Fit(foldTrain, ImputeStrategy.Median);
                Loan[] balanced = Oversampler.Smote(imputer.Apply(foldTrain), k: 5, seed: seed);
                var scaler = Standardizer.Fit(balanced);
                using var model = new LoanNet(seed: seed);
                model.Fit(scaler.Apply(balanced), null, new FitOptions { Epochs = 12, Verbose = 0 });
                return model.Evaluate(scaler.Apply(imputer.Apply(foldValidation))).Accuracy;
            }

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0, Test = 0.2, Seed = 60 });
                IReadOnlyList<Loan> train = split.Train;
                var scores = Folds.Of(train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5, Shuffle = true, Seed = 60 })
                    .Select(f => ScoreFold(f.Train.Select(i => train[i]).ToList(), f.Validation.Select(i => train[i]).ToList(), 60 + f.Index))
                    .ToList();
                double mean = scores.Average();
                Console.WriteLine($"cv accuracy {mean:P2} ± {Math.Sqrt(scores.Average(s => (s - mean) * (s - mean))):P2}");
                Console.WriteLine($"held-out test accuracy {ScoreFold(train, split.Test, 99):P2}");
            }
        }
        """;

    [Fact]
    public Task Smote_and_imputation_inside_each_fold_then_one_test_score_is_silent() => Expect(Program(SmoteInsideFolds));

    [Fact]
    public Task Smote_on_the_training_part_before_its_folds_is_reported() =>
        Expect(Program(Mutate(Mutate(SmoteInsideFolds, "IReadOnlyList<Loan> train = split.Train;",
                "IReadOnlyList<Loan> train = {|#0:Oversampler.Smote(split.Train, k: 5, seed: 60)|};"),
            "Loan[] balanced = Oversampler.Smote(imputer.Apply(foldTrain), k: 5, seed: seed);", "Loan[] balanced = imputer.Apply(foldTrain);")), "MLDSL0026");
}
