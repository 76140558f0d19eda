using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixP's kind: lookup tables, per-record aggregates and one report per statistic. A table built from single records
/// (<c>ToDictionary</c>, <c>ToLookup</c>, filled in a loop) is the records re-indexed: read under another key (a lag) it is
/// silent, read for a feature under the row's own key or a later time it is the answer (MLDSL0017). Aggregates over one raw
/// record's own values are features of it; a statistic built by hand in two dictionaries is reported once; an anonymous
/// object's members are its value (a local function's result follows its argument); an extreme printed beside the mean of
/// several test scores is no choice. Both leakage analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed class LeakageLookupTablesTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Demand
        {
            [Timestamp] public DateTime Day { get; init; }
            [Feature] public float Temperature { get; init; }
            [Feature] public float Previous { get; init; }
            [Label] public float Trips { get; init; }
        }

        [Model(typeof(Demand))]
        public sealed partial class DemandNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        /// <summary>One day of the taxi export, before it becomes a row.</summary>
        public sealed record Count(DateTime Day, float Temperature, float Trips);

        public static class Counts
        {
            public static List<Count> Load(string path) =>
                System.IO.File.ReadLines(path).Skip(1).Select(line => line.Split(','))
                    .Select(f => new Count(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))).ToList();
        }

        [Dataset]
        public sealed partial record Stay
        {
            [Feature] public float Peak { get; init; }
            [Feature] public float Mean { get; init; }
            [Feature] public float Level { get; init; }
            [Ignore] public string Ward { get; init; } = "";
            [Label(Classes = 2)] public int Returned { get; init; }
        }

        [Model(typeof(Stay))]
        public sealed partial class StayNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        /// <summary>A stay as exported: several readings each.</summary>
        public sealed record RawStay(string Ward, float[] Readings, int Returned);

        public static class RawStays
        {
            public static List<RawStay> Load(string path) =>
                System.IO.File.ReadLines(path).Skip(1).Select(line => line.Split(','))
                    .Select(f => new RawStay(f[0], f[1].Split(';').Select(float.Parse).ToArray(), int.Parse(f[2]))).ToList();
        }

        """;

    private static Task Expect(string types, params string[] expected) => LeakageExpectation.Expect(Usings + types + Rows, expected);

    private static string Demand(string previous, string table = "var trips = new Dictionary<DateTime, float>();\n            foreach (var c in counts) trips[c.Day] = c.Trips;") => $$"""
        public static class Forecast
        {
            public static void Main()
            {
                var counts = Counts.Load("taxi.csv");
                {{table}}
                var rows = counts.Select(c => new Demand { Day = c.Day, Temperature = c.Temperature, Previous = {{previous}}, Trips = c.Trips }).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new DemandNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Loss);
            }
        }
        """;

    // ---- lookup tables of the answers ----

    [Fact]
    public Task Answer_filed_by_hand_read_under_the_rows_own_day_is_reported() =>
        Expect(Demand("trips.GetValueOrDefault({|#0:c.Day|})"), "MLDSL0017");

    [Fact]
    public Task Answer_filed_by_hand_read_under_the_previous_day_is_silent() =>
        Expect(Demand("trips.GetValueOrDefault(c.Day.AddDays(-1))"));

    [Fact]
    public Task Next_weeks_answer_from_a_table_of_records_is_reported() =>
        Expect(Demand("byDay.TryGetValue({|#0:c.Day.AddDays(7)|}, out var later) ? later.Trips : 0f", "var byDay = counts.ToDictionary(c => c.Day);"), "MLDSL0017");

    [Fact]
    public Task Last_weeks_answer_from_a_table_of_records_is_silent() =>
        Expect(Demand("byDay.TryGetValue(c.Day.AddDays(-7), out var earlier) ? earlier.Trips : 0f", "var byDay = counts.ToDictionary(c => c.Day);"));

    [Fact]
    public Task Answers_filed_under_the_next_day_and_read_under_today_are_a_lag_and_silent() =>
        Expect(Demand("shifted.GetValueOrDefault(c.Day)", "var shifted = counts.ToDictionary(c => c.Day.AddDays(1), c => c.Trips);"));

    [Fact]
    public Task Tomorrows_temperature_from_a_lookup_is_an_input_and_silent() =>
        Expect(Demand("warmth[c.Day.AddDays(1)].DefaultIfEmpty(c.Temperature).First()", "var warmth = counts.ToLookup(c => c.Day, c => c.Temperature);"));

    [Fact]
    public Task Todays_answer_taken_from_a_lookup_is_reported() =>
        Expect(Demand("perDay[{|#0:c.Day|}].FirstOrDefault()", "var perDay = counts.ToLookup(c => c.Day, c => c.Trips);"), "MLDSL0017");

    [Fact]
    public Task Yesterdays_answers_summed_from_a_lookup_are_a_lag_and_silent() =>
        Expect(Demand("perDay[c.Day.AddDays(-1)].Sum()", "var perDay = counts.ToLookup(c => c.Day, c => c.Trips);"));

    // ---- aggregates over one raw record ----

    private const string PerStay = """
        public static class Stays
        {
            static float Spread(RawStay stay) => stay.Readings.Max() - stay.Readings.Min();

            public static void Main()
            {
                var raws = RawStays.Load("stays.csv");
                var stays = new List<Stay>();
                for (int i = 0; i < raws.Count; i++)
                    stays.Add(new Stay { Peak = raws[i].Readings.Max(), Mean = raws[i].Readings.Average(), Level = Spread(raws[i]), Ward = raws[i].Ward, Returned = raws[i].Returned });
                var (train, validation, test) = stays.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new StayNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """;

    [Fact]
    public Task Each_stays_own_readings_summarised_by_index_and_helper_are_silent() => Expect(PerStay);

    [Fact]
    public Task The_highest_mean_over_every_stay_rescaling_each_is_reported() => Expect(PerStay
        .Replace("var stays = new List<Stay>();", "float top = {|#0:raws.Max(r => r.Readings.Average())|};\n        var stays = new List<Stay>();")
        .Replace("Mean = raws[i].Readings.Average(),", "Mean = raws[i].Readings.Average() / top,"), "MLDSL0016");

    // ---- one statistic built by hand in two dictionaries, one report ----

    private const string WardPeaks = """
        public static class WardPeaks
        {
            public static void Main()
            {
                var stays = CsvFile.Read<Stay>("stays.csv");
                var (train, validation, test) = stays.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var filed = new Dictionary<string, List<float>>();
                foreach (var s in train)
                {
                    if (!filed.TryGetValue(s.Ward, out var list)) filed[s.Ward] = list = new List<float>();
                    list.Add(s.Peak);
                }
                var top = new Dictionary<string, float>();
                foreach (var pair in filed) top[pair.Key] = pair.Value.Max();
                List<Stay> Add(IEnumerable<Stay> part) => part.Select(s => s with { Level = top.GetValueOrDefault(s.Ward) }).ToList();
                using var model = new StayNet();
                model.Fit(Add(train), Add(validation));
                Console.WriteLine(model.Evaluate(Add(test)).Accuracy);
            }
        }
        """;

    [Fact]
    public Task Ward_peaks_filed_from_the_training_stays_are_silent() => Expect(WardPeaks);

    [Fact]
    public Task Ward_peaks_filed_from_the_test_stays_are_reported_once() =>
        Expect(WardPeaks.Replace("foreach (var s in train)", "foreach (var s in {|#0:test|})"), "MLDSL0016");

    // ---- an anonymous object in a local function follows its argument ----

    private const string Ratios = """
        public static class Ratios
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Stay>("stays.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                float overall = train.Average(s => s.Peak);
                List<Stay> Scale(IEnumerable<Stay> part) => part.Select(s => new { s, ratio = s.Peak / overall }).Select(t => t.s with { Level = t.ratio }).ToList();
                using var model = new StayNet();
                model.Fit(Scale(train), Scale(validation));
                Console.WriteLine(model.Evaluate(Scale(test)).Accuracy);
            }
        }
        """;

    [Fact]
    public Task Anonymous_pairs_in_a_local_function_keep_each_part_apart() => Expect(Ratios);

    [Fact]
    public Task Anonymous_pairs_in_a_local_function_given_the_training_rows_twice_are_reported() =>
        Expect(Ratios.Replace("model.Fit(Scale(train), Scale(validation));", "model.Fit(Scale(train), {|#0:Scale(train)|});"), "MLDSL0020");

    // ---- an extreme of several test scores ----

    private const string Seeds = """
        public static class Seeds
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Stay>("stays.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scores = new[] { 1, 2, 3 }.Select(seed =>
                {
                    using var m = new StayNet();
                    m.Fit(train, validation, new FitOptions { Seed = seed });
                    return m.Evaluate({|#0:test|}).Accuracy;
                }).ToList();
                Console.WriteLine(REPORT);
            }
        }
        """;

    [Fact]
    public Task The_worst_and_best_seed_printed_beside_the_mean_are_silent() =>
        Expect(Seeds.Replace("{|#0:test|}", "test").Replace("REPORT", "$\"{scores.Average():P2} (from {scores.Min():P2} to {scores.Max():P2})\""));

    [Fact]
    public Task The_best_seeds_test_score_reported_alone_is_reported() =>
        Expect(Seeds.Replace("REPORT", "$\"test accuracy {scores.Max():P2}\""), "MLDSL0018");
}
