using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Two slices of one value taken at the same cut hold different rows: <c>x[..cut]</c> and <c>x[cut..]</c>, <c>x[a..b]</c> and
/// <c>x[b..]</c>, <c>Take(n)</c> and <c>Skip(n)</c>, <c>SkipLast(n)</c> and <c>TakeLast(n)</c>, <c>GetRange(0, cut)</c> and
/// <c>GetRange(cut, count - cut)</c>, <c>AsSpan(..cut)</c> and <c>AsSpan(cut..)</c>, <c>Where((r, i) =&gt; i &lt; cut)</c> and
/// <c>Where((r, i) =&gt; i &gt;= cut)</c>: training on one and scoring on the other
/// is no score on training rows (MLDSL0027). The same slice twice, slices that overlap by a known number of rows, and the
/// whole beside a part of it still are. Store weeks, meter readings, patient visits and prices.
/// </summary>
public sealed class ComplementarySlicesTests
{
    // ---- the two sides of one cut: silent ----

    [Fact]
    public Task Weeks_trained_before_a_range_cut_and_scored_after_it_are_silent() => Expect(Program("""
        public static class Sales
        {
            public static void Main()
            {
                var weeks = CsvFile.Read<StoreWeek>("weeks.csv").OrderBy(w => w.Week).ToArray();
                int cut = weeks.Length * 4 / 5;
                using var net = new StoreNet();
                net.Fit(weeks[..cut]);
                Console.WriteLine(net.Evaluate(weeks[cut..]).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Hours_split_three_ways_by_two_range_cuts_are_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToArray();
                int validFrom = hours.Length * 7 / 10, testFrom = hours.Length * 17 / 20;
                using var net = new MeterNet();
                net.Fit(hours[..validFrom], hours[validFrom..testFrom]);
                Console.WriteLine(net.Evaluate(hours[testFrom..]).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Hours_taken_and_skipped_at_one_cut_are_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int cut = (int)(hours.Count * 0.8);
                using var net = new MeterNet();
                net.Fit(hours.Take(cut).ToList());
                Console.WriteLine(net.Evaluate(hours.Skip(cut).ToList()).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Visits_cut_by_two_get_ranges_are_silent() => Expect(Program("""
        public static class Clinic
        {
            public static void Main()
            {
                var visits = CsvFile.Read<PatientVisit>("visits.csv").OrderBy(v => v.Date).ToList();
                int cut = visits.Count - 200;
                using var net = new VisitNet();
                net.Fit(visits.GetRange(0, cut));
                Console.WriteLine(net.Evaluate(visits.GetRange(cut, visits.Count - cut)).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Days_kept_by_skip_last_and_scored_by_take_last_are_silent() => Expect(Program("""
        public static class Desk
        {
            public static void Main()
            {
                var days = CsvFile.Read<PriceDay>("prices.csv").OrderBy(d => d.Day).ToList();
                const int horizon = 60;
                using var net = new PriceNet();
                net.Fit(days.SkipLast(horizon).ToList());
                Console.WriteLine(net.Evaluate(days.TakeLast(horizon).ToList()).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Days_cut_from_the_end_by_hat_ranges_are_silent() => Expect(Program("""
        public static class Desk
        {
            public static void Main()
            {
                var days = CsvFile.Read<PriceDay>("prices.csv").OrderBy(d => d.Day).ToArray();
                using var net = new PriceNet();
                net.Fit(days[..^60]);
                Console.WriteLine(net.Evaluate(days[^60..]).MeanAbsoluteError);
            }
        }
        """));

    // A window from a start to the cut trained on, the rows from the cut on scored: x[a..b] and x[b..].
    [Fact]
    public Task Weeks_trained_on_a_window_ending_at_the_cut_and_scored_after_it_are_silent() => Expect(Program("""
        public static class Sales
        {
            public static void Main(string[] args)
            {
                var weeks = CsvFile.Read<StoreWeek>("weeks.csv").OrderBy(w => w.Week).ToArray();
                int from = int.Parse(args[0]), cut = int.Parse(args[1]);
                using var net = new StoreNet();
                net.Fit(weeks[from..cut]);
                Console.WriteLine(net.Evaluate(weeks[cut..]).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Hours_sliced_as_spans_at_one_cut_are_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToArray();
                int cut = hours.Length - 24 * 7;
                using var net = new MeterNet();
                net.Fit(hours.AsSpan(..cut).ToArray());
                Console.WriteLine(net.Evaluate(hours.AsSpan(cut).ToArray()).MeanAbsoluteError);
            }
        }
        """));

    // A filter on the position alone keeps a run of positions, as Take and Skip do.
    [Fact]
    public Task Hours_filtered_below_and_from_one_cut_by_position_are_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int cut = hours.Count * 4 / 5;
                using var net = new MeterNet();
                net.Fit(hours.Where((h, i) => i < cut).ToList());
                Console.WriteLine(net.Evaluate(hours.Where((h, i) => cut <= i).ToList()).MeanAbsoluteError);
            }
        }
        """));

    // ---- the same rows on both sides: reported ----

    [Fact]
    public Task Weeks_trained_and_scored_on_the_same_range_are_reported() => Expect(Program("""
        public static class Sales
        {
            public static void Main()
            {
                var weeks = CsvFile.Read<StoreWeek>("weeks.csv").OrderBy(w => w.Week).ToArray();
                int cut = weeks.Length * 4 / 5;
                using var net = new StoreNet();
                net.Fit(weeks[..cut]);
                Console.WriteLine(net.Evaluate({|#0:weeks[..cut]|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    // Ten weeks before the cut are in both: the range scored starts before the range trained on ends.
    [Fact]
    public Task Weeks_scored_from_ten_before_the_cut_are_reported() => Expect(Program("""
        public static class Sales
        {
            public static void Main()
            {
                var weeks = CsvFile.Read<StoreWeek>("weeks.csv").OrderBy(w => w.Week).ToArray();
                int cut = weeks.Length * 4 / 5;
                using var net = new StoreNet();
                net.Fit(weeks[..cut]);
                Console.WriteLine(net.Evaluate({|#0:weeks[(cut - 10)..]|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Visits_trained_on_all_and_scored_on_the_last_part_are_reported() => Expect(Program("""
        public static class Clinic
        {
            public static void Main()
            {
                var visits = CsvFile.Read<PatientVisit>("visits.csv").OrderBy(v => v.Date).ToArray();
                int cut = visits.Length * 4 / 5;
                using var net = new VisitNet();
                net.Fit(visits);
                Console.WriteLine(net.Evaluate({|#0:visits[cut..]|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Hours_taken_twice_with_the_same_count_are_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                using var net = new MeterNet();
                net.Fit(hours.Take(5000).ToList());
                Console.WriteLine(net.Evaluate({|#0:hours.Take(5000).ToList()|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    // Take(800) and Skip(700) share rows 700 to 799.
    [Fact]
    public Task Days_taken_past_where_the_scored_part_starts_are_reported() => Expect(Program("""
        public static class Desk
        {
            public static void Main()
            {
                var days = CsvFile.Read<PriceDay>("prices.csv").OrderBy(d => d.Day).ToList();
                using var net = new PriceNet();
                net.Fit(days.Take(800).ToList());
                Console.WriteLine(net.Evaluate({|#0:days.Skip(700).ToList()|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    // i < cut trained on, i <= cut scored: the row at the cut is in both.
    [Fact]
    public Task Visits_filtered_by_position_with_the_cut_row_on_both_sides_are_reported() => Expect(Program("""
        public static class Clinic
        {
            public static void Main()
            {
                var visits = CsvFile.Read<PatientVisit>("visits.csv").OrderBy(v => v.Date).ToList();
                int cut = visits.Count - 100;
                using var net = new VisitNet();
                net.Fit(visits.Where((v, i) => i >= 0 && i < cut).ToList());
                Console.WriteLine(net.Evaluate({|#0:visits.Where((v, i) => i >= cut - 1)|}.ToList()).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    // A week's gap (an embargo) made by moving the cut on after the training slice is taken: the two reads of the cut are not
    // one value, so the slices are not compared by position; like any two subsets whose overlap is not known, they stay silent.
    [Fact]
    public Task Hours_cut_by_a_count_moved_on_between_the_slices_are_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int cut = hours.Count / 2;
                using var net = new MeterNet();
                net.Fit(hours.Take(cut).ToList());
                cut += 24 * 7;
                Console.WriteLine(net.Evaluate(hours.Skip(cut).ToList()).MeanAbsoluteError);
            }
        }
        """));

    private static string Program(string types) => LeakageSources.AllUsings + types + TimeSeriesRows.Source;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
