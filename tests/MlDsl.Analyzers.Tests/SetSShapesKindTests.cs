using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Kinds set S showed missed, each beside its fix and look-alikes that stay silent: a choice ranked in LINQ query syntax (or
/// an anonymous projection written out) by scores set beside each candidate with <c>let</c> (MLDSL0018); predictions made in
/// a lambda kept in a <c>Func</c> local or field and mapped over the rows the model was fitted on (MLDSL0028); time-ordered
/// rows cut into chunks and dealt into training and test by their place in each chunk (MLDSL0019).
/// </summary>
public sealed class SetSShapesKindTests
{
    // ---- kind 1: a cutoff ranked in query syntax by scores set beside it ----

    [Fact]
    public Task Cutoff_ranked_by_let_in_query_syntax_and_taken_with_max_by_on_test_is_reported() => Expect(Program("""
        public static class TheftStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Meter>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TheftNet(seed: 1);
                net.Fit(train, validation);
                float[][] p = net.PredictProbabilities({|#0:test|});
                float[] cutoffs = { 0.3f, 0.5f, 0.7f };
                float cutoff = (from c in cutoffs
                                let caught = test.Where((m, i) => p[i][1] >= c && m.Theft == 1).Count()
                                select new { c, caught }).MaxBy(x => x.caught)!.c;
                Console.WriteLine(cutoff);
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Cutoff_ranked_through_an_anonymous_projection_written_out_on_test_is_reported() => Expect(Program("""
        public static class TheftStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Meter>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TheftNet(seed: 1);
                net.Fit(train, validation);
                float[][] p = net.PredictProbabilities({|#0:test|});
                float[] cutoffs = { 0.3f, 0.5f, 0.7f };
                float cutoff = cutoffs.Select(c => new { c, caught = test.Where((m, i) => p[i][1] >= c && m.Theft == 1).Count() })
                    .OrderByDescending(x => x.caught).First().c;
                Console.WriteLine(cutoff);
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Cutoff_ranked_by_let_in_query_syntax_on_validation_stays_silent() => Expect(Program("""
        public static class TheftStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Meter>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TheftNet(seed: 1);
                net.Fit(train, validation);
                float[][] p = net.PredictProbabilities(validation);
                float[] cutoffs = { 0.3f, 0.5f, 0.7f };
                float cutoff = (from c in cutoffs
                                let caught = validation.Where((m, i) => p[i][1] >= c && m.Theft == 1).Count()
                                select new { c, caught }).MaxBy(x => x.caught)!.c;
                Console.WriteLine(net.Evaluate(test).Accuracy + cutoff);
            }
        }
        """));

    // Test meters ranked by their own predicted risk (an inspection list): rows ranked by predictions, no candidate chosen.
    [Fact]
    public Task Test_meters_ranked_by_their_predicted_risk_in_query_syntax_stay_silent() => Expect(Program("""
        public static class TheftStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Meter>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TheftNet(seed: 1);
                net.Fit(train, validation);
                float[][] p = net.PredictProbabilities(test);
                List<string> visit = (from i in Enumerable.Range(0, test.Count)
                                      let risk = p[i][1]
                                      orderby risk descending
                                      select test[i].Customer).Take(50).ToList();
                Console.WriteLine(string.Join(", ", visit));
            }
        }
        """));

    [Fact]
    public Task Test_meters_ranked_by_the_risk_beside_each_in_query_syntax_stay_silent() => Expect(Program("""
        public static class TheftStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Meter>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TheftNet(seed: 1);
                net.Fit(train, validation);
                float[][] p = net.PredictProbabilities(test);
                List<Meter> visit = (from pair in test.Zip(p)
                                     let risk = pair.Second[1]
                                     orderby risk descending
                                     select pair.First).Take(50).ToList();
                Console.WriteLine(visit.Count);
            }
        }
        """));

    // ---- kind 2: predictions made in a lambda kept in a Func and mapped over the training rows ----

    [Fact]
    public Task Score_in_a_func_local_mapped_over_the_rows_the_first_model_fitted_is_reported() => Expect(Program("""
        public static class ColonyStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Hive>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var first = new HiveNet(seed: 1);
                first.Fit(split.Train);
                Func<Hive, Hive> scored = h => h with { ForagerActivity = {|#0:first.Predict(h)|} };
                var stacked = split.Train.Select(scored).ToArray();
                using var second = new HiveNet(seed: 2);
                second.Fit(stacked);
                Console.WriteLine(second.Evaluate(split.Test.Select(scored).ToList()).Accuracy);
            }
        }
        """), "MLDSL0028");

    [Fact]
    public Task Score_in_a_func_local_mapped_over_rows_the_first_model_never_saw_stays_silent() => Expect(Program("""
        public static class ColonyStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Hive>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var first = new HiveNet(seed: 1);
                first.Fit(split.Train);
                Func<Hive, Hive> scored = h => h with { ForagerActivity = first.Predict(h) };
                List<Hive> stackedValidation = split.Validation.Select(scored).ToList();
                using var second = new HiveNet(seed: 2);
                second.Fit(stackedValidation);
                Console.WriteLine(second.Evaluate(split.Test.Select(scored).ToList()).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Score_lambda_given_to_a_helper_that_maps_it_over_the_training_rows_is_reported() => Expect(Program("""
        public static class ColonyStudy
        {
            private static List<Hive> Stacked(IEnumerable<Hive> hives, Func<Hive, Hive> score) => hives.Select(score).ToList();

            public static void Run(string path)
            {
                var split = CsvFile.Read<Hive>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var first = new HiveNet(seed: 1);
                first.Fit(split.Train);
                List<Hive> stacked = Stacked(split.Train, h => h with { ForagerActivity = {|#0:first.Predict(h)|} });
                using var second = new HiveNet(seed: 2);
                second.Fit(stacked);
                Console.WriteLine(second.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0028");

    [Fact]
    public Task Score_lambda_given_to_a_helper_that_maps_it_over_the_validation_rows_stays_silent() => Expect(Program("""
        public static class ColonyStudy
        {
            private static List<Hive> Stacked(IEnumerable<Hive> hives, Func<Hive, Hive> score) => hives.Select(score).ToList();

            public static void Run(string path)
            {
                var split = CsvFile.Read<Hive>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var first = new HiveNet(seed: 1);
                first.Fit(split.Train);
                List<Hive> stacked = Stacked(split.Validation, h => h with { ForagerActivity = first.Predict(h) });
                using var second = new HiveNet(seed: 2);
                second.Fit(stacked);
                Console.WriteLine(second.Evaluate(Stacked(split.Test, h => h with { ForagerActivity = first.Predict(h) })).Accuracy);
            }
        }
        """));

    // A Func that changes no feature with a prediction (a clip) mapped over the training rows is no stacking.
    [Fact]
    public Task Clip_in_a_func_local_mapped_over_the_training_rows_stays_silent() => Expect(Program("""
        public static class ColonyStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Hive>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                Func<Hive, Hive> clipped = h => h with { VarroaCount = Math.Min(h.VarroaCount, 50f) };
                using var net = new HiveNet(seed: 1);
                net.Fit(split.Train.Select(clipped).ToList(), split.Validation.Select(clipped).ToList());
                Console.WriteLine(net.Evaluate(split.Test.Select(clipped).ToList()).Accuracy);
            }
        }
        """));

    // ---- kind 3: time-ordered rows cut into chunks and dealt into parts by their place in each chunk ----

    [Fact]
    public Task Weeks_dealt_by_chunk_with_the_first_of_each_to_test_are_reported() => Expect(Program("""
        public static class StockStudy
        {
            public static void Run(string path)
            {
                var blocks = {|#0:CsvFile.Read<PharmacyWeek>(path).OrderBy(w => w.Week).Chunk(4)|};
                List<PharmacyWeek> test = blocks.Select(b => b.First()).ToList();
                List<PharmacyWeek> train = blocks.SelectMany(b => b.Skip(1)).ToList();
                using var net = new StockNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0019");

    // One week of every chunk kept for training (thinning); the test weeks are the last ones, cut in time.
    [Fact]
    public Task Weeks_thinned_by_chunk_for_training_only_stay_silent() => Expect(Program("""
        public static class StockStudy
        {
            public static void Run(string path)
            {
                List<PharmacyWeek> weeks = CsvFile.Read<PharmacyWeek>(path).OrderBy(w => w.Week).ToList();
                int cut = weeks.Count * 4 / 5;
                List<PharmacyWeek> train = weeks.Take(cut).Chunk(2).Select(b => b[0]).ToList();
                List<PharmacyWeek> test = weeks.Skip(cut).ToList();
                using var net = new StockNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Whole_chunks_with_the_last_ones_held_out_stay_silent() => Expect(Program("""
        public static class StockStudy
        {
            public static void Run(string path)
            {
                PharmacyWeek[][] months = CsvFile.Read<PharmacyWeek>(path).OrderBy(w => w.Week).Chunk(4).ToArray();
                List<PharmacyWeek> train = months[..^3].SelectMany(m => m).ToList();
                List<PharmacyWeek> test = months[^3..].SelectMany(m => m).ToList();
                using var net = new StockNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    private const string Rows = """

        [Dataset]
        public sealed partial record Meter
        {
            [Ignore] public string Customer { get; init; } = "";
            [Feature] public float MonthlyKwh { get; init; }
            [Feature] public float NightShare { get; init; }
            [Label(Classes = 2)] public int Theft { get; init; }
        }

        [Model(typeof(Meter))]
        public sealed partial class TheftNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Hive
        {
            [GroupKey] public string Apiary { get; init; } = "";
            [Feature] public float Weight { get; init; }
            [Feature] public float VarroaCount { get; init; }
            [Feature] public float ForagerActivity { get; init; }
            [Label(Classes = 2)] public int Collapsed { get; init; }
        }

        [Model(typeof(Hive))]
        public sealed partial class HiveNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record PharmacyWeek
        {
            [Timestamp] public DateTime Week { get; init; }
            [Feature] public float Dispensed { get; init; }
            [Feature] public float OnHand { get; init; }
            [Label(Classes = 2)] public int StockOut { get; init; }
        }

        [Model(typeof(PharmacyWeek))]
        public sealed partial class StockNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        """;

    private static string Program(string types) => LeakageSources.AllUsings + types + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
