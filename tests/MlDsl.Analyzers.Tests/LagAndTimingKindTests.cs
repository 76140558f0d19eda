using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Which row an index names does not depend on how the code walks the rows (leakage issue #15): an indexed Select is a
/// for loop over <c>i</c>, a loop running from the end reads the same rows as one running forward, a Zip of the rows with
/// themselves shifted pairs each row with the next, and a window or a filtered count says by its bounds whether it reaches
/// the row's own label. Beside each leak, its fix and the look-alikes that read the past and stay silent.
/// </summary>
public sealed class LagAndTimingKindTests
{
    private const string Fit = """
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.1 });
                using var model = new TrafficNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
        """;

    private const string Rows = """

        [Dataset]
        public sealed partial record TrafficDay
        {
            [Timestamp] public DateTime Day { get; init; }
            [Feature] public float Campaign { get; init; }
            [Feature] public float VisitsLag1 { get; init; }
            [Feature] public float VisitsMean5 { get; init; }
            [Label] public float Visits { get; init; }
        }

        [Model(typeof(TrafficDay))]
        public sealed partial class TrafficNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Payment
        {
            [GroupKey] public int Card { get; init; }
            [Timestamp] public DateTime At { get; init; }
            [Feature] public float Amount { get; init; }
            [Feature] public float Velocity { get; init; }
            [Label(Classes = 2)] public int IsFraud { get; init; }
        }

        [Model(typeof(Payment))]
        public sealed partial class PaymentNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Stay
        {
            [GroupKey] public int Patient { get; init; }
            [Timestamp] public DateTime Admitted { get; init; }
            [Feature] public float HeartRate { get; init; }
            [Feature] public float Lactate { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float Vasopressors { get; init; }
            [Label(Classes = 2)] public int Deteriorated { get; init; }
        }

        [Model(typeof(Stay))]
        public sealed partial class StayNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public sealed record DailyVisits(DateTime Day, float Visits, float Campaign);

        public static class Analytics
        {
            public static List<DailyVisits> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new DailyVisits(
                    DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))).ToList();
        }

        """;

    private static string Program(string types) => LeakageSources.AllUsings + types + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    private static string IndexedSelect(string order, string lag) => Program($$"""
        public static class Traffic
        {
            public static void Run(string path)
            {
                List<DailyVisits> days = Analytics.Load(path).{{order}}.ToList();
                List<TrafficDay> rows = days.Select((d, i) => new TrafficDay
                {
                    Day = d.Day,
                    Campaign = d.Campaign,
                    {{lag}},
                    Visits = d.Visits,
                }).ToList();
        {{Fit}}
            }
        }
        """);

    [Fact]
    public Task Next_row_read_in_an_indexed_select_is_reported_on_the_assignment() =>
        Expect(IndexedSelect("OrderBy(d => d.Day)", "{|#0:VisitsLag1 = i + 1 < days.Count ? days[i + 1].Visits : 0f|}"), "MLDSL0017");

    [Fact]
    public Task Previous_row_read_in_an_indexed_select_stays_silent() =>
        Expect(IndexedSelect("OrderBy(d => d.Day)", "VisitsLag1 = i > 0 ? days[i - 1].Visits : 0f"));

    [Fact]
    public Task Next_row_of_rows_held_newest_first_read_in_an_indexed_select_is_yesterday_and_stays_silent() =>
        Expect(IndexedSelect("OrderByDescending(d => d.Day)", "VisitsLag1 = i + 1 < days.Count ? days[i + 1].Visits : 0f"));

    [Fact]
    public Task Previous_row_of_rows_held_newest_first_read_in_an_indexed_select_is_tomorrow_and_is_reported() =>
        Expect(IndexedSelect("OrderByDescending(d => d.Day)", "{|#0:VisitsLag1 = i > 0 ? days[i - 1].Visits : 0f|}"), "MLDSL0017");

    private static string BackwardsLoop(string order, string lag) => Program($$"""
        public static class Traffic
        {
            public static void Run(string path)
            {
                List<DailyVisits> days = Analytics.Load(path).{{order}}.ToList();
                var rows = new List<TrafficDay>();
                for (int i = days.Count - 2; i >= 1; i--)
                {
                    rows.Add(new TrafficDay
                    {
                        Day = days[i].Day,
                        Campaign = days[i].Campaign,
                        {{lag}},
                        Visits = days[i].Visits,
                    });
                }
        {{Fit}}
            }
        }
        """);

    [Fact]
    public Task Next_row_read_in_a_loop_running_backwards_is_reported_on_the_assignment() =>
        Expect(BackwardsLoop("OrderBy(d => d.Day)", "{|#0:VisitsLag1 = days[i + 1].Visits|}"), "MLDSL0017");

    /// <summary>The loop's bound reads days.Count: a position, not an input the label is computed from.</summary>
    [Fact]
    public Task Previous_row_read_in_a_loop_running_backwards_stays_silent() =>
        Expect(BackwardsLoop("OrderBy(d => d.Day)", "VisitsLag1 = days[i - 1].Visits"));

    [Fact]
    public Task Next_row_of_rows_held_newest_first_read_in_a_loop_running_backwards_is_yesterday_and_stays_silent() =>
        Expect(BackwardsLoop("OrderByDescending(d => d.Day)", "VisitsLag1 = days[i + 1].Visits"));

    private static string Zipped(string pairing) => Program($$"""
        public static class Traffic
        {
            public static void Run(string path)
            {
                List<DailyVisits> days = Analytics.Load(path).OrderBy(d => d.Day).ToList();
                List<TrafficDay> rows = {{pairing}}.ToList();
        {{Fit}}
            }
        }
        """);

    [Fact]
    public Task Next_day_paired_by_zip_is_reported_on_the_assignment_as_the_indexed_form_is() => Expect(Zipped("""
        days.Zip(days.Skip(1), (today, tomorrow) => new TrafficDay
                {
                    Day = today.Day,
                    Campaign = today.Campaign,
                    {|#0:VisitsLag1 = tomorrow.Visits|},
                    Visits = today.Visits,
                })
        """), "MLDSL0017");

    [Fact]
    public Task Previous_day_paired_by_zip_stays_silent() => Expect(Zipped("""
        days.Zip(days.Skip(1), (yesterday, today) => new TrafficDay
                {
                    Day = today.Day,
                    Campaign = today.Campaign,
                    VisitsLag1 = yesterday.Visits,
                    Visits = today.Visits,
                })
        """));

    private static string Window(string window) => Program($$"""
        public static class Traffic
        {
            public static void Run(string path)
            {
                List<TrafficDay> days = CsvFile.Read<TrafficDay>(path).OrderBy(d => d.Day).ToList();
                List<TrafficDay> rows = days.Select((d, i) => d with { VisitsMean5 = {{window}}.Average(x => x.Visits) }).ToList();
        {{Fit}}
            }
        }
        """);

    [Fact]
    public Task Window_in_an_indexed_select_that_ends_at_the_current_row_is_reported() =>
        Expect(Window("{|#0:days.Skip(Math.Max(0, i - 4)).Take(5)|}"), "MLDSL0017");

    [Fact]
    public Task Window_in_an_indexed_select_that_ends_before_the_current_row_stays_silent() =>
        Expect(Window("days.Skip(Math.Max(0, i - 5)).Take(5)"));

    /// <summary>Take(Math.Min(5, i)) takes at most five rows: the window still ends before row i.</summary>
    [Fact]
    public Task Window_whose_length_is_capped_by_a_clamp_that_ends_before_the_current_row_stays_silent() =>
        Expect(Window("days.Skip(Math.Max(0, i - 5)).Take(Math.Min(5, i))"));

    [Fact]
    public Task Window_whose_length_is_capped_by_a_clamp_that_reaches_the_current_row_is_reported() =>
        Expect(Window("{|#0:days.Skip(Math.Max(0, i - 5)).Take(Math.Min(6, i + 1))|}"), "MLDSL0017");

    private static string Velocity(string filter) => Program($$"""
        public static class Fraud
        {
            public static void Run(string path)
            {
                var rows = new List<Payment>();
                foreach (var card in CsvFile.Read<Payment>(path).GroupBy(p => p.Card))
                {
                    var history = card.OrderBy(p => p.At).ToList();
                    foreach (var p in history)
                        rows.Add(p with { Velocity = {{filter}} });
                }
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new PaymentNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """);

    [Fact]
    public Task Count_of_the_cards_payments_in_the_previous_day_stays_silent() =>
        Expect(Velocity("history.Count(h => h.At < p.At && h.At >= p.At.AddHours(-24))"));

    [Fact]
    public Task Count_of_the_cards_earlier_frauds_stays_silent() =>
        Expect(Velocity("history.Count(h => h.At < p.At && h.IsFraud == 1)"));

    [Fact]
    public Task Count_of_the_cards_frauds_a_week_or_more_before_stays_silent() =>
        Expect(Velocity("history.Where(h => h.At <= p.At.AddDays(-7)).Count(h => h.IsFraud == 1)"));

    /// <summary>The payment's own label is counted: target encoding in the row (MLDSL0017) and a statistic of rows later split (MLDSL0016).</summary>
    [Fact]
    public Task Count_of_the_cards_frauds_up_to_and_including_this_payment_is_reported() =>
        Expect(Velocity("{|#0:history.Count(h => h.At <= p.At && h.IsFraud == 1)|}").Replace("{ Velocity =", "{ {|#1:Velocity|} ="), "MLDSL0016", "MLDSL0017");

    [Fact]
    public Task Count_of_the_cards_frauds_in_the_day_around_this_payment_is_reported() =>
        Expect(Velocity("{|#0:history.Count(h => h.At < p.At.AddHours(12) && h.IsFraud == 1)|}").Replace("{ Velocity =", "{ {|#1:Velocity|} ="), "MLDSL0016", "MLDSL0017");

    private static string Stays(string table, string build) => Program($$"""
        public static class Icu
        {
            public static void Run(string path)
            {
                List<Stay> stays = CsvFile.Read<Stay>(path).OrderBy(s => s.Admitted).ToList();
                {{table}}
                List<Stay> rows = {{build}};
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new StayNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """);

    [Fact]
    public Task Late_value_kept_in_a_dictionary_and_looked_up_under_the_rows_key_is_reported_on_the_lookup() => Expect(Stays(
        "var pressors = stays.ToDictionary(s => s.Patient, s => s.Vasopressors);",
        "stays.Select(s => s with { Lactate = s.Lactate + {|#0:pressors[s.Patient]|} }).ToList()"), "MLDSL0029");

    [Fact]
    public Task Late_value_kept_in_a_dictionary_and_looked_up_with_a_fallback_is_reported_on_the_lookup() => Expect(Stays(
        "var pressors = stays.ToDictionary(s => s.Patient, s => s.Vasopressors * 60f);",
        "stays.Select(s => s with { Lactate = {|#0:pressors.GetValueOrDefault(s.Patient)|} }).ToList()"), "MLDSL0029");

    [Fact]
    public Task Value_known_before_the_label_kept_in_a_dictionary_and_looked_up_stays_silent() => Expect(Stays(
        "var rates = stays.ToDictionary(s => s.Patient, s => s.HeartRate);",
        "stays.Select(s => s with { Lactate = s.Lactate + rates[s.Patient] }).ToList()"));

    /// <summary>Filed under the next day, the entry read under today's admission is the previous day's value, known by now.</summary>
    [Fact]
    public Task Late_value_filed_under_a_moved_key_stays_silent() => Expect(Stays(
        "var pressors = stays.ToDictionary(s => s.Admitted.AddDays(1), s => s.Vasopressors);",
        "stays.Select(s => s with { Lactate = s.Lactate + pressors.GetValueOrDefault(s.Admitted) }).ToList()"));

    [Fact]
    public Task Late_member_written_into_the_feature_array_of_WithFeatures_is_reported_on_the_element() => Expect(Stays(
        "",
        "stays.Select(s => Stay.WithFeatures(s, new[] { s.HeartRate, {|#0:s.Lactate + s.Vasopressors|} })).ToList()"), "MLDSL0029");

    [Fact]
    public Task Feature_array_of_WithFeatures_read_from_values_known_before_the_label_stays_silent() => Expect(Stays(
        "",
        "stays.Select(s => Stay.WithFeatures(s, new[] { s.HeartRate, s.Lactate * 2f })).ToList()"));

    [Fact]
    public Task Late_member_of_the_previous_stay_in_the_feature_array_stays_silent() => Expect(Stays(
        "",
        "stays.Skip(1).Select((s, i) => Stay.WithFeatures(s, new[] { s.HeartRate, stays[i].Vasopressors })).ToList()"));
}
