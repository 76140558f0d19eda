using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// A lag or lead read <c>rows[i ± k]</c> is judged against the order <c>rows</c> is held in (MLDSL0017): oldest first
/// (<c>OrderBy</c>, a list sorted in place by its time) row <c>i - k</c> is the past; newest first (<c>OrderByDescending</c>,
/// <c>OrderBy(...).Reverse()</c>, an in-place <c>Reverse()</c> of an ascending list, <c>Sort((a, b) =&gt; b.T.CompareTo(a.T))</c>)
/// row <c>i + k</c> is the past and row <c>i - k</c> the future; an order not known (a file as exported) is read as running
/// forward. Sales weeks, sensor readings, patient visits and prices: each leak beside its fix and look-alikes.
/// </summary>
public sealed class LagDirectionTests
{
    // ---- sensor readings sorted newest first ----

    // Newest first, reading i - 1 is the hour after reading i: the "previous load" is the next hour's load.
    [Fact]
    public Task Previous_index_of_readings_ordered_newest_first_is_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var raw = Readings.Load("meter.csv").OrderByDescending(r => r.At).ToList();
                var hours = new List<MeterHour>();
                for (int i = 1; i < raw.Count; i++)
                    hours.Add(new MeterHour { At = raw[i].At, Temperature = raw[i].Temperature, {|#0:LoadLag1 = raw[i - 1].Load|}, Load = raw[i].Load });
                var split = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new MeterNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """), "MLDSL0017");

    // The fix: newest first, reading i + 1 is the hour before.
    [Fact]
    public Task Next_index_of_readings_ordered_newest_first_is_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var raw = Readings.Load("meter.csv").OrderByDescending(r => r.At).ToList();
                var hours = new List<MeterHour>();
                for (int i = 0; i + 1 < raw.Count; i++)
                    hours.Add(new MeterHour { At = raw[i].At, Temperature = raw[i].Temperature, LoadLag1 = raw[i + 1].Load, Load = raw[i].Load });
                var split = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new MeterNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """));

    // A list sorted in place newest first by a comparison of its rows' time: reading i - 1 is later.
    [Fact]
    public Task Previous_index_of_readings_sorted_in_place_newest_first_is_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var raw = Readings.Load("meter.csv");
                raw.Sort((a, b) => b.At.CompareTo(a.At));
                var hours = new List<MeterHour>();
                for (int i = 1; i < raw.Count; i++)
                    hours.Add(new MeterHour { At = raw[i].At, Temperature = raw[i].Temperature, {|#0:LoadLag1 = raw[i - 1].Load|}, Load = raw[i].Load });
                var split = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new MeterNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Next_index_of_readings_sorted_in_place_newest_first_is_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var raw = Readings.Load("meter.csv");
                raw.Sort((a, b) => b.At.CompareTo(a.At));
                var hours = new List<MeterHour>();
                for (int i = 0; i + 1 < raw.Count; i++)
                    hours.Add(new MeterHour { At = raw[i].At, Temperature = raw[i].Temperature, LoadLag1 = raw[i + 1].Load, Load = raw[i].Load });
                var split = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new MeterNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """));

    // A negated oldest-first comparison sorts newest first as well.
    [Fact]
    public Task Next_index_of_readings_sorted_by_a_negated_comparison_is_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var raw = Readings.Load("meter.csv");
                raw.Sort((a, b) => -a.At.CompareTo(b.At));
                var hours = new List<MeterHour>();
                for (int i = 0; i + 1 < raw.Count; i++)
                    hours.Add(new MeterHour { At = raw[i].At, Temperature = raw[i].Temperature, LoadLag1 = raw[i + 1].Load, Load = raw[i].Load });
                var split = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new MeterNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """));

    // Look-alike: sorted in place oldest first: reading i + 1 is the next hour, a lead.
    [Fact]
    public Task Next_index_of_readings_sorted_in_place_oldest_first_is_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var raw = Readings.Load("meter.csv");
                raw.Sort((a, b) => DateTime.Compare(a.At, b.At));
                var hours = new List<MeterHour>();
                for (int i = 0; i + 1 < raw.Count; i++)
                    hours.Add(new MeterHour { At = raw[i].At, Temperature = raw[i].Temperature, {|#0:LoadLag1 = raw[i + 1].Load|}, Load = raw[i].Load });
                var split = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new MeterNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """), "MLDSL0017");

    // An oldest-first sort turned round in place afterwards: newest first, so reading i + 1 is the past.
    [Fact]
    public Task Next_index_of_readings_sorted_oldest_first_then_reversed_in_place_is_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var raw = Readings.Load("meter.csv");
                raw.Sort((a, b) => a.At.CompareTo(b.At));
                raw.Reverse();
                var hours = new List<MeterHour>();
                for (int i = 0; i + 1 < raw.Count; i++)
                    hours.Add(new MeterHour { At = raw[i].At, Temperature = raw[i].Temperature, LoadLag1 = raw[i + 1].Load, Load = raw[i].Load });
                var split = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new MeterNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """));

    // ---- patient visits ordered, then reversed ----

    [Fact]
    public Task Previous_index_of_visits_ordered_then_reversed_is_reported() => Expect(Program("""
        public static class Clinic
        {
            public static void Main()
            {
                var visits = Visits.Load("visits.csv").OrderBy(v => v.Date).Reverse().ToList();
                var rows = new List<PatientVisit>();
                for (int i = 1; i < visits.Count; i++)
                    rows.Add(new PatientVisit { Date = visits[i].Date, Weight = visits[i].Weight, {|#0:PreviousPulse = visits[i - 1].Pulse|}, Pulse = visits[i].Pulse });
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new VisitNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Next_index_of_visits_ordered_then_reversed_is_silent() => Expect(Program("""
        public static class Clinic
        {
            public static void Main()
            {
                var visits = Visits.Load("visits.csv").OrderBy(v => v.Date).Reverse().ToList();
                var rows = new List<PatientVisit>();
                for (int i = 0; i + 1 < visits.Count; i++)
                    rows.Add(new PatientVisit { Date = visits[i].Date, Weight = visits[i].Weight, PreviousPulse = visits[i + 1].Pulse, Pulse = visits[i].Pulse });
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new VisitNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """));

    // An ascending list turned round in place: newest first.
    [Fact]
    public Task Next_index_of_visits_reversed_in_place_after_an_ascending_order_is_silent() => Expect(Program("""
        public static class Clinic
        {
            public static void Main()
            {
                var visits = Visits.Load("visits.csv").OrderBy(v => v.Date).ToList();
                visits.Reverse();
                var rows = new List<PatientVisit>();
                for (int i = 0; i + 1 < visits.Count; i++)
                    rows.Add(new PatientVisit { Date = visits[i].Date, Weight = visits[i].Weight, PreviousPulse = visits[i + 1].Pulse, Pulse = visits[i].Pulse });
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new VisitNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """));

    // ---- prices: ascending and unknown orders keep the forward reading ----

    [Fact]
    public Task Next_index_of_quotes_ordered_oldest_first_is_reported() => Expect(Program("""
        public static class Desk
        {
            public static void Main()
            {
                var quotes = Quotes.Load("quotes.csv").OrderBy(q => q.Day).ToList();
                var days = new List<PriceDay>();
                for (int i = 0; i + 1 < quotes.Count; i++)
                    days.Add(new PriceDay { Day = quotes[i].Day, Volume = quotes[i].Volume, {|#0:CloseLag1 = quotes[i + 1].Close|}, Close = quotes[i].Close });
                var split = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new PriceNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Previous_index_of_quotes_ordered_oldest_first_is_silent() => Expect(Program("""
        public static class Desk
        {
            public static void Main()
            {
                var quotes = Quotes.Load("quotes.csv").OrderBy(q => q.Day).ToList();
                var days = new List<PriceDay>();
                for (int i = 1; i < quotes.Count; i++)
                    days.Add(new PriceDay { Day = quotes[i].Day, Volume = quotes[i].Volume, CloseLag1 = quotes[i - 1].Close, Close = quotes[i].Close });
                var split = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new PriceNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """));

    // An order not known (the file as exported) is read as running forward: row i + 1 is taken as the next day.
    [Fact]
    public Task Next_index_of_quotes_in_file_order_is_reported() => Expect(Program("""
        public static class Desk
        {
            public static void Main()
            {
                var quotes = Quotes.Load("quotes.csv");
                var days = new List<PriceDay>();
                for (int i = 0; i + 1 < quotes.Count; i++)
                    days.Add(new PriceDay { Day = quotes[i].Day, Volume = quotes[i].Volume, {|#0:CloseLag1 = quotes[i + 1].Close|}, Close = quotes[i].Close });
                var split = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new PriceNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """), "MLDSL0017");

    // Quotes held newest first and then re-sorted in place by price: their order in time is no longer known, so the
    // forward reading applies again (row i + 1 reported), not the newest-first one the initializer had.
    [Fact]
    public Task Next_index_of_quotes_resorted_in_place_by_price_is_reported() => Expect(Program("""
        public static class Desk
        {
            public static void Main()
            {
                var quotes = Quotes.Load("quotes.csv").OrderByDescending(q => q.Day).ToList();
                quotes.Sort((a, b) => b.Close.CompareTo(a.Close));
                var days = new List<PriceDay>();
                for (int i = 0; i + 1 < quotes.Count; i++)
                    days.Add(new PriceDay { Day = quotes[i].Day, Volume = quotes[i].Volume, {|#0:CloseLag1 = quotes[i + 1].Close|}, Close = quotes[i].Close });
                var split = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new PriceNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """), "MLDSL0017");

    // Newest first, a trailing window of the days after row i in the list (i + 1 .. i + 5) is the five days before it.
    [Fact]
    public Task Window_after_the_index_of_quotes_ordered_newest_first_is_silent() => Expect(Program("""
        public static class Desk
        {
            public static void Main()
            {
                var quotes = Quotes.Load("quotes.csv").OrderByDescending(q => q.Day).ToList();
                var days = new List<PriceDay>();
                for (int i = 0; i + 5 < quotes.Count; i++)
                    days.Add(new PriceDay { Day = quotes[i].Day, Volume = quotes[i].Volume, CloseLag1 = quotes.GetRange(i + 1, 5).Average(q => q.Close), Close = quotes[i].Close });
                var split = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new PriceNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """));

    [Fact]
    public Task Window_before_the_index_of_quotes_ordered_newest_first_is_reported() => Expect(Program("""
        public static class Desk
        {
            public static void Main()
            {
                var quotes = Quotes.Load("quotes.csv").OrderByDescending(q => q.Day).ToList();
                var days = new List<PriceDay>();
                for (int i = 5; i < quotes.Count; i++)
                    days.Add(new PriceDay { Day = quotes[i].Day, Volume = quotes[i].Volume, CloseLag1 = {|#0:quotes.GetRange(i - 5, 5)|}.Average(q => q.Close), Close = quotes[i].Close });
                var split = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new PriceNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """), "MLDSL0017");

    // ---- sales weeks: a with expression over rows held newest first ----

    [Fact]
    public Task Next_index_of_weeks_held_newest_first_read_in_a_with_is_silent() => Expect(Program("""
        public static class Sales
        {
            public static void Main()
            {
                var weeks = CsvFile.Read<StoreWeek>("weeks.csv").OrderByDescending(w => w.Week).ToList();
                var lagged = new List<StoreWeek>();
                for (int i = 0; i + 1 < weeks.Count; i++)
                    lagged.Add(weeks[i] with { SalesLag1 = weeks[i + 1].Sales });
                var split = lagged.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new StoreNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """));

    [Fact]
    public Task Previous_index_of_weeks_held_newest_first_read_in_a_with_is_reported() => Expect(Program("""
        public static class Sales
        {
            public static void Main()
            {
                var weeks = CsvFile.Read<StoreWeek>("weeks.csv").OrderByDescending(w => w.Week).ToList();
                var lagged = new List<StoreWeek>();
                for (int i = 1; i < weeks.Count; i++)
                    lagged.Add(weeks[i] with { SalesLag1 = {|#0:weeks[i - 1].Sales|} });
                var split = lagged.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new StoreNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """), "MLDSL0017");

    private static string Program(string types) => LeakageSources.AllUsings + types + TimeSeriesRows.Source;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
