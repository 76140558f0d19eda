namespace MlDsl.Analyzers.Tests;

/// <summary>
/// The seven overlapping slices of kind B of set Q (<see cref="FreshLeakageCasesQ"/>, FreshLeakageCasesQ.Slices.cs), program for
/// program, with MLDSL0027 marked where its rule page says it is reported: on the rows passed to <c>Evaluate</c>
/// (<c>model.Evaluate({|#0:test|})</c>), as in every other MLDSL0027 case of sets A to P. The originals mark the whole
/// <c>Evaluate</c> call and stay skipped with that reason; these run the same programs.
/// </summary>
public sealed partial class FreshLeakageCasesQ
{
    [Fact]
    public Task Test_slice_starting_before_the_training_cut_is_reported_at_the_rows() => Expect(Program("""
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
                Console.WriteLine(model.Evaluate({|#0:test|}).Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Training_cut_of_a_sorted_copy_against_the_test_cut_of_the_file_order_is_reported_at_the_rows() => Expect(Program("""
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
                Console.WriteLine(model.Evaluate({|#0:test|}).Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Holdout_taken_from_the_end_of_the_training_part_is_reported_at_the_rows() => Expect(Program("""
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
                Console.WriteLine(model.Evaluate({|#0:holdout|}).Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Hat_index_slices_that_share_the_last_day_are_reported_at_the_rows() => Expect(Program("""
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
                Console.WriteLine(model.Evaluate({|#0:test|}).Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Interleaved_position_filters_that_share_every_tenth_reading_are_reported_at_the_rows() => Expect(Program("""
        public static class Bench
        {
            public static void Run(string path)
            {
                List<Reading> rows = CsvFile.Read<Reading>(path).OrderBy(r => r.At).ToList();
                List<Reading> train = {|#1:rows.Where((r, i) => i % 5 != 0)|}.ToList();
                List<Reading> test = rows.Where((r, i) => i % 2 == 0).ToList();
                using var model = new ReadingNet(seed: 1);
                model.Fit(train);
                Console.WriteLine(model.Evaluate({|#0:test|}).Accuracy);
            }
        }
        """), "MLDSL0027", "MLDSL0019");

    [Fact]
    public Task Refit_on_training_and_test_slices_then_scored_on_the_test_slice_is_reported_at_the_rows() => Expect(Program("""
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
                Console.WriteLine(model.Evaluate({|#0:test|}).Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Skip_last_week_against_take_last_week_and_a_day_is_reported_at_the_rows() => Expect(Program("""
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
                Console.WriteLine(model.Evaluate({|#0:test|}).Accuracy);
            }
        }
        """), "MLDSL0027");
}
