namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set S, group and time leakage (MLDSL0019): hives shuffled and cut with array ranges (one apiary's hives on both sides,
/// Roberts et al.'s "same patient in train and test"), a wafer pipeline split stratified although wafers come in lots, the
/// newest weeks trained and the oldest tested, weeks dealt into parts in chunks of five, port calls split by options kept in
/// a static readonly field that sets no kind; beside apiaries shuffled before their hives are taken, a grouped pipeline,
/// the oldest weeks trained, whole quarters held out and options that split by time.
/// </summary>
public sealed partial class FreshLeakageCasesS
{
    [Fact]
    public Task Hives_shuffled_and_cut_with_array_ranges_are_reported() => Expect(Program("""
        public static class ColonyStudy
        {
            public static void Run(string path)
            {
                var rng = new Random(7);
                Hive[] shuffled = {|#0:CsvFile.Read<Hive>(path).OrderBy(_ => rng.Next())|}.ToArray();
                int cut = shuffled.Length * 4 / 5;
                Hive[] train = shuffled[..cut];
                Hive[] test = shuffled[cut..];
                using var net = new HiveNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Apiaries_shuffled_and_cut_before_their_hives_are_taken_stay_silent() => Expect(Program("""
        public static class ColonyStudy
        {
            public static void Run(string path)
            {
                var rng = new Random(7);
                IReadOnlyList<Hive> hives = CsvFile.Read<Hive>(path);
                string[] apiaries = hives.Select(h => h.Apiary).Distinct().OrderBy(_ => rng.Next()).ToArray();
                HashSet<string> held = apiaries[..(apiaries.Length / 5)].ToHashSet();
                List<Hive> train = hives.Where(h => !held.Contains(h.Apiary)).ToList();
                List<Hive> test = hives.Where(h => held.Contains(h.Apiary)).ToList();
                using var net = new HiveNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Wafer_pipeline_split_stratified_although_wafers_come_in_lots_is_reported() => Expect(Program("""
        [Pipeline(typeof(WaferNet), ClassNames = new[] { "scrap", "pass" })]
        [{|#0:Split(Kind = SplitKind.Stratified, Test = 0.2, Seed = 3)|}]
        [Train(Epochs = 30, LearningRate = 1e-3)]
        public sealed partial class WaferPipeline
        {
            [Ingest] private static IReadOnlyList<Wafer> Load() => CsvFile.Read<Wafer>("fab-lots.csv");
        }
        """), "MLDSL0019");

    [Fact]
    public Task Wafer_pipeline_split_by_lot_stays_silent() => Expect(Program("""
        [Pipeline(typeof(WaferNet), ClassNames = new[] { "scrap", "pass" })]
        [Split(Kind = SplitKind.Grouped, Test = 0.2, Seed = 3)]
        [Train(Epochs = 30, LearningRate = 1e-3)]
        public sealed partial class WaferPipeline
        {
            [Ingest] private static IReadOnlyList<Wafer> Load() => CsvFile.Read<Wafer>("fab-lots.csv");
        }
        """));

    [Fact]
    public Task Newest_weeks_trained_and_oldest_weeks_tested_are_reported() => Expect(Program("""
        public static class StockStudy
        {
            public static void Run(string path)
            {
                List<PharmacyWeek> weeks = {|#0:CsvFile.Read<PharmacyWeek>(path).OrderByDescending(w => w.Week)|}.ToList();
                int cut = weeks.Count * 4 / 5;
                List<PharmacyWeek> train = weeks.GetRange(0, cut);
                List<PharmacyWeek> test = weeks.GetRange(cut, weeks.Count - cut);
                using var net = new StockNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Oldest_weeks_trained_and_newest_weeks_tested_stay_silent() => Expect(Program("""
        public static class StockStudy
        {
            public static void Run(string path)
            {
                List<PharmacyWeek> weeks = CsvFile.Read<PharmacyWeek>(path).OrderBy(w => w.Week).ToList();
                int cut = weeks.Count * 4 / 5;
                List<PharmacyWeek> train = weeks.GetRange(0, cut);
                List<PharmacyWeek> test = weeks.GetRange(cut, weeks.Count - cut);
                using var net = new StockNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Weeks_dealt_into_parts_in_chunks_of_five_are_reported() => Expect(Program("""
        public static class StockStudy
        {
            public static void Run(string path)
            {
                PharmacyWeek[][] blocks = {|#0:CsvFile.Read<PharmacyWeek>(path).OrderBy(w => w.Week).Chunk(5)|}.ToArray();
                List<PharmacyWeek> train = blocks.SelectMany(b => b[..^1]).ToList();
                List<PharmacyWeek> test = blocks.Select(b => b[^1]).ToList();
                using var net = new StockNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Whole_quarters_chunked_in_time_order_with_the_last_held_out_stay_silent() => Expect(Program("""
        public static class StockStudy
        {
            public static void Run(string path)
            {
                PharmacyWeek[][] quarters = CsvFile.Read<PharmacyWeek>(path).OrderBy(w => w.Week).Chunk(13).ToArray();
                List<PharmacyWeek> train = quarters[..^1].SelectMany(q => q).ToList();
                PharmacyWeek[] test = quarters[^1];
                using var net = new StockNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Port_calls_split_by_options_in_a_static_readonly_field_without_a_kind_are_reported() => Expect(Program("""
        public static class PortStudy
        {
            private static readonly SplitOptions Holdout = new() { Validation = 0.1, Test = 0.25, Seed = 3 };

            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<VesselCall>(path).Split({|#0:Holdout|});
                using var net = new ArrivalNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Port_calls_split_by_time_with_options_in_a_static_readonly_field_stay_silent() => Expect(Program("""
        public static class PortStudy
        {
            private static readonly SplitOptions Holdout = new() { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.25, Seed = 3 };

            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<VesselCall>(path).Split(Holdout);
                using var net = new ArrivalNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));
}
