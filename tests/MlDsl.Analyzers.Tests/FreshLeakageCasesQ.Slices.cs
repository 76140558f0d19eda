namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Kind B of set Q: slices of one list of sensor readings (MLDSL0027 "model scored on rows it trained on", reported
/// on the Evaluate call). Cuts that overlap in ways the same-cut pattern does not show (two cut variables, a sorted copy
/// cut at the original's cut, a holdout taken from the training part, ^ indices one day apart, interleaved position
/// filters, a refit on training and test), beside complementary cuts written in mixed forms that must stay silent.
/// </summary>
public sealed partial class FreshLeakageCasesQ
{
    [Fact(Skip = "Kind fixed (two cut variables from one count are compared: SliceOverlapKindTests, kind 1); mark follows the rule page's convention: MLDSL0027 is reported on the rows passed to Evaluate ('test', analyzers/docs/rules/MLDSL0027.md), not on the Evaluate call; this program runs with the mark on 'test' in FreshLeakageCasesQ.SlicesAtTheRows.cs")]
    public Task Test_slice_starting_before_the_training_cut_is_reported() => Expect(Program("""
        public static class Bench
        {
            public static void Run(string path)
            {
                List<Reading> rows = CsvFile.Read<Reading>(path).OrderBy(r => r.At).ToList();
                int trainEnd = (int)(rows.Count * 0.8);
                int testStart = (int)(rows.Count * 0.7);
                List<Reading> train = rows.Take(trainEnd).ToList();
                List<Reading> test = rows.Skip(testStart).ToList();
                using var model = new ReadingNet(seed: 1);
                model.Fit(train);
                Console.WriteLine({|#0:model.Evaluate(test)|}.Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact(Skip = "Kind fixed (a slice records the order it cuts: SliceOverlapKindTests, kind 3); mark follows the rule page's convention: MLDSL0027 is reported on the rows passed to Evaluate ('test', analyzers/docs/rules/MLDSL0027.md), not on the Evaluate call; this program runs with the mark on 'test' in FreshLeakageCasesQ.SlicesAtTheRows.cs")]
    public Task Training_cut_of_a_sorted_copy_against_the_test_cut_of_the_file_order_is_reported() => Expect(Program("""
        public static class Bench
        {
            public static void Run(string path)
            {
                IReadOnlyList<Reading> rows = CsvFile.Read<Reading>(path);
                int cut = rows.Count * 4 / 5;
                List<Reading> byTime = rows.OrderBy(r => r.At).ToList();
                List<Reading> train = byTime.Take(cut).ToList();
                List<Reading> test = rows.Skip(cut).ToList();
                using var model = new ReadingNet(seed: 1);
                model.Fit(train);
                Console.WriteLine({|#0:model.Evaluate(test)|}.Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact(Skip = "Mark follows the rule page's convention: MLDSL0027 is reported on the rows passed to Evaluate ('holdout', analyzers/docs/rules/MLDSL0027.md), not on the Evaluate call; this program runs with the mark on 'holdout' in FreshLeakageCasesQ.SlicesAtTheRows.cs")]
    public Task Holdout_taken_from_the_end_of_the_training_part_is_reported() => Expect(Program("""
        public static class Bench
        {
            public static void Run(string path)
            {
                List<Reading> rows = CsvFile.Read<Reading>(path).OrderBy(r => r.At).ToList();
                int cut = rows.Count - 2000;
                List<Reading> train = rows.Take(cut).ToList();
                List<Reading> holdout = train.TakeLast(500).ToList();
                using var model = new ReadingNet(seed: 1);
                model.Fit(train);
                Console.WriteLine({|#0:model.Evaluate(holdout)|}.Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact(Skip = "Kind fixed (slices kept in variables named for their part are compared by position: SliceOverlapKindTests, kind 2); mark follows the rule page's convention: MLDSL0027 is reported on the rows passed to Evaluate ('test', analyzers/docs/rules/MLDSL0027.md), not on the Evaluate call; this program runs with the mark on 'test' in FreshLeakageCasesQ.SlicesAtTheRows.cs")]
    public Task Hat_index_slices_that_share_the_last_day_are_reported() => Expect(Program("""
        public static class Bench
        {
            public static void Run(string path)
            {
                Reading[] rows = CsvFile.Read<Reading>(path).OrderBy(r => r.At).ToArray();
                int week = 7 * 24;
                Reading[] train = rows[..^week];
                Reading[] test = rows[^(week + 24)..];
                using var model = new ReadingNet(seed: 1);
                model.Fit(train);
                Console.WriteLine({|#0:model.Evaluate(test)|}.Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact(Skip = "Kind fixed (filters on the position modulo a number are compared: SliceOverlapKindTests, kind 4); mark follows the rule page's convention: MLDSL0027 is reported on the rows passed to Evaluate ('test', analyzers/docs/rules/MLDSL0027.md), not on the Evaluate call; this program runs with the mark on 'test' in FreshLeakageCasesQ.SlicesAtTheRows.cs")]
    public Task Interleaved_position_filters_that_share_every_tenth_reading_are_reported() => Expect(Program("""
        public static class Bench
        {
            public static void Run(string path)
            {
                List<Reading> rows = CsvFile.Read<Reading>(path).OrderBy(r => r.At).ToList();
                List<Reading> train = {|#1:rows.Where((r, i) => i % 5 != 0)|}.ToList();
                List<Reading> test = rows.Where((r, i) => i % 2 == 0).ToList();
                using var model = new ReadingNet(seed: 1);
                model.Fit(train);
                Console.WriteLine({|#0:model.Evaluate(test)|}.Accuracy);
            }
        }
        """), "MLDSL0027", "MLDSL0019");

    [Fact(Skip = "Mark follows the rule page's convention: MLDSL0027 is reported on the rows passed to Evaluate ('test', analyzers/docs/rules/MLDSL0027.md), not on the Evaluate call; this program runs with the mark on 'test' in FreshLeakageCasesQ.SlicesAtTheRows.cs")]
    public Task Refit_on_training_and_test_slices_then_scored_on_the_test_slice_is_reported() => Expect(Program("""
        public static class Bench
        {
            public static void Run(string path)
            {
                List<Reading> rows = CsvFile.Read<Reading>(path).OrderBy(r => r.At).ToList();
                int cut = rows.Count * 4 / 5;
                List<Reading> train = rows.GetRange(0, cut);
                List<Reading> test = rows.GetRange(cut, rows.Count - cut);
                List<Reading> everything = train.Concat(test).ToList();
                using var model = new ReadingNet(seed: 1);
                model.Fit(everything);
                Console.WriteLine({|#0:model.Evaluate(test)|}.Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact(Skip = "Kind fixed (slices kept in variables named for their part are compared by position: SliceOverlapKindTests, kind 2); mark follows the rule page's convention: MLDSL0027 is reported on the rows passed to Evaluate ('test', analyzers/docs/rules/MLDSL0027.md), not on the Evaluate call; this program runs with the mark on 'test' in FreshLeakageCasesQ.SlicesAtTheRows.cs")]
    public Task Skip_last_week_against_take_last_week_and_a_day_is_reported() => Expect(Program("""
        public static class Bench
        {
            public static void Run(string path)
            {
                List<Reading> rows = CsvFile.Read<Reading>(path).OrderBy(r => r.At).ToList();
                int week = 7 * 24;
                List<Reading> train = rows.SkipLast(week).ToList();
                List<Reading> test = rows.TakeLast(week + 24).ToList();
                using var model = new ReadingNet(seed: 1);
                model.Fit(train);
                Console.WriteLine({|#0:model.Evaluate(test)|}.Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Take_all_but_the_last_year_against_take_last_year_stays_silent() => Expect(Program("""
        public static class Bench
        {
            public static void Run(string path)
            {
                List<Reading> rows = CsvFile.Read<Reading>(path).OrderBy(r => r.At).ToList();
                int year = 365 * 24;
                List<Reading> train = rows.Take(rows.Count - year).ToList();
                List<Reading> test = rows.TakeLast(year).ToList();
                using var model = new ReadingNet(seed: 1);
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Hat_index_slices_at_one_cut_stay_silent() => Expect(Program("""
        public static class Bench
        {
            public static void Run(string path)
            {
                Reading[] rows = CsvFile.Read<Reading>(path).OrderBy(r => r.At).ToArray();
                int week = 7 * 24;
                Reading[] train = rows[..^week];
                Reading[] test = rows[^week..];
                using var model = new ReadingNet(seed: 1);
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Train_validation_and_test_cut_by_skip_then_take_stay_silent() => Expect(Program("""
        public static class Bench
        {
            public static void Run(string path)
            {
                List<Reading> rows = CsvFile.Read<Reading>(path).OrderBy(r => r.At).ToList();
                int trainEnd = rows.Count * 7 / 10;
                int validationEnd = rows.Count * 85 / 100;
                List<Reading> train = rows.Take(trainEnd).ToList();
                List<Reading> validation = rows.Skip(trainEnd).Take(validationEnd - trainEnd).ToList();
                List<Reading> test = rows.Skip(validationEnd).ToList();
                using var model = new ReadingNet(seed: 1);
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Complementary_modulo_position_filters_share_no_rows_but_interleave_readings_in_time() => Expect(Program("""
        public static class Bench
        {
            public static void Run(string path)
            {
                List<Reading> rows = CsvFile.Read<Reading>(path).OrderBy(r => r.At).ToList();
                List<Reading> train = {|#0:rows.Where((r, i) => i % 5 != 0)|}.ToList();
                List<Reading> test = rows.Where((r, i) => i % 5 == 0).ToList();
                using var model = new ReadingNet(seed: 1);
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Walk_forward_windows_averaged_stay_silent() => Expect(Program("""
        public static class Bench
        {
            public static void Run(string path)
            {
                List<Reading> rows = CsvFile.Read<Reading>(path).OrderBy(r => r.At).ToList();
                int window = rows.Count / 5;
                var scores = new List<double>();
                for (int k = 1; k < 5; k++)
                {
                    List<Reading> train = rows.Take(k * window).ToList();
                    List<Reading> test = rows.Skip(k * window).Take(window).ToList();
                    using var model = new ReadingNet(seed: k);
                    model.Fit(train);
                    scores.Add(model.Evaluate(test).Accuracy);
                }
                Console.WriteLine(scores.Average());
            }
        }
        """));

    [Fact]
    public Task Get_range_against_a_list_range_from_one_cut_stays_silent() => Expect(Program("""
        public static class Bench
        {
            public static void Run(string path)
            {
                List<Reading> rows = CsvFile.Read<Reading>(path).OrderBy(r => r.At).ToList();
                int cut = rows.Count * 4 / 5;
                List<Reading> train = rows.GetRange(0, cut);
                List<Reading> test = rows[cut..];
                using var model = new ReadingNet(seed: 1);
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """));
}
