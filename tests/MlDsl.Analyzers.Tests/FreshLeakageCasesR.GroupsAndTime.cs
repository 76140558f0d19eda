namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set R, groups and time: a pipeline's stratified [Split] over dialysis patients, hours shuffled and cut, the newest hours
/// trained on through a deconstructed tuple, an array of sessions shuffled in place (MLDSL0019); hand-written slices that
/// share rows (MLDSL0027): a day of context added to the test part of a position filter, index loops off by one, two cut
/// variables from one tuple, a sorted copy in query syntax cut against the file order; beside the fixes: a grouped
/// [Split], farms shuffled and their seasons taken, complementary cuts in mixed forms and loops, and split options kept
/// in a static field with a target-typed new and copied with `with`.
/// </summary>
public sealed partial class FreshLeakageCasesR
{
    [Fact]
    public Task Stratified_pipeline_split_of_dialysis_sessions_is_reported() => Expect(Program("""
        [Pipeline(typeof(DialysisNet), ClassNames = new[] { "stable", "hypotension" })]
        [{|#0:Split(Kind = SplitKind.Stratified, Test = 0.2)|}]
        [Train(Epochs = 30, EarlyStoppingPatience = 5)]
        public sealed partial class HypotensionPipeline
        {
            [Ingest] private static IReadOnlyList<DialysisSession> Load() => CsvFile.Read<DialysisSession>("sessions.csv");
        }
        """), "MLDSL0019");

    [Fact]
    public Task Grouped_pipeline_split_of_dialysis_sessions_stays_silent() => Expect(Program("""
        [Pipeline(typeof(DialysisNet), ClassNames = new[] { "stable", "hypotension" })]
        [Split(Kind = SplitKind.Grouped, Test = 0.2)]
        [Train(Epochs = 30, EarlyStoppingPatience = 5)]
        public sealed partial class HypotensionPipeline
        {
            [Ingest] private static IReadOnlyList<DialysisSession> Load() => CsvFile.Read<DialysisSession>("sessions.csv");
        }
        """));

    [Fact]
    public Task Bike_hours_shuffled_then_cut_by_ranges_are_reported() => Expect(Program("""
        public static class DemandStudy
        {
            public static void Run(string path)
            {
                BikeHour[] hours = CsvFile.Read<BikeHour>(path).ToArray();
                var random = new Random(7);
                BikeHour[] shuffled = {|#0:hours.OrderBy(_ => random.Next())|}.ToArray();
                int cut = shuffled.Length * 4 / 5;
                BikeHour[] train = shuffled[..cut], test = shuffled[cut..];
                using var model = new BikeNet(seed: 1);
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Farms_shuffled_then_their_seasons_taken_in_query_syntax_stay_silent() => Expect(Program("""
        public static class YieldStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<FieldSeason> fields = CsvFile.Read<FieldSeason>(path);
                var random = new Random(7);
                int[] farms = fields.Select(f => f.Farm).Distinct().OrderBy(_ => random.Next()).ToArray();
                HashSet<int> trainFarms = farms[..(farms.Length * 4 / 5)].ToHashSet();
                List<FieldSeason> train = (from f in fields where trainFarms.Contains(f.Farm) select f).ToList();
                List<FieldSeason> test = (from f in fields where !trainFarms.Contains(f.Farm) select f).ToList();
                using var model = new CropNet(seed: 1);
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Newest_hours_trained_on_through_a_deconstructed_tuple_are_reported() => Expect(Program("""
        public static class DemandStudy
        {
            public static void Run(string path)
            {
                List<BikeHour> newestFirst = {|#0:CsvFile.Read<BikeHour>(path).OrderByDescending(h => h.Hour)|}.ToList();
                int cut = newestFirst.Count * 4 / 5;
                var (train, test) = (newestFirst.Take(cut).ToList(), newestFirst.Skip(cut).ToList());
                using var model = new BikeNet(seed: 1);
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Dialysis_sessions_shuffled_in_place_then_cut_are_reported() => Expect(Program("""
        public static class HypotensionStudy
        {
            public static void Run(string path)
            {
                DialysisSession[] sessions = CsvFile.Read<DialysisSession>(path).ToArray();
                var random = new Random(3);
                {|#0:random.Shuffle(sessions)|};
                int cut = sessions.Length * 4 / 5;
                DialysisSession[] train = sessions[..cut];
                DialysisSession[] test = sessions[cut..];
                using var model = new DialysisNet(seed: 1);
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Position_filter_test_part_with_a_day_of_context_before_the_cut_is_reported() => Expect(Program("""
        public static class DemandStudy
        {
            public static void Run(string path)
            {
                List<BikeHour> hours = CsvFile.Read<BikeHour>(path).OrderBy(h => h.Hour).ToList();
                int cut = hours.Count - 24 * 28;
                List<BikeHour> train = hours.Where((h, i) => i < cut).ToList();
                List<BikeHour> test = hours.Where((h, i) => i >= cut - 24).ToList();
                using var model = new BikeNet(seed: 1);
                model.Fit(train);
                Console.WriteLine(model.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Position_filter_against_skip_at_one_cut_stays_silent() => Expect(Program("""
        public static class DemandStudy
        {
            public static void Run(string path)
            {
                List<BikeHour> hours = CsvFile.Read<BikeHour>(path).OrderBy(h => h.Hour).ToList();
                int cut = hours.Count - 24 * 28;
                List<BikeHour> train = hours.Where((h, i) => i < cut).ToList();
                List<BikeHour> test = hours.Skip(cut).ToList();
                using var model = new BikeNet(seed: 1);
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Index_loops_that_both_take_the_leg_at_the_cut_are_reported() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                FlightLeg[] legs = CsvFile.Read<FlightLeg>(path).OrderBy(l => l.Departure).ToArray();
                int cut = legs.Length * 9 / 10;
                var train = new List<FlightLeg>();
                var test = new List<FlightLeg>();
                for (int i = 0; i <= cut; i++) train.Add(legs[i]);
                for (int i = cut; i < legs.Length; i++) test.Add(legs[i]);
                using var model = new DelayNet(seed: 1);
                model.Fit(train);
                Console.WriteLine(model.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Index_loops_on_either_side_of_the_cut_stay_silent() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                FlightLeg[] legs = CsvFile.Read<FlightLeg>(path).OrderBy(l => l.Departure).ToArray();
                int cut = legs.Length * 9 / 10;
                var train = new List<FlightLeg>();
                var test = new List<FlightLeg>();
                for (int i = 0; i < cut; i++) train.Add(legs[i]);
                for (int i = cut; i < legs.Length; i++) test.Add(legs[i]);
                using var model = new DelayNet(seed: 1);
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Two_cut_variables_from_one_tuple_that_overlap_are_reported() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                List<FlightLeg> legs = CsvFile.Read<FlightLeg>(path).OrderBy(l => l.Departure).ToList();
                var (trainEnd, testStart) = (legs.Count * 9 / 10, legs.Count * 8 / 10);
                List<FlightLeg> train = legs.Take(trainEnd).ToList();
                List<FlightLeg> test = legs.Skip(testStart).ToList();
                using var model = new DelayNet(seed: 1);
                model.Fit(train);
                Console.WriteLine(model.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Sorted_copy_in_query_syntax_cut_against_the_file_order_is_reported() => Expect(Program("""
        public static class DemandStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<BikeHour> hours = CsvFile.Read<BikeHour>(path);
                int cut = hours.Count * 4 / 5;
                List<BikeHour> train = (from h in hours orderby h.Hour select h).Take(cut).ToList();
                List<BikeHour> test = hours.Skip(cut).ToList();
                using var model = new BikeNet(seed: 1);
                model.Fit(train);
                Console.WriteLine(model.Evaluate({|#0:test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Sorted_copy_cut_by_get_range_and_a_query_over_skip_stays_silent() => Expect(Program("""
        public static class DemandStudy
        {
            public static void Run(string path)
            {
                List<BikeHour> sorted = (from h in CsvFile.Read<BikeHour>(path) orderby h.Hour select h).ToList();
                int cut = sorted.Count * 4 / 5;
                List<BikeHour> train = sorted.GetRange(0, cut);
                List<BikeHour> test = (from h in sorted.Skip(cut) select h).ToList();
                using var model = new BikeNet(seed: 1);
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Time_split_options_in_a_static_field_copied_with_with_stay_silent() => Expect(Program("""
        public static class DelayStudy
        {
            private static readonly SplitOptions ByDeparture = new() { Kind = SplitKind.ByTime, Validation = 0.1 };

            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<FlightLeg>(path).Split(ByDeparture with { Test = 0.25 });
                using var model = new DelayNet(seed: 1);
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));
}
