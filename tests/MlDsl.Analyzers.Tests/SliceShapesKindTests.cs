using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Hand-written splits by time and position in shapes the slice comparison did not see (leakage issue #15, set R), each beside
/// its fix and look-alikes that stay silent: the two parts made inside one deconstructed tuple (MLDSL0019 on the ordering when
/// the newest rows train; MLDSL0027 on the rows passed to Evaluate when the parts share rows); position filters whose bounds
/// are the same cut moved by a constant; rows added one at a time by counting loops; two cut variables deconstructed from one
/// tuple; a sorted copy written in query syntax against the rows as read.
/// </summary>
public sealed class SliceShapesKindTests
{
    // ---- kind 1: parts built inside one deconstructed tuple are the locals they land in ----

    [Fact]
    public Task Newest_hours_first_with_the_front_trained_through_a_deconstructed_tuple_are_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var newestFirst = {|#0:CsvFile.Read<MeterHour>("meter.csv").OrderByDescending(h => h.At)|}.ToList();
                int cut = newestFirst.Count * 4 / 5;
                var (train, test) = (newestFirst.Take(cut).ToList(), newestFirst.Skip(cut).ToList());
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Oldest_hours_first_with_the_front_trained_through_a_deconstructed_tuple_are_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var oldestFirst = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int cut = oldestFirst.Count * 4 / 5;
                var (train, test) = (oldestFirst.Take(cut).ToList(), oldestFirst.Skip(cut).ToList());
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // Newest first, but the tuple puts the front (the latest hours) in the test part: training is on the past.
    [Fact]
    public Task Newest_hours_first_with_the_front_held_out_through_a_deconstructed_tuple_are_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var newestFirst = CsvFile.Read<MeterHour>("meter.csv").OrderByDescending(h => h.At).ToList();
                int week = 24 * 7;
                var (test, train) = (newestFirst.Take(week).ToList(), newestFirst.Skip(week).ToList());
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Newest_days_first_deconstructed_into_declared_locals_with_the_front_trained_are_reported() => Expect(Program("""
        public static class Desk
        {
            public static void Main(string[] args)
            {
                var newestFirst = {|#0:CsvFile.Read<PriceDay>("prices.csv").OrderByDescending(d => d.Day)|}.ToArray();
                List<PriceDay> train, test;
                (train, test) = (newestFirst[..200].ToList(), newestFirst[200..].ToList());
                using var net = new PriceNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Overlapping_slices_made_inside_one_deconstructed_tuple_are_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int cut = hours.Count - 24 * 28;
                var (train, test) = (hours.Take(cut + 24).ToList(), hours.Skip(cut).ToList());
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    // ---- kind 2: position filters at the same cut moved by a constant ----

    [Fact]
    public Task Position_filters_that_both_keep_the_row_at_the_cut_are_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int cut = hours.Count * 4 / 5;
                var train = hours.Where((h, i) => i <= cut).ToList();
                var test = hours.Where((h, i) => cut <= i).ToList();
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Position_filter_reaching_a_day_past_the_cut_against_skip_is_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int cut = hours.Count - 24 * 28;
                var train = hours.Where((h, i) => i < cut + 24).ToList();
                var test = hours.Skip(cut).ToList();
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    // A day left out between the parts (a gap against autocorrelation): disjoint.
    [Fact]
    public Task Position_filters_leaving_a_day_between_the_parts_are_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int cut = hours.Count - 24 * 28;
                var train = hours.Where((h, i) => i < cut).ToList();
                var test = hours.Where((h, i) => i >= cut + 24).ToList();
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // i > cut - 1 is i >= cut: the two sides of one cut.
    [Fact]
    public Task Position_filters_written_with_a_strict_bound_one_below_the_cut_are_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int cut = hours.Count * 4 / 5;
                var train = hours.Where((h, i) => i < cut).ToList();
                var test = hours.Where((h, i) => i > cut - 1).ToList();
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // ---- kind 3: rows added by counting loops are the run of positions the loop walks ----

    [Fact]
    public Task Counting_loops_that_both_add_the_hour_at_the_cut_are_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                MeterHour[] hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToArray();
                int cut = hours.Length * 4 / 5;
                var train = new List<MeterHour>();
                var test = new List<MeterHour>();
                for (int i = 0; i <= cut; i++) train.Add(hours[i]);
                for (int i = cut; i < hours.Length; i++)
                {
                    test.Add(hours[i]);
                }
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Counting_loops_on_either_side_of_the_cut_are_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                List<MeterHour> hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int cut = hours.Count * 4 / 5;
                var train = new List<MeterHour>();
                var test = new List<MeterHour>();
                for (int i = 0; i < cut; i++) train.Add(hours[i]);
                for (int i = cut; i < hours.Count; i += 1) test.Add(hours[i]);
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Counting_loop_against_a_skip_leaving_a_day_between_is_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                MeterHour[] hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToArray();
                int cut = hours.Length - 24 * 28;
                var train = new List<MeterHour>();
                for (int i = 0; i < cut - 24; i++) train.Add(hours[i]);
                var test = hours.Skip(cut).ToList();
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // Counting down from the last hour to a day before the cut: the test part reaches a day into the training part.
    [Fact]
    public Task Counting_down_loop_reaching_a_day_before_the_cut_is_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                MeterHour[] hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToArray();
                int cut = hours.Length - 24 * 28;
                var train = hours[..cut];
                var test = new List<MeterHour>();
                for (int i = hours.Length - 1; i >= cut - 24; i--) test.Add(hours[i]);
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Counting_down_loop_to_the_cut_is_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                MeterHour[] hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToArray();
                int cut = hours.Length - 24 * 28;
                var train = hours[..cut];
                var test = new List<MeterHour>();
                for (int i = hours.Length - 1; i >= cut; i--) test.Add(hours[i]);
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // A loop that may stop early adds some prefix of its run: not provably the row at the cut.
    [Fact]
    public Task Counting_loop_that_may_break_early_is_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                MeterHour[] hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToArray();
                int cut = hours.Length * 4 / 5;
                var train = new List<MeterHour>();
                var test = hours[cut..];
                for (int i = 0; i <= cut; i++)
                {
                    if (hours[i].Load < 0) break;
                    train.Add(hours[i]);
                }
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // ---- kind 4: cut variables deconstructed from one tuple are two locals assigned separately ----

    [Fact]
    public Task Cut_variables_from_one_tuple_at_eight_and_seven_tenths_are_reported() => Expect(Program("""
        public static class Clinic
        {
            public static void Main(string[] args)
            {
                var visits = CsvFile.Read<PatientVisit>("visits.csv").OrderBy(v => v.Date).ToList();
                var (trainEnd, testStart) = ((int)(visits.Count * 0.8), (int)(visits.Count * 0.7));
                var train = visits.Take(trainEnd).ToList();
                var test = visits.Skip(testStart).ToList();
                using var net = new VisitNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Cut_variables_assigned_from_one_tuple_after_their_declaration_are_reported() => Expect(Program("""
        public static class Clinic
        {
            public static void Main(string[] args)
            {
                var visits = CsvFile.Read<PatientVisit>("visits.csv").OrderBy(v => v.Date).ToList();
                int trainEnd, testStart;
                (trainEnd, testStart) = (visits.Count - 100, visits.Count - 150);
                var train = visits.Take(trainEnd).ToList();
                var test = visits.Skip(testStart).ToList();
                using var net = new VisitNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Cut_variables_from_one_tuple_at_one_cut_are_silent() => Expect(Program("""
        public static class Clinic
        {
            public static void Main(string[] args)
            {
                var visits = CsvFile.Read<PatientVisit>("visits.csv").OrderBy(v => v.Date).ToList();
                var (trainEnd, testStart) = (visits.Count * 4 / 5, visits.Count * 8 / 10);
                var train = visits.Take(trainEnd).ToList();
                var test = visits.Skip(testStart).ToList();
                using var net = new VisitNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Cut_variables_from_one_tuple_leaving_a_gap_are_silent() => Expect(Program("""
        public static class Clinic
        {
            public static void Main(string[] args)
            {
                var visits = CsvFile.Read<PatientVisit>("visits.csv").OrderBy(v => v.Date).ToList();
                (int trainEnd, int testStart) = (visits.Count * 7 / 10, visits.Count * 8 / 10);
                var train = visits.Take(trainEnd).ToList();
                var test = visits.Skip(testStart).ToList();
                using var net = new VisitNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // The test cut is changed after the tuple: which value each slice saw is not one value, so nothing is compared.
    [Fact]
    public Task Cut_variable_from_a_tuple_changed_afterwards_is_silent() => Expect(Program("""
        public static class Clinic
        {
            public static void Main(string[] args)
            {
                var visits = CsvFile.Read<PatientVisit>("visits.csv").OrderBy(v => v.Date).ToList();
                var (trainEnd, testStart) = (visits.Count * 9 / 10, visits.Count * 8 / 10);
                if (args.Length > 0) testStart = int.Parse(args[0]);
                var train = visits.Take(trainEnd).ToList();
                var test = visits.Skip(testStart).ToList();
                using var net = new VisitNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // ---- kind 5: orderby in query syntax is OrderBy ----

    [Fact]
    public Task Query_sorted_copy_cut_against_the_rows_as_read_is_reported() => Expect(Program("""
        public static class Desk
        {
            public static void Main(string[] args)
            {
                IReadOnlyList<PriceDay> days = CsvFile.Read<PriceDay>("prices.csv");
                int cut = days.Count * 4 / 5;
                var byDay = (from d in days orderby d.Day select d).ToList();
                var train = byDay.Take(cut).ToList();
                var test = days.Skip(cut).ToList();
                using var net = new PriceNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Query_sorted_on_both_sides_of_one_cut_is_silent() => Expect(Program("""
        public static class Desk
        {
            public static void Main(string[] args)
            {
                IReadOnlyList<PriceDay> days = CsvFile.Read<PriceDay>("prices.csv");
                int cut = days.Count * 4 / 5;
                var train = (from d in days orderby d.Day select d).Take(cut).ToList();
                var test = (from d in days orderby d.Day select d).Skip(cut).ToList();
                using var net = new PriceNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // The query's orderby and the method's OrderBy by the same key are one order.
    [Fact]
    public Task Query_sorted_against_a_method_sort_by_the_same_key_is_silent() => Expect(Program("""
        public static class Desk
        {
            public static void Main(string[] args)
            {
                IReadOnlyList<PriceDay> days = CsvFile.Read<PriceDay>("prices.csv");
                int cut = days.Count * 4 / 5;
                var train = (from d in days orderby d.Day select d).Take(cut).ToList();
                var test = days.OrderBy(x => x.Day).Skip(cut).ToList();
                using var net = new PriceNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // The last 30 days newest first in query syntax, against all but the last 20 oldest first: ten days in both.
    [Fact]
    public Task Query_sorted_descending_against_an_ascending_cut_sharing_days_is_reported() => Expect(Program("""
        public static class Desk
        {
            public static void Main(string[] args)
            {
                IReadOnlyList<PriceDay> days = CsvFile.Read<PriceDay>("prices.csv");
                var train = days.OrderBy(d => d.Day).SkipLast(20).ToList();
                var test = (from d in days orderby d.Day descending select d).Take(30).ToList();
                using var net = new PriceNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    private static string Program(string types) => LeakageSources.AllUsings + types + TimeSeriesRows.Source;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
