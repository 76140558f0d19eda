namespace MlDsl.Analyzers.Tests;

/// <summary>Set K, the test part steering a choice made inside MaxBy/MinBy/OrderBy keys or helpers (MLDSL0018), and day-keyed label lookups (MLDSL0017).</summary>
public sealed partial class FreshLeakageCasesK
{
    // Cross Validated "Is it OK to choose the model with the best test accuracy?" (no: the test score is then optimistic):
    // two widths trained, the one with the higher test accuracy kept, chosen inside a MaxBy key.
    [Fact]
    public Task Width_chosen_by_test_accuracy_inside_a_MaxBy_key_is_reported() => Expect(Program("""
        public static class PickWidth
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var narrow = new VisitNet();
                var wide = new WideVisitNet();
                narrow.Fit(train, validation);
                wide.Fit(train, validation);
                var candidates = new (string Name, Func<IReadOnlyList<Visit>, double> Score)[]
                {
                    ("narrow", rows => narrow.Evaluate(rows).Accuracy),
                    ("wide", rows => wide.Evaluate(rows).Accuracy),
                };
                var best = candidates.MaxBy(c => c.Score({|#0:test|}));
                Console.WriteLine($"keeping {best.Name}");
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Width_chosen_by_validation_accuracy_inside_a_MaxBy_key_then_test_once_is_silent() => Expect(Program("""
        public static class PickWidth
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var narrow = new VisitNet();
                var wide = new WideVisitNet();
                narrow.Fit(train, validation);
                wide.Fit(train, validation);
                var candidates = new (string Name, Func<IReadOnlyList<Visit>, double> Score)[]
                {
                    ("narrow", rows => narrow.Evaluate(rows).Accuracy),
                    ("wide", rows => wide.Evaluate(rows).Accuracy),
                };
                var best = candidates.MaxBy(c => c.Score(validation));
                Console.WriteLine($"keeping {best.Name}: test accuracy {best.Score(test):P2}");
            }
        }
        """));

    // The learning rate chosen by test loss through a helper used as the OrderBy key.
    [Fact]
    public Task Learning_rate_ordered_by_a_helper_scoring_on_test_is_reported() => Expect(Program("""
        public static class Sweep
        {
            static double Loss(VisitNet model, IReadOnlyList<Visit> rows) => model.Evaluate(rows).Loss;

            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var split = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var trained = new Dictionary<double, VisitNet>();
                foreach (double rate in new[] { 1e-2, 3e-3, 1e-3 })
                {
                    var m = new VisitNet();
                    m.Fit(split.Train, split.Validation, new FitOptions { LearningRate = rate, Epochs = 40 });
                    trained[rate] = m;
                }
                var ranking = trained.OrderBy(kv => {|#0:Loss(kv.Value, split.Test)|}).ToList();
                Console.WriteLine($"best learning rate {ranking[0].Key}");
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Learning_rate_ordered_by_a_helper_scoring_on_validation_is_silent() => Expect(Program("""
        public static class Sweep
        {
            static double Loss(VisitNet model, IReadOnlyList<Visit> rows) => model.Evaluate(rows).Loss;

            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var split = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var trained = new Dictionary<double, VisitNet>();
                foreach (double rate in new[] { 1e-2, 3e-3, 1e-3 })
                {
                    var m = new VisitNet();
                    m.Fit(split.Train, split.Validation, new FitOptions { LearningRate = rate, Epochs = 40 });
                    trained[rate] = m;
                }
                var ranking = trained.OrderBy(kv => Loss(kv.Value, split.Validation)).ToList();
                Console.WriteLine($"best learning rate {ranking[0].Key}, test loss {Loss(ranking[0].Value, split.Test):F4}");
            }
        }
        """));

    // Decision threshold chosen with MinBy over counts of wrong test predictions (the "tune the cut-off on the test set" pitfall).
    [Fact]
    public Task Threshold_chosen_by_MinBy_over_test_errors_is_reported() => Expect(Program("""
        public static class Cutoff
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(train, validation);
                float[][] p = model.PredictProbabilities({|#0:test|});
                float cut = new[] { 0.3f, 0.4f, 0.5f, 0.6f }.MinBy(c => test.Where((v, i) => (p[i][1] >= c ? 1 : 0) != v.Readmitted).Count());
                Console.WriteLine($"cut-off {cut}");
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Threshold_chosen_by_MinBy_over_validation_errors_is_silent() => Expect(Program("""
        public static class Cutoff
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(train, validation);
                float[][] p = model.PredictProbabilities(validation);
                float cut = new[] { 0.3f, 0.4f, 0.5f, 0.6f }.MinBy(c => validation.Where((v, i) => (p[i][1] >= c ? 1 : 0) != v.Readmitted).Count());
                float[][] q = model.PredictProbabilities(test);
                Console.WriteLine($"cut-off {cut}: test errors {test.Where((v, i) => (q[i][1] >= cut ? 1 : 0) != v.Readmitted).Count()}");
            }
        }
        """));

    // Look-alike: several seeds scored on test and only averaged (reported as mean), no choice.
    [Fact]
    public Task Test_scores_of_several_seeds_only_averaged_are_silent() => Expect(Program("""
        public static class Seeds
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scores = Enumerable.Range(0, 5).Select(seed =>
                {
                    using var m = new VisitNet();
                    m.Fit(train, validation, new FitOptions { Seed = seed });
                    return m.Evaluate(test).Accuracy;
                }).ToList();
                Console.WriteLine($"test accuracy {scores.Average():P2} over {scores.Count} seeds (min {scores.Min():P2})");
            }
        }
        """));

    // Grid-load forecasting (Hyndman & Athanasopoulos, FPP3 §5.8, "features must be known at forecast time"): the
    // "yesterday's load" feature is looked up in a day dictionary under today's date, so it is today's label.
    [Fact]
    public Task Yesterday_feature_looked_up_under_today_is_reported() => Expect(Program("""
        public static class LoadFeatures
        {
            public static void Main()
            {
                var meters = CsvFile.Read<GridDay>("grid.csv");
                var byDay = meters.ToDictionary(m => m.Day, m => m.Load);
                var rows = meters.Where(m => byDay.ContainsKey(m.Day.AddDays(-1)))
                    .Select(m => m with { LoadYesterday = byDay[{|#0:m.Day|}] }).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new GridNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine($"test loss {model.Evaluate(split.Test).Loss:F3}");
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Yesterday_feature_looked_up_under_the_previous_day_is_silent() => Expect(Program("""
        public static class LoadFeatures
        {
            public static void Main()
            {
                var meters = CsvFile.Read<GridDay>("grid.csv");
                var byDay = meters.ToDictionary(m => m.Day, m => m.Load);
                var rows = meters.Where(m => byDay.ContainsKey(m.Day.AddDays(-1)))
                    .Select(m => m with { LoadYesterday = byDay[m.Day.AddDays(-1)] }).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new GridNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine($"test loss {model.Evaluate(split.Test).Loss:F3}");
            }
        }
        """));

    // A local function doing the lookup with a day offset: tomorrow's load (offset +1) is a future label.
    [Fact]
    public Task Lookup_local_function_reading_tomorrows_load_is_reported() => Expect(Program("""
        public static class LoadFeatures
        {
            public static void Main()
            {
                var meters = Meters.Load("meter.csv");
                var load = meters.ToDictionary(m => m.Day, m => m.Load);
                float LoadAt(DateTime day) => load.TryGetValue(day, out var l) ? l : 0f;
                var rows = meters.Select(m => new GridDay
                {
                    Day = m.Day,
                    Temperature = m.Temperature,
                    LoadYesterday = LoadAt({|#0:m.Day.AddDays(1)|}),
                    Load = m.Load,
                }).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new GridNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine($"test loss {model.Evaluate(split.Test).Loss:F3}");
            }
        }
        """), "MLDSL0017");

    // Week mean over the previous seven meters (indices i-7..i-1): the past, silent.
    [Fact]
    public Task Week_mean_over_the_previous_seven_days_is_silent() => Expect(Program("""
        public static class LoadFeatures
        {
            public static void Main()
            {
                var meters = Meters.Load("meter.csv").OrderBy(m => m.Day).ToList();
                var rows = new List<GridDay>();
                for (int i = 7; i < meters.Count; i++)
                {
                    var week = meters.GetRange(i - 7, 7);
                    rows.Add(new GridDay { Day = meters[i].Day, Temperature = meters[i].Temperature, LoadYesterday = meters[i - 1].Load, LoadWeekMean = week.Average(w => w.Load), Load = meters[i].Load });
                }
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new GridNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine($"test loss {model.Evaluate(split.Test).Loss:F3}");
            }
        }
        """));

    // The same week, one day too far: GetRange(i - 6, 7) ends at day i and so includes today's load.
    [Fact]
    public Task Week_mean_that_includes_today_is_reported() => Expect(Program("""
        public static class LoadFeatures
        {
            public static void Main()
            {
                var meters = Meters.Load("meter.csv").OrderBy(m => m.Day).ToList();
                var rows = new List<GridDay>();
                for (int i = 7; i < meters.Count; i++)
                {
                    var week = {|#0:meters.GetRange(i - 6, 7)|};
                    rows.Add(new GridDay { Day = meters[i].Day, Temperature = meters[i].Temperature, LoadYesterday = meters[i - 1].Load, LoadWeekMean = week.Average(w => w.Load), Load = meters[i].Load });
                }
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new GridNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine($"test loss {model.Evaluate(split.Test).Loss:F3}");
            }
        }
        """), "MLDSL0017");

    // Look-alike: tomorrow's temperature forecast (an input, not the label) looked up one day ahead.
    [Fact]
    public Task Tomorrows_temperature_forecast_looked_up_ahead_is_silent() => Expect(Program("""
        public static class LoadFeatures
        {
            public static void Main()
            {
                var meters = Meters.Load("meter.csv");
                var forecast = meters.ToDictionary(m => m.Day, m => m.Temperature);
                var load = meters.ToDictionary(m => m.Day, m => m.Load);
                var rows = meters.Where(m => load.ContainsKey(m.Day.AddDays(-1))).Select(m => new GridDay
                {
                    Day = m.Day,
                    Temperature = forecast.GetValueOrDefault(m.Day.AddDays(1), m.Temperature),
                    LoadYesterday = load[m.Day.AddDays(-1)],
                    Load = m.Load,
                }).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new GridNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine($"test loss {model.Evaluate(split.Test).Loss:F3}");
            }
        }
        """));
}
