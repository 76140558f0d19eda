using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixN's kinds, each with leaky variants written differently, their fixes and look-alikes that must stay silent:
/// the test part steering a choice (MLDSL0018) where the score is computed inside the choosing lambda, in a helper that
/// splits its own test rows (reported at the choice), in a helper that early-stops an <c>ITrainableModel</c> on the rows it is
/// given, or where the model trains on the test rows through a delegate (<c>Select(clip)</c>); and time lookups that read
/// the future (MLDSL0017): the "previous" row found under the current time moved forward, and a window that ends on the
/// current row whose element's label becomes a lag. Both leakage analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed class LeakageChoicesAndTimeLookupsTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Patient
        {
            [Feature] public float Age { get; init; }
            [Feature] public float Glucose { get; init; }
            [Feature] public float Bmi { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(Patient))]
        public sealed partial class PatientNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Model(typeof(Patient))]
        public sealed partial class WidePatientNet
        {
            [Linear(64), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record RiverDay
        {
            [Timestamp] public DateTime Day { get; init; }
            [Feature] public float Rain { get; init; }
            [Feature] public float FlowLag1 { get; init; }
            [Feature] public float Rain3 { get; init; }
            [Label] public float Flow { get; init; }
        }

        [Model(typeof(RiverDay))]
        public sealed partial class RiverNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        /// <summary>One day at a river gauge, before it becomes a row.</summary>
        public sealed record Gauge(DateTime Day, float Rain, float Flow);

        public static class Metrics
        {
            public static double F1(float[][] probabilities, IReadOnlyList<Patient> rows, double threshold)
            {
                int tp = 0, fp = 0, fn = 0;
                for (int i = 0; i < rows.Count; i++)
                {
                    bool flagged = probabilities[i][1] >= threshold, positive = rows[i].Readmitted == 1;
                    if (flagged && positive) tp++;
                    else if (flagged) fp++;
                    else if (positive) fn++;
                }
                return tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
            }
        }
        """;

    private static string Program(string types) => Usings + types + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    private static string Mutate(string program, string from, string to)
    {
        int at = program.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0 && program.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from}' must occur exactly once");
        return program.Remove(at, from.Length).Insert(at, to);
    }

    // ───────────── 1. A threshold swept inside MinBy/MaxBy: the scores are computed in the choosing lambda ─────────────

    private const string Cutoff = """
        public static class Cutoff
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Patient>("patients.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
                var scaler = Standardizer.Fit(train);
                using var model = new PatientNet(seed: 3);
                model.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { Epochs = 20, EarlyStoppingPatience = 3, Verbose = 0 });

                double[] candidates = Enumerable.Range(1, 19).Select(k => k * 0.05).ToArray();
                double threshold = candidates.MinBy(t => 1 - Metrics.F1(model.PredictProbabilities(scaler.Apply(validation)), validation, t));
                float[][] onTest = model.PredictProbabilities(scaler.Apply(test));
                Console.WriteLine($"threshold {threshold:F2}: test F1 {Metrics.F1(onTest, test, threshold):F3}");
                foreach (double t in candidates) Console.WriteLine($"  at {t:F2}: test F1 {Metrics.F1(onTest, test, t):F3}");
            }
        }
        """;

    [Fact]
    public Task Threshold_chosen_inside_min_by_on_validation_predictions_then_a_test_table_is_silent() => Expect(Program(Cutoff));

    [Fact]
    public Task Threshold_chosen_inside_min_by_on_test_predictions_is_reported() =>
        Expect(Program(Mutate(Cutoff, "Metrics.F1(model.PredictProbabilities(scaler.Apply(validation)), validation, t)",
            "Metrics.F1(model.PredictProbabilities({|#0:scaler.Apply(test)|}), test, t)")), "MLDSL0018");

    // A method group as the key, its scores on test rows captured in a local function.
    [Fact]
    public Task Threshold_chosen_by_a_local_function_over_test_predictions_is_reported() =>
        Expect(Program(Mutate(Cutoff, "double threshold = candidates.MinBy(t => 1 - Metrics.F1(model.PredictProbabilities(scaler.Apply(validation)), validation, t));",
            "double Loss(double t) => 1 - Metrics.F1(model.PredictProbabilities({|#0:scaler.Apply(test)|}), test, t); double threshold = candidates.MinBy(Loss);")), "MLDSL0018");

    // ───────────── 2. Trials run by a helper that splits and scores on its own test part; the best one kept ─────────────

    private const string Trials = """
        public sealed record Setting(string Name, double Rate, int Epochs);

        public static class Trials
        {
            private static double Run(Setting setting, IReadOnlyList<Patient> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 8 });
                var scaler = MinMaxScaler.Fit(split.Train);
                using var model = new PatientNet(seed: 8);
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { LearningRate = setting.Rate, Epochs = setting.Epochs, Verbose = 0 });
                return model.Evaluate(scaler.Apply(split.Test)).Accuracy;
            }

            public static void Main()
            {
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("patients.csv");
                Setting[] settings = { new("slow", 3e-4, 40), new("default", 1e-3, 20), new("fast", 3e-3, 10) };
                var scores = new List<(Setting Setting, double Score)>();
                foreach (Setting setting in settings) scores.Add((setting, Run(setting, rows)));
                foreach (var (setting, score) in scores.OrderByDescending(s => s.Score)) Console.WriteLine($"{setting.Name,-10}{score:P2}");
            }
        }
        """;

    [Fact]
    public Task Trials_scored_on_their_own_test_parts_and_printed_best_first_are_silent() => Expect(Program(Trials));

    [Fact]
    public Task Trial_picked_by_ordering_the_test_scores_is_reported_at_the_ordering() =>
        Expect(Program(Mutate(Trials, """foreach (var (setting, score) in scores.OrderByDescending(s => s.Score)) Console.WriteLine($"{setting.Name,-10}{score:P2}");""",
            """File.WriteAllText("setting.txt", {|#0:scores.OrderByDescending(s => s.Score)|}.First().Setting.Name);""")), "MLDSL0018");

    [Fact]
    public Task Trial_kept_by_comparing_test_scores_in_a_loop_is_reported_at_the_comparison() =>
        Expect(Program(Mutate(Trials, "foreach (Setting setting in settings) scores.Add((setting, Run(setting, rows)));",
            """
            Setting? best = null;
            double bestScore = 0;
            foreach (Setting setting in settings)
            {
                double score = Run(setting, rows);
                scores.Add((setting, score));
                if ({|#0:score > bestScore|}) (best, bestScore) = (setting, score);
            }
            Console.WriteLine($"keeping {best?.Name}");
            """)), "MLDSL0018");

    [Fact]
    public Task Trial_kept_by_its_score_on_a_validation_part_is_silent() =>
        Expect(Program(Mutate(Trials, "return model.Evaluate(scaler.Apply(split.Test)).Accuracy;", "return model.Evaluate(scaler.Apply(split.Validation)).Accuracy;")
            .Replace("scaler.Apply(split.Validation), new FitOptions { LearningRate", "null, new FitOptions { LearningRate")
            .Replace("""foreach (var (setting, score) in scores.OrderByDescending(s => s.Score)) Console.WriteLine($"{setting.Name,-10}{score:P2}");""",
                """File.WriteAllText("setting.txt", scores.MaxBy(s => s.Score).Setting.Name);""")));

    // ───────────── 3. Candidates behind the ITrainableModel interface, early-stopped by a helper on the rows it is given ─────────────

    private const string Candidates = """
        public static class Candidates
        {
            private static double Watched(IClassifier<Patient> model, Patient[] train, Patient[] watch)
            {
                model.Fit(train, watch, new FitOptions { Epochs = 50, EarlyStoppingPatience = 4, Verbose = 0 });
                return model.Evaluate(watch).Accuracy;
            }

            public static void Main()
            {
                var split = CsvFile.Read<Patient>("patients.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 12 });
                var scaler = Standardizer.Fit(split.Train);
                Patient[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);

                var makers = new Dictionary<string, Func<IClassifier<Patient>>> { ["small"] = () => new PatientNet(seed: 12), ["wide"] = () => new WidePatientNet(seed: 12) };
                var trained = new Dictionary<string, IClassifier<Patient>>();
                var accuracy = new Dictionary<string, double>();
                foreach (var (name, make) in makers)
                {
                    IClassifier<Patient> model = make();
                    accuracy.Add(name, Watched(model, train, validation));
                    trained[name] = model;
                }
                string winner = accuracy.MaxBy(pair => pair.Value).Key;
                Console.WriteLine($"{winner}: test accuracy {trained[winner].Evaluate(test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Interface_candidates_early_stopped_and_compared_on_validation_are_silent() => Expect(Program(Candidates));

    [Fact]
    public Task Interface_candidates_early_stopped_and_compared_on_test_are_reported_at_the_helper_call() =>
        Expect(Program(Mutate(Candidates, "accuracy.Add(name, Watched(model, train, validation));", "accuracy.Add(name, Watched(model, train, {|#0:test|}));")), "MLDSL0018");

    // The same helper's validation score only printed, never compared: it measures rows early stopping watched.
    [Fact]
    public Task Interface_model_early_stopped_on_validation_and_reported_on_it_is_reported_at_the_call() =>
        Expect(Program(Mutate(Candidates, """string winner = accuracy.MaxBy(pair => pair.Value).Key;""",
            """using IClassifier<Patient> single = new PatientNet(seed: 1); Console.WriteLine($"validation {Watched(single, train, {|#0:validation|}):P2}"); string winner = accuracy.MaxBy(pair => pair.Value).Key;""")), "MLDSL0027");

    // ───────────── 4. The final model trained on the test rows too, through a row-mapping delegate ─────────────

    private const string Clipped = """
        public static class Clipped
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Patient>("patients.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 5 });
                Func<Patient, Patient> clip = p => p with { Glucose = Math.Min(p.Glucose, 400f), Bmi = Math.Min(p.Bmi, 70f) };
                using var model = new PatientNet(seed: 5);
                model.Fit(train.Select(clip).ToList(), validation.Select(clip).ToList(), new FitOptions { Epochs = 20, EarlyStoppingPatience = 3, Verbose = 0 });
                Console.WriteLine($"test accuracy {model.Evaluate(test.Select(clip).ToList()).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Clipped_rows_trained_on_train_and_scored_on_test_are_silent() => Expect(Program(Clipped));

    // Scored on the test rows it trained on: that score is reported (MLDSL0027), as in sets D and F.
    [Fact]
    public Task Clipped_rows_trained_on_train_and_test_then_scored_on_test_are_reported_at_the_score() =>
        Expect(Program(Mutate(Clipped, "model.Fit(train.Select(clip).ToList(),", "model.Fit(train.Concat(test).Select(clip).ToList(),")
            .Replace("model.Evaluate(test.Select(clip).ToList())", "model.Evaluate({|#0:test.Select(clip).ToList()|})")), "MLDSL0027");

    // Trained on the test rows and shipped, nothing scored on them: the Fit is reported (MLDSL0018).
    [Fact]
    public Task Clipped_rows_trained_on_train_and_test_and_saved_are_reported_at_the_fit() =>
        Expect(Program(Mutate(Clipped, "model.Fit(train.Select(clip).ToList(),", "model.Fit({|#0:train.Concat(test).Select(clip).ToList()|},")
            .Replace("""Console.WriteLine($"test accuracy {model.Evaluate(test.Select(clip).ToList()).Accuracy:P2}");""", """model.Save("clipped.mldsl");""")), "MLDSL0018");

    // Training a second model on train+test to ship, after the first model's honest test score.
    [Fact]
    public Task Shipped_refit_on_clipped_train_and_test_after_the_test_score_is_silent() =>
        Expect(Program(Mutate(Clipped, """Console.WriteLine($"test accuracy {model.Evaluate(test.Select(clip).ToList()).Accuracy:P2}");""",
            """
            Console.WriteLine($"test accuracy {model.Evaluate(test.Select(clip).ToList()).Accuracy:P2}");
            using var shipped = new PatientNet(seed: 5);
            shipped.Fit(train.Concat(test).Select(clip).ToList(), validation.Select(clip).ToList(), new FitOptions { Epochs = 20, EarlyStoppingPatience = 3, Verbose = 0 });
            shipped.Save("shipped.mldsl");
            """)));

    // ───────────── 5. The previous day looked up by date in a dictionary of the series ─────────────

    private const string ByDate = """
        public static class ByDate
        {
            public static List<RiverDay> Build(IEnumerable<Gauge> gauge)
            {
                Dictionary<DateTime, Gauge> byDay = gauge.ToDictionary(g => g.Day);
                var rows = new List<RiverDay>();
                foreach (Gauge today in byDay.Values.OrderBy(g => g.Day))
                {
                    if (!byDay.TryGetValue(today.Day.AddDays(-1), out Gauge? before)) continue;
                    Gauge weekAgo = byDay.GetValueOrDefault(today.Day.AddDays(-7)) ?? before;
                    rows.Add(new RiverDay { Day = today.Day, Rain = today.Rain, FlowLag1 = before.Flow, Rain3 = weekAgo.Rain, Flow = today.Flow });
                }
                return rows;
            }

            public static void Main()
            {
                var gauge = File.ReadLines("gauge.csv").Skip(1).Select(l => l.Split(',')).Select(f => new Gauge(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2])));
                var split = Build(gauge).Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.15, Test = 0.15 });
                var scaler = MinMaxScaler.Fit(split.Train);
                using var model = new RiverNet(seed: 2);
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 30, EarlyStoppingPatience = 3, Verbose = 0 });
                Console.WriteLine($"test MAE {model.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError:F2}");
            }
        }
        """;

    [Fact]
    public Task Yesterday_and_a_week_ago_looked_up_by_date_are_silent() => Expect(Program(ByDate));

    [Fact]
    public Task Tomorrow_looked_up_with_a_time_span_is_reported() =>
        Expect(Program(Mutate(ByDate, "byDay.TryGetValue(today.Day.AddDays(-1), out Gauge? before)", "byDay.TryGetValue({|#0:today.Day + TimeSpan.FromDays(1)|}, out Gauge? before)")), "MLDSL0017");

    [Fact]
    public Task Today_looked_up_by_an_indexer_is_reported() =>
        Expect(Program(Mutate(ByDate, "Gauge weekAgo = byDay.GetValueOrDefault(today.Day.AddDays(-7)) ?? before;",
            "Gauge weekAgo = byDay.GetValueOrDefault(today.Day.AddDays(-7)) ?? before; Gauge same = byDay[{|#0:today.Day|}];")
            .Replace("FlowLag1 = before.Flow", "FlowLag1 = same.Flow")), "MLDSL0017");

    [Fact]
    public Task Next_week_looked_up_with_get_value_or_default_is_reported() =>
        Expect(Program(Mutate(ByDate, "byDay.GetValueOrDefault(today.Day.AddDays(-7)) ?? before;", "byDay.GetValueOrDefault({|#0:today.Day.AddDays(7)|}) ?? before;")
            .Replace("Rain3 = weekAgo.Rain", "Rain3 = weekAgo.Flow")), "MLDSL0017");

    // The day searched for in the list of days: the same shift, written as a search.
    [Fact]
    public Task Tomorrow_searched_for_with_first_or_default_is_reported() =>
        Expect(Program(Mutate(ByDate, "Gauge weekAgo = byDay.GetValueOrDefault(today.Day.AddDays(-7)) ?? before;",
            "Gauge weekAgo = byDay.Values.FirstOrDefault(g => g.Day == {|#0:today.Day.AddDays(1)|}) ?? before;").Replace("Rain3 = weekAgo.Rain", "Rain3 = weekAgo.Flow")), "MLDSL0017");

    [Fact]
    public Task Last_week_searched_for_with_where_and_first_is_silent() =>
        Expect(Program(Mutate(ByDate, "Gauge weekAgo = byDay.GetValueOrDefault(today.Day.AddDays(-7)) ?? before;",
            "Gauge weekAgo = byDay.Values.Where(g => today.Day.AddDays(-7) == g.Day).FirstOrDefault() ?? before;").Replace("Rain3 = weekAgo.Rain", "Rain3 = weekAgo.Flow")));

    // Tomorrow's rain is a forecast input here, not the flow being predicted: no label is read.
    [Fact]
    public Task Rain_of_tomorrow_looked_up_by_date_is_silent() =>
        Expect(Program(Mutate(ByDate, "Rain3 = weekAgo.Rain", "Rain3 = byDay.TryGetValue(today.Day.AddDays(1), out Gauge? next) ? next.Rain : 0f")));

    // ───────────── 6. A trailing window over the series by position ─────────────

    private const string Trailing = """
        public static class Trailing
        {
            public static List<RiverDay> Build(List<Gauge> gauge)
            {
                var rows = new List<RiverDay>();
                for (int i = 3; i < gauge.Count; i++)
                {
                    List<Gauge> window = gauge.GetRange(i - 3, 3);
                    rows.Add(new RiverDay { Day = gauge[i].Day, Rain = gauge[i].Rain, FlowLag1 = window[^1].Flow, Rain3 = window.Sum(g => g.Rain), Flow = gauge[i].Flow });
                }
                return rows;
            }

            public static void Main()
            {
                var gauge = File.ReadAllLines("gauge.csv").Skip(1).Select(l => l.Split(','))
                    .Select(f => new Gauge(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))).OrderBy(g => g.Day).ToList();
                var split = Build(gauge).Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.15, Test = 0.15 });
                var scaler = Standardizer.Fit(split.Train);
                using var model = new RiverNet(seed: 4);
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 30, EarlyStoppingPatience = 3, Verbose = 0 });
                Console.WriteLine($"test MAE {model.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError:F2}");
            }
        }
        """;

    [Fact]
    public Task Window_of_the_three_days_before_is_silent() => Expect(Program(Trailing));

    [Fact]
    public Task Window_ending_today_read_by_its_last_element_is_reported() =>
        Expect(Program(Mutate(Trailing, "List<Gauge> window = gauge.GetRange(i - 3, 3);", "List<Gauge> window = {|#0:gauge.GetRange(i - 2, 3)|};")), "MLDSL0017");

    [Fact]
    public Task Window_ending_today_taken_with_skip_and_take_and_read_by_last_is_reported() =>
        Expect(Program(Mutate(Trailing, "List<Gauge> window = gauge.GetRange(i - 3, 3);", "List<Gauge> window = {|#0:gauge.Skip(i - 2).Take(3)|}.ToList();")
            .Replace("FlowLag1 = window[^1].Flow", "FlowLag1 = window.Last().Flow")), "MLDSL0017");

    // The window reaches today, but only its first day's flow (two days before) and its rain (an input) are read.
    [Fact]
    public Task Window_ending_today_read_by_its_first_element_and_rain_is_silent() =>
        Expect(Program(Mutate(Trailing, "List<Gauge> window = gauge.GetRange(i - 3, 3);", "List<Gauge> window = gauge.GetRange(i - 2, 3);")
            .Replace("FlowLag1 = window[^1].Flow", "FlowLag1 = window[0].Flow")));
}
