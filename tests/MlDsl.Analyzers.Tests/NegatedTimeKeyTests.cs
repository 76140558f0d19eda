using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// An ordering whose key is a number that follows time (<c>r.At.Ticks</c>, <c>r.At.ToOADate()</c>) is an ordering by time,
/// and a negated one (<c>OrderBy(r =&gt; -r.At.Ticks)</c>, a common way to sort newest first) runs against it (MLDSL0017's
/// lag direction): newest first, row <c>i - 1</c> is the next hour and row <c>i + 1</c> the previous one.
/// </summary>
public sealed class NegatedTimeKeyTests
{
    [Fact]
    public Task Previous_index_of_readings_ordered_by_negated_ticks_is_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var raw = Readings.Load("meter.csv").OrderBy(r => -r.At.Ticks).ToList();
                var hours = new List<MeterHour>();
                for (int i = 1; i < raw.Count; i++)
                    hours.Add(new MeterHour { At = raw[i].At, Temperature = raw[i].Temperature, {|#0:LoadLag1 = raw[i - 1].Load|}, Load = raw[i].Load });
                var split = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new MeterNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """), "MLDSL0017");

    // The fix: ordered by negated ticks, reading i + 1 is the hour before.
    [Fact]
    public Task Next_index_of_readings_ordered_by_negated_ticks_is_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var raw = Readings.Load("meter.csv").OrderBy(r => -r.At.Ticks).ToList();
                var hours = new List<MeterHour>();
                for (int i = 0; i + 1 < raw.Count; i++)
                    hours.Add(new MeterHour { At = raw[i].At, Temperature = raw[i].Temperature, LoadLag1 = raw[i + 1].Load, Load = raw[i].Load });
                var split = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new MeterNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """));

    // Two minuses cancel, and OrderByDescending of a negated key is oldest first: reading i + 1 is the next hour.
    [Fact]
    public Task Next_index_of_readings_ordered_descending_by_negated_ticks_is_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var raw = Readings.Load("meter.csv").OrderByDescending(r => -r.At.Ticks).ToList();
                var hours = new List<MeterHour>();
                for (int i = 0; i + 1 < raw.Count; i++)
                    hours.Add(new MeterHour { At = raw[i].At, Temperature = raw[i].Temperature, {|#0:LoadLag1 = raw[i + 1].Load|}, Load = raw[i].Load });
                var split = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new MeterNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """), "MLDSL0017");

    // Ordered by a number that grows with time (OLE automation days): oldest first, reading i - 1 is the past.
    [Fact]
    public Task Previous_index_of_readings_ordered_by_their_ole_date_is_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var raw = Readings.Load("meter.csv").OrderBy(r => r.At.ToOADate()).ToList();
                var hours = new List<MeterHour>();
                for (int i = 1; i < raw.Count; i++)
                    hours.Add(new MeterHour { At = raw[i].At, Temperature = raw[i].Temperature, LoadLag1 = raw[i - 1].Load, Load = raw[i].Load });
                var split = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new MeterNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """));

    // Look-alike: negated temperature is no time; the order in time is unknown and read as running forward, as before.
    [Fact]
    public Task Next_index_of_readings_ordered_by_negated_temperature_is_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main()
            {
                var raw = Readings.Load("meter.csv").OrderBy(r => -r.Temperature).ToList();
                var hours = new List<MeterHour>();
                for (int i = 0; i + 1 < raw.Count; i++)
                    hours.Add(new MeterHour { At = raw[i].At, Temperature = raw[i].Temperature, {|#0:LoadLag1 = raw[i + 1].Load|}, Load = raw[i].Load });
                var split = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new MeterNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """), "MLDSL0017");

    private static string Program(string types) => LeakageSources.AllUsings + types + TimeSeriesRows.Source;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
