using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Kinds of hand-written slices that overlap although the same-cut pattern does not show it (MLDSL0027, reported on the rows
/// passed to Evaluate), each beside its fix and look-alikes that stay silent: two cut variables computed from one count
/// (<c>(int)(n * 0.7)</c> before <c>(int)(n * 0.8)</c>); ^ offsets and SkipLast/TakeLast kept in variables named for their part;
/// a cut of a sorted copy against the same cut of another order; filters on the position modulo a number. Cuts whose order
/// cannot be decided (two counts, values read at run time, a fixed offset against a fraction) stay silent.
/// </summary>
public sealed class SliceOverlapKindTests
{
    // ---- kind 1: two cuts held in different variables, computed from one count ----

    // A tenth of the hours is in both: the test part starts at 0.7 of them, the training part ends at 0.8.
    [Fact]
    public Task Test_cut_at_seven_tenths_against_a_training_cut_at_eight_tenths_is_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int trainEnd = (int)(hours.Count * 0.8);
                int testStart = (int)(hours.Count * 0.7);
                var train = hours.Take(trainEnd).ToList();
                var test = hours.Skip(testStart).ToList();
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Test_cut_at_the_same_variable_as_the_training_cut_is_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int trainEnd = (int)(hours.Count * 0.8);
                var train = hours.Take(trainEnd).ToList();
                var test = hours.Skip(trainEnd).ToList();
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // A gap between the parts (the test part starts at 0.8, the training part ends at 0.7): disjoint.
    [Fact]
    public Task Test_cut_after_the_training_cut_leaving_a_gap_is_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int trainEnd = (int)(hours.Count * 0.7);
                int testStart = (int)(hours.Count * 0.8);
                var train = hours.Take(trainEnd).ToList();
                var test = hours.Skip(testStart).ToList();
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // Half the weeks against three fifths of them, written with integer division.
    [Fact]
    public Task Weeks_scored_from_half_way_after_training_on_three_fifths_are_reported() => Expect(Program("""
        public static class Sales
        {
            public static void Main(string[] args)
            {
                var weeks = CsvFile.Read<StoreWeek>("weeks.csv").OrderBy(w => w.Week).ToArray();
                int trainEnd = weeks.Length * 3 / 5;
                int testFrom = weeks.Length / 2;
                var train = weeks[..trainEnd];
                var test = weeks[testFrom..];
                using var net = new StoreNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    // A count held in a local: n - 50 and n - 100 are fifty visits apart.
    [Fact]
    public Task Visits_scored_from_a_hundred_before_the_end_after_training_up_to_fifty_before_it_are_reported() => Expect(Program("""
        public static class Clinic
        {
            public static void Main(string[] args)
            {
                var visits = CsvFile.Read<PatientVisit>("visits.csv").OrderBy(v => v.Date).ToList();
                int n = visits.Count;
                int trainEnd = n - 50;
                int testStart = n - 100;
                var train = visits.GetRange(0, trainEnd);
                var test = visits.GetRange(testStart, n - testStart);
                using var net = new VisitNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    // Count * 7 / 10 and Count * 6 / 10 as position filters.
    [Fact]
    public Task Days_filtered_by_position_at_six_and_seven_tenths_are_reported() => Expect(Program("""
        public static class Desk
        {
            public static void Main(string[] args)
            {
                var days = CsvFile.Read<PriceDay>("prices.csv").OrderBy(d => d.Day).ToList();
                int trainEnd = days.Count * 7 / 10;
                int testStart = days.Count * 6 / 10;
                var train = days.Where((d, i) => i < trainEnd).ToList();
                var test = days.Where((d, i) => i >= testStart).ToList();
                using var net = new PriceNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    // A rounded fraction against an integer one: three quarters of the visits against two thirds.
    [Fact]
    public Task Visits_trained_on_a_rounded_three_quarters_and_scored_from_two_thirds_are_reported() => Expect(Program("""
        public static class Clinic
        {
            public static void Main(string[] args)
            {
                var visits = CsvFile.Read<PatientVisit>("visits.csv").OrderBy(v => v.Date).ToArray();
                int trainEnd = (int)Math.Round(visits.Length * 0.75);
                int testStart = visits.Length * 2 / 3;
                var train = visits[..trainEnd];
                var test = visits.AsSpan(testStart).ToArray();
                using var net = new VisitNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    // Training on 0.8 of them, validating on the next tenth, testing on the last: three disjoint parts in mixed forms.
    [Fact]
    public Task Train_validation_and_test_cut_at_eight_and_nine_tenths_are_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int n = hours.Count;
                var train = hours.Take((int)(n * 0.8)).ToList();
                var validation = hours.Skip((int)(n * 0.8)).Take((int)(n * 0.1)).ToList();
                var test = hours.Skip((int)(n * 0.9)).ToList();
                using var net = new MeterNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // Cuts of two different counts cannot be ordered: left undecided, silent.
    [Fact]
    public Task Cuts_computed_from_two_different_counts_are_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                var calendar = File.ReadAllLines("calendar.csv");
                int trainEnd = (int)(hours.Count * 0.8);
                int testStart = (int)(calendar.Length * 0.7);
                var train = hours.Take(trainEnd).ToList();
                var test = hours.Skip(testStart).ToList();
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // Cuts read from the command line are unknown: silent.
    [Fact]
    public Task Cuts_read_from_the_arguments_are_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int trainEnd = int.Parse(args[0]);
                int testStart = int.Parse(args[1]);
                var train = hours.Take(trainEnd).ToList();
                var test = hours.Skip(testStart).ToList();
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // n - 100 against 0.8 n: which comes first depends on how many rows there are; undecided, silent.
    [Fact]
    public Task Cut_a_fixed_number_before_the_end_against_a_fraction_is_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int trainEnd = (int)(hours.Count * 0.8);
                int testStart = hours.Count - 100;
                var train = hours.Take(trainEnd).ToList();
                var test = hours.Skip(testStart).ToList();
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // ---- kind 2: ^ offsets and SkipLast/TakeLast kept in variables named for their part ----

    // Bug found by debugging: a slice kept in a local named for its part (train, test) took that part as a further segment, so
    // two slices were never compared by position once named. The name now marks the slice without narrowing it.
    [Fact]
    public Task Days_kept_by_skip_last_week_and_scored_by_take_last_week_and_a_day_are_reported() => Expect(Program("""
        public static class Desk
        {
            public static void Main(string[] args)
            {
                var days = CsvFile.Read<PriceDay>("prices.csv").OrderBy(d => d.Day).ToList();
                int week = 7;
                var train = days.SkipLast(week).ToList();
                var test = days.TakeLast(week + 1).ToList();
                using var net = new PriceNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Days_kept_by_skip_last_and_scored_by_take_last_of_one_count_are_silent() => Expect(Program("""
        public static class Desk
        {
            public static void Main(string[] args)
            {
                var days = CsvFile.Read<PriceDay>("prices.csv").OrderBy(d => d.Day).ToList();
                int week = 7;
                var train = days.SkipLast(week).ToList();
                var test = days.TakeLast(week).ToList();
                using var net = new PriceNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Hours_cut_by_hat_ranges_a_day_apart_are_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToArray();
                int week = 7 * 24;
                MeterHour[] train = hours[..^week];
                MeterHour[] test = hours[^(week + 24)..];
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Hours_cut_by_hat_ranges_at_one_offset_are_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToArray();
                int week = 7 * 24;
                MeterHour[] train = hours[..^week];
                MeterHour[] test = hours[^week..];
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // The same slice kept under two names is the same rows.
    [Fact]
    public Task Hours_taken_twice_into_train_and_test_variables_are_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                var train = hours.Take(5000).ToList();
                var test = hours.Take(5000).ToList();
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    // The parts of a split of one slice are the split's parts, not the slice named twice.
    [Fact]
    public Task Parts_of_a_split_of_the_first_hours_are_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                var (train, validation, test) = hours.Take(5000).ToList().Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new MeterNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // ---- kind 3: a cut of a sorted copy against the same cut of another order ----

    // The first four fifths by time are spread over the whole file: the file's last fifth holds some of them.
    [Fact]
    public Task Visits_trained_on_a_cut_by_date_and_scored_on_the_same_cut_of_the_file_order_are_reported() => Expect(Program("""
        public static class Clinic
        {
            public static void Main(string[] args)
            {
                IReadOnlyList<PatientVisit> visits = CsvFile.Read<PatientVisit>("visits.csv");
                int cut = visits.Count * 4 / 5;
                var byDate = visits.OrderBy(v => v.Date).ToList();
                var train = byDate.Take(cut).ToList();
                var test = visits.Skip(cut).ToList();
                using var net = new VisitNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Visits_trained_and_scored_on_the_two_sides_of_one_cut_by_date_are_silent() => Expect(Program("""
        public static class Clinic
        {
            public static void Main(string[] args)
            {
                IReadOnlyList<PatientVisit> visits = CsvFile.Read<PatientVisit>("visits.csv");
                int cut = visits.Count * 4 / 5;
                var byDate = visits.OrderBy(v => v.Date).ToList();
                var train = byDate.Take(cut).ToList();
                var test = byDate.Skip(cut).ToList();
                using var net = new VisitNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // Two copies of one sort hold the rows in one order.
    [Fact]
    public Task Visits_cut_from_two_copies_of_one_sort_are_silent() => Expect(Program("""
        public static class Clinic
        {
            public static void Main(string[] args)
            {
                IReadOnlyList<PatientVisit> visits = CsvFile.Read<PatientVisit>("visits.csv");
                var byDate = visits.OrderBy(v => v.Date).ToList();
                PatientVisit[] copy = byDate.ToArray();
                int cut = byDate.Count * 4 / 5;
                var train = byDate.Take(cut).ToList();
                var test = copy[cut..];
                using var net = new VisitNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // Sorting rows already sorted by the same key keeps their order.
    [Fact]
    public Task Hours_sorted_again_by_the_same_key_and_cut_against_the_sorted_rows_are_silent() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                int cut = hours.Count * 4 / 5;
                var again = hours.OrderBy(x => x.At).ToList();
                var train = again.Take(cut).ToList();
                var test = hours.Skip(cut).ToList();
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // The newest weeks first: the first weeks of the descending order are the last of the ascending one.
    [Fact]
    public Task Weeks_taken_newest_first_against_the_training_weeks_oldest_first_are_silent() => Expect(Program("""
        public static class Sales
        {
            public static void Main(string[] args)
            {
                var weeks = CsvFile.Read<StoreWeek>("weeks.csv").ToList();
                var oldestFirst = weeks.OrderBy(w => w.Week).ToList();
                int recent = 26;
                var train = oldestFirst.Take(weeks.Count - recent).ToList();
                var test = weeks.OrderByDescending(w => w.Week).Take(recent).ToList();
                using var net = new StoreNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Weeks_taken_newest_first_reaching_into_the_training_weeks_are_reported() => Expect(Program("""
        public static class Sales
        {
            public static void Main(string[] args)
            {
                var weeks = CsvFile.Read<StoreWeek>("weeks.csv").ToList();
                var oldestFirst = weeks.OrderBy(w => w.Week).ToList();
                int recent = 26;
                var train = oldestFirst.Take(weeks.Count - recent).ToList();
                var test = weeks.OrderByDescending(w => w.Week).Take(recent + 4).ToList();
                using var net = new StoreNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    // ---- kind 4: filters on the position modulo a number ----

    // i % 5 != 0 and i % 2 == 0 both keep positions 2, 4, 6, 8, 12...; the interleaving in time is MLDSL0019's.
    [Fact]
    public Task Hours_kept_off_every_fifth_and_scored_on_every_second_are_reported() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                var train = {|#1:hours.Where((h, i) => i % 5 != 0)|}.ToList();
                var test = hours.Where((h, i) => i % 2 == 0).ToList();
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027", "MLDSL0019");

    [Fact]
    public Task Hours_kept_off_every_fifth_and_scored_on_every_fifth_share_none() => Expect(Program("""
        public static class Grid
        {
            public static void Main(string[] args)
            {
                var hours = CsvFile.Read<MeterHour>("meter.csv").OrderBy(h => h.At).ToList();
                var train = {|#0:hours.Where((h, i) => i % 5 != 0)|}.ToList();
                var test = hours.Where((h, i) => i % 5 == 0).ToList();
                using var net = new MeterNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    // Residues of a fold count held in a variable: i % k == 0 and i % k == 1 are different residues.
    [Fact]
    public Task Visits_on_two_residues_of_a_fold_count_share_none() => Expect(Program("""
        public static class Clinic
        {
            public static void Main(string[] args)
            {
                var visits = CsvFile.Read<PatientVisit>("visits.csv").OrderBy(v => v.Date).ToList();
                int k = int.Parse(args[0]);
                var train = {|#0:visits.Where((v, i) => i % k == 0)|}.ToList();
                var test = visits.Where((v, i) => i % k == 1).ToList();
                using var net = new VisitNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Visits_on_one_residue_of_a_fold_count_on_both_sides_are_reported() => Expect(Program("""
        public static class Clinic
        {
            public static void Main(string[] args)
            {
                var visits = CsvFile.Read<PatientVisit>("visits.csv").OrderBy(v => v.Date).ToList();
                int k = int.Parse(args[0]);
                var train = {|#1:visits.Where((v, i) => i % k != 1)|}.ToList();
                var test = visits.Where((v, i) => i % k == 0).ToList();
                using var net = new VisitNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027", "MLDSL0019");

    // Eight days in ten against the other two, written with < and >=.
    [Fact]
    public Task Days_split_by_the_last_digit_of_their_position_share_none() => Expect(Program("""
        public static class Desk
        {
            public static void Main(string[] args)
            {
                var days = CsvFile.Read<PriceDay>("prices.csv").OrderBy(d => d.Day).ToList();
                var train = {|#0:days.Where((d, i) => i % 10 < 8)|}.ToList();
                var test = days.Where((d, i) => i % 10 >= 8).ToList();
                using var net = new PriceNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Days_split_by_the_last_digit_with_one_digit_on_both_sides_are_reported() => Expect(Program("""
        public static class Desk
        {
            public static void Main(string[] args)
            {
                var days = CsvFile.Read<PriceDay>("prices.csv").OrderBy(d => d.Day).ToList();
                var train = {|#1:days.Where((d, i) => i % 10 < 8)|}.ToList();
                var test = days.Where((d, i) => i % 10 >= 7).ToList();
                using var net = new PriceNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027", "MLDSL0019");

    // A named modulus against a constant one cannot be compared: undecided, silent.
    [Fact]
    public Task Residues_of_a_variable_and_of_a_constant_modulus_are_silent() => Expect(Program("""
        public static class Clinic
        {
            public static void Main(string[] args)
            {
                var visits = CsvFile.Read<PatientVisit>("visits.csv").OrderBy(v => v.Date).ToList();
                int k = int.Parse(args[0]);
                var train = {|#0:visits.Where((v, i) => i % k != 0)|}.ToList();
                var test = visits.Where((v, i) => i % 3 == 0).ToList();
                using var net = new VisitNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    private static string Program(string types) => LeakageSources.AllUsings + types + TimeSeriesRows.Source;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
