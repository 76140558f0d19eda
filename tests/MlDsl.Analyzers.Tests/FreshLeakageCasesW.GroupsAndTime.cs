namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set W, group and time leakage (MLDSL0019): a pipeline's random [Split] over cells of the same fires, parking hours dealt
/// by a hand-written Fisher–Yates shuffle in a generic DataPrep helper then cut, a stratified split of trial participants
/// whose options a constructor keeps in a property, shuffled k-fold over time-ordered departures, each vineyard's batches
/// cut 80/20 with <c>GroupBy(...).SelectMany(...)</c> so every vineyard sits on both sides (Kapoor and Narayanan's
/// "non-independence between train and test"); beside a time [Split] on a pipeline, fire ids shuffled by Fisher–Yates and
/// their cells taken through a hash set, the same constructor keeping grouped options, time-series folds with a gap, and
/// whole vineyards dealt to one side.
/// </summary>
public sealed partial class FreshLeakageCasesW
{
    [Fact]
    public Task Random_pipeline_split_of_cells_from_the_same_fires_is_reported() => Expect(Program("""
        [Pipeline(typeof(SpreadNet), ClassNames = new[] { "unburned", "burned" })]
        [{|#0:Split(Kind = SplitKind.Random, Test = 0.2, Seed = 5)|}]
        [Train(Epochs = 40, EarlyStoppingPatience = 4)]
        public sealed partial class SpreadPipeline
        {
            [Ingest] private static IReadOnlyList<FireCell> Load() => CsvFile.Read<FireCell>("cells.csv");
        }
        """), "MLDSL0019");

    [Fact]
    public Task Time_pipeline_split_of_rail_departures_stays_silent() => Expect(Program("""
        [Pipeline(typeof(RailNet))]
        [Split(Kind = SplitKind.ByTime, Test = 0.2)]
        [Train(Epochs = 40, EarlyStoppingPatience = 4)]
        public sealed partial class DelayPipeline
        {
            [Ingest] private static IReadOnlyList<RailDeparture> Load() => CsvFile.Read<RailDeparture>("departures.csv");
        }
        """));

    [Fact]
    public Task Parking_hours_dealt_by_a_hand_written_fisher_yates_shuffle_then_cut_are_reported() => Expect(Program("""
        public static class DataPrep
        {
            public static void Shuffle<T>(T[] items, Random random)
            {
                for (int i = items.Length - 1; i > 0; i--)
                {
                    int j = random.Next(i + 1);
                    (items[i], items[j]) = (items[j], items[i]);
                }
            }
        }

        public static class ParkingStudy
        {
            public static void Run(string path)
            {
                ParkingHour[] hours = CsvFile.Read<ParkingHour>(path).ToArray();
                {|#0:DataPrep.Shuffle(hours, new Random(42))|};
                int cut = hours.Length * 4 / 5;
                using var net = new ParkingNet(seed: 1);
                net.Fit(hours[..cut]);
                Console.WriteLine(net.Evaluate(hours[cut..]).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Fire_ids_dealt_by_a_hand_written_fisher_yates_shuffle_and_their_cells_taken_through_a_hash_set_stay_silent() => Expect(Program("""
        public static class DataPrep
        {
            public static void Shuffle<T>(T[] items, Random random)
            {
                for (int i = items.Length - 1; i > 0; i--)
                {
                    int j = random.Next(i + 1);
                    (items[i], items[j]) = (items[j], items[i]);
                }
            }
        }

        public static class SpreadStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<FireCell> cells = CsvFile.Read<FireCell>(path);
                string[] fires = cells.Select(c => c.Fire).Distinct().ToArray();
                DataPrep.Shuffle(fires, new Random(42));
                var testFires = new HashSet<string>(fires.Take(fires.Length / 5));
                List<FireCell> train = cells.Where(c => !testFires.Contains(c.Fire)).ToList();
                List<FireCell> test = cells.Where(c => testFires.Contains(c.Fire)).ToList();
                using var net = new SpreadNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Stratified_options_kept_by_a_constructor_in_a_property_over_trial_sites_are_reported() => Expect(Program("""
        public sealed class DropoutStudy
        {
            private SplitOptions Holdout { get; }

            public DropoutStudy() => Holdout = new SplitOptions { Kind = SplitKind.Stratified, Test = 0.25 };

            public double Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Participant>(path).Split({|#0:Holdout|});
                using var net = new DropoutNet(seed: 1);
                net.Fit(train, validation);
                return net.Evaluate(test).Accuracy;
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Grouped_options_kept_by_a_constructor_in_a_property_over_trial_sites_stay_silent() => Expect(Program("""
        public sealed class DropoutStudy
        {
            private SplitOptions Holdout { get; }

            public DropoutStudy() => Holdout = new SplitOptions { Kind = SplitKind.Grouped, Test = 0.25 };

            public double Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Participant>(path).Split(Holdout);
                using var net = new DropoutNet(seed: 1);
                net.Fit(train, validation);
                return net.Evaluate(test).Accuracy;
            }
        }
        """));

    [Fact]
    public Task Shuffled_k_fold_over_time_ordered_departures_is_reported() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                List<RailDeparture> departures = CsvFile.Read<RailDeparture>(path).OrderBy(d => d.Departure).ToList();
                var errors = new List<double>();
                foreach (Fold fold in Folds.Of(departures, {|#0:new FoldOptions { Folds = 5, Shuffle = true, Seed = 3 }|}))
                {
                    using var net = new RailNet(seed: 1);
                    net.Fit(fold.Train.Select(i => departures[i]).ToList());
                    errors.Add(net.Evaluate(fold.Validation.Select(i => departures[i]).ToList()).MeanAbsoluteError);
                }
                Console.WriteLine($"MAE {errors.Average():F1} min");
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Time_series_folds_with_a_gap_over_time_ordered_departures_stay_silent() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                List<RailDeparture> departures = CsvFile.Read<RailDeparture>(path).OrderBy(d => d.Departure).ToList();
                var errors = new List<double>();
                foreach (Fold fold in Folds.Of(departures, new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 5, Gap = 48 }))
                {
                    using var net = new RailNet(seed: 1);
                    net.Fit(fold.Train.Select(i => departures[i]).ToList());
                    errors.Add(net.Evaluate(fold.Validation.Select(i => departures[i]).ToList()).MeanAbsoluteError);
                }
                Console.WriteLine($"MAE {errors.Average():F1} min");
            }
        }
        """));

    [Fact]
    public Task Each_vineyards_batches_cut_eighty_twenty_with_group_by_then_select_many_are_reported() => Expect(Program("""
        public static class WineStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<Fermentation> batches = CsvFile.Read<Fermentation>(path);
                List<Fermentation> train = {|#0:batches.GroupBy(b => b.Vineyard).SelectMany(g => g.Take(g.Count() * 4 / 5))|}.ToList();
                List<Fermentation> test = batches.GroupBy(b => b.Vineyard).SelectMany(g => g.Skip(g.Count() * 4 / 5)).ToList();
                using var net = new WineNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Whole_vineyards_dealt_to_one_side_with_group_by_then_select_many_stay_silent() => Expect(Program("""
        public static class WineStudy
        {
            public static void Run(string path)
            {
                IGrouping<string, Fermentation>[] vineyards = CsvFile.Read<Fermentation>(path).GroupBy(b => b.Vineyard).ToArray();
                int cut = vineyards.Length * 4 / 5;
                List<Fermentation> train = vineyards.Take(cut).SelectMany(g => g).ToList();
                List<Fermentation> test = vineyards.Skip(cut).SelectMany(g => g).ToList();
                using var net = new WineNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));
}
