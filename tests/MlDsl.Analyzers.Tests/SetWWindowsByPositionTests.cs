using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set W, kind 4 (MLDSL0027): index runs (<c>Enumerable.Range(a, n).Select(i =&gt; rows[i])</c>) and array windows
/// (<c>new ArraySegment&lt;T&gt;(rows, offset, count)</c>) are compared by position like <c>Take</c>/<c>Skip</c>; runs with a gap
/// and a window beside a range on either side of one cut stay silent.
/// The rows and models are set W's (<see cref="FreshLeakageCasesW"/>).
/// </summary>
public sealed class SetWWindowsByPositionTests
{
    [Fact]
    public Task Index_run_kept_in_a_local_that_reaches_past_the_cut_is_reported() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                RailDeparture[] rows = CsvFile.Read<RailDeparture>(path).OrderBy(r => r.Departure).ToArray();
                int cut = rows.Length - 500;
                int[] trainIndices = Enumerable.Range(0, cut + 100).ToArray();
                RailDeparture[] train = trainIndices.Select(i => rows[i]).ToArray();
                RailDeparture[] test = Enumerable.Range(cut, 500).Select(i => rows[i]).ToArray();
                using var net = new RailNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Index_runs_with_a_gap_between_them_stay_silent() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                RailDeparture[] rows = CsvFile.Read<RailDeparture>(path).OrderBy(r => r.Departure).ToArray();
                int cut = rows.Length - 500;
                RailDeparture[] train = Enumerable.Range(0, cut - 48).Select(i => rows[i]).ToArray();
                RailDeparture[] test = Enumerable.Range(cut, 500).Select(i => rows[i]).ToArray();
                using var net = new RailNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Array_segment_over_every_hour_beside_a_later_window_is_reported() => Expect(Program("""
        public static class ParkingStudy
        {
            public static void Run(string path)
            {
                ParkingHour[] hours = CsvFile.Read<ParkingHour>(path).OrderBy(h => h.Hour).ToArray();
                var train = new ArraySegment<ParkingHour>(hours);
                var test = new ArraySegment<ParkingHour>(hours, hours.Length - 24 * 7, 24 * 7);
                using var net = new ParkingNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Array_segment_and_a_range_on_either_side_of_one_cut_stay_silent() => Expect(Program("""
        public static class ParkingStudy
        {
            public static void Run(string path)
            {
                ParkingHour[] hours = CsvFile.Read<ParkingHour>(path).OrderBy(h => h.Hour).ToArray();
                int cut = hours.Length - 24 * 7;
                var train = new ArraySegment<ParkingHour>(hours, 0, cut);
                ParkingHour[] test = hours[cut..];
                using var net = new ParkingNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    private static string Program(string types) => FreshLeakageCasesW.Program(types);

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
