using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Splits written by hand judged against the rows' declared groups and time, sort direction included: rows placed in a
/// part one by one (by the remainder of their position, by a random draw) over rows with a [GroupKey] or a [Timestamp];
/// time-ordered rows cut so that the model is fitted on rows later than the rows it is tested on (newest first, an
/// ascending order reversed, or the oldest rows held out); and lag reads whose direction depends on the order the rows
/// are held in. Each beside its fix and look-alikes that must stay silent.
/// </summary>
public sealed class LeakageHandSplitsAgainstGroupsAndTimeTests
{
    // ---- rows placed one by one, by position or by chance ----

    [Fact]
    public Task Sessions_placed_by_a_random_draw_are_reported() => Expect(Program("""
        public static class Notebook
        {
            public static void Main()
            {
                var sessions = CsvFile.Read<Session>("sessions.csv");
                var random = new Random(4);
                var train = {|#0:sessions.Where(_ => random.NextDouble() < 0.8)|}.ToList();
                var test = sessions.Except(train).ToList();
                using var net = new SessionNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Weeks_held_out_every_fourth_by_position_are_reported() => Expect(Program("""
        public static class Notebook
        {
            public static void Main()
            {
                var weeks = CsvFile.Read<StoreWeek>("weeks.csv");
                var validation = {|#0:weeks.Where((w, i) => i % 4 == 3)|}.ToList();
                var train = weeks.Where((w, i) => i % 4 != 3).ToList();
                using var net = new StoreNet();
                net.Fit(train, validation);
            }
        }
        """), "MLDSL0019");

    // The fix: whole users placed by their key (a hash of the group key), so a user's sessions stay on one side.
    [Fact]
    public Task Sessions_placed_by_the_remainder_of_their_user_are_silent() => Expect(Program("""
        public static class Notebook
        {
            public static void Main()
            {
                var sessions = CsvFile.Read<Session>("sessions.csv");
                var test = sessions.Where((s, i) => s.User % 5 == 0).ToList();
                var train = sessions.Where((s, i) => s.User % 5 != 0).ToList();
                using var net = new SessionNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    // Look-alike: a series thinned to every tenth week before a proper split by time; no part is made by the filter.
    [Fact]
    public Task Weeks_thinned_by_position_before_a_time_split_are_silent() => Expect(Program("""
        public static class Notebook
        {
            public static void Main()
            {
                var weeks = CsvFile.Read<StoreWeek>("weeks.csv").Where((w, i) => i % 10 == 0).ToList();
                var split = weeks.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new StoreNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    // Look-alike: rows with neither groups nor time placed by position are a plain random-like split.
    [Fact]
    public Task Flowers_held_out_every_fifth_by_position_are_silent() => Expect(Program("""
        public static class Notebook
        {
            public static void Main()
            {
                var flowers = CsvFile.Read<Flower>("iris.csv");
                var test = flowers.Where((f, i) => i % 5 == 0).ToList();
                var train = flowers.Where((f, i) => i % 5 != 0).ToList();
                using var net = new FlowerNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    // ---- time-ordered rows cut against time ----

    [Fact]
    public Task Weeks_ordered_then_reversed_and_cut_are_reported() => Expect(Program("""
        public static class Notebook
        {
            public static void Main()
            {
                var weeks = {|#0:CsvFile.Read<StoreWeek>("weeks.csv").OrderBy(w => w.Week).Reverse()|}.ToArray();
                int cut = weeks.Length * 4 / 5;
                using var net = new StoreNet();
                net.Fit(weeks[..cut]);
                Console.WriteLine(net.Evaluate(weeks[cut..]).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Oldest_weeks_held_out_and_the_later_ones_trained_on_are_reported() => Expect(Program("""
        public static class Notebook
        {
            public static void Main()
            {
                var ordered = {|#0:CsvFile.Read<StoreWeek>("weeks.csv").OrderBy(w => w.Week)|}.ToList();
                var test = ordered.Take(52).ToList();
                var train = ordered.Skip(52).ToList();
                using var net = new StoreNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    // The fix: oldest first, the earlier part trained on and the later part held out.
    [Fact]
    public Task Weeks_ordered_oldest_first_and_cut_are_silent() => Expect(Program("""
        public static class Notebook
        {
            public static void Main()
            {
                var ordered = CsvFile.Read<StoreWeek>("weeks.csv").OrderBy(w => w.Week).ToList();
                int cut = ordered.Count * 4 / 5;
                var train = ordered.Take(cut).ToList();
                var test = ordered.Skip(cut).ToList();
                using var net = new StoreNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // Look-alike: newest first, the newest weeks held out and the rest trained on: a correct split by time.
    [Fact]
    public Task Newest_weeks_held_out_from_a_newest_first_order_are_silent() => Expect(Program("""
        public static class Notebook
        {
            public static void Main()
            {
                var newestFirst = CsvFile.Read<StoreWeek>("weeks.csv").OrderByDescending(w => w.Week).ToList();
                var test = newestFirst.Take(26).ToList();
                var train = newestFirst.Skip(26).ToList();
                using var net = new StoreNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // Look-alike: the latest year alone trained on (production retraining), nothing held out by the cut.
    [Fact]
    public Task Newest_weeks_trained_on_alone_are_silent() => Expect(Program("""
        public static class Notebook
        {
            public static void Main()
            {
                var recent = CsvFile.Read<StoreWeek>("weeks.csv").OrderByDescending(w => w.Week).Take(52).ToList();
                using var net = new StoreNet();
                net.Fit(recent);
                Console.WriteLine(recent.Count);
            }
        }
        """));

    // ---- lag reads and the order the rows are held in ----

    // Newest first, row i - 1 is the week after row i: a "lag" that reads the next week's sales. Reported on the feature's
    // assignment, as a read of a later row's label is in rows held oldest first.
    [Fact]
    public Task Previous_index_of_a_newest_first_export_read_as_a_lag_is_reported() => Expect(Program("""
        public static class Notebook
        {
            public static void Main()
            {
                var tills = Tills.Load("store.csv").OrderByDescending(t => t.Week).ToList();
                var weeks = new List<StoreWeek>();
                for (int i = 1; i < tills.Count; i++)
                    weeks.Add(new StoreWeek { Week = tills[i].Week, Promo = tills[i].Promo, {|#0:SalesLag1 = tills[i - 1].Sales|}, Sales = tills[i].Sales });
                var split = weeks.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new StoreNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """), "MLDSL0017");

    // Look-alike: oldest first, row i - 1 is the week before: a lag.
    [Fact]
    public Task Previous_index_of_an_oldest_first_export_read_as_a_lag_is_silent() => Expect(Program("""
        public static class Notebook
        {
            public static void Main()
            {
                var tills = Tills.Load("store.csv").OrderBy(t => t.Week).ToList();
                var weeks = new List<StoreWeek>();
                for (int i = 1; i < tills.Count; i++)
                    weeks.Add(new StoreWeek { Week = tills[i].Week, Promo = tills[i].Promo, SalesLag1 = tills[i - 1].Sales, Sales = tills[i].Sales });
                var split = weeks.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new StoreNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """));

    // Look-alike: newest first turned back round by Reverse(): row i + 1 is the week after again, so i - 1 is the past.
    [Fact]
    public Task Previous_index_of_a_newest_first_export_reversed_back_is_silent() => Expect(Program("""
        public static class Notebook
        {
            public static void Main()
            {
                var tills = Tills.Load("store.csv").OrderByDescending(t => t.Week).Reverse().ToList();
                var weeks = new List<StoreWeek>();
                for (int i = 1; i < tills.Count; i++)
                    weeks.Add(new StoreWeek { Week = tills[i].Week, Promo = tills[i].Promo, SalesLag1 = tills[i - 1].Sales, Sales = tills[i].Sales });
                var split = weeks.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new StoreNet();
                net.Fit(split.Train, split.Validation);
            }
        }
        """));

    private const string Rows = """

        [Dataset]
        public sealed partial record Session
        {
            [GroupKey] public int User { get; init; }
            [Feature] public float Clicks { get; init; }
            [Feature] public float Pages { get; init; }
            [Label(Classes = 2)] public int Purchased { get; init; }
        }

        [Model(typeof(Session))]
        public sealed partial class SessionNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record StoreWeek
        {
            [Timestamp] public DateTime Week { get; init; }
            [Feature] public float Promo { get; init; }
            [Feature] public float SalesLag1 { get; init; }
            [Label] public float Sales { get; init; }
        }

        [Model(typeof(StoreWeek))]
        public sealed partial class StoreNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Flower
        {
            [Feature] public float Petal { get; init; }
            [Feature] public float Sepal { get; init; }
            [Label(Classes = 3)] public int Species { get; init; }
        }

        [Model(typeof(Flower))]
        public sealed partial class FlowerNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(3)] Layer output;
        }

        /// <summary>One store's week as the till system totals it.</summary>
        public sealed record Till(DateTime Week, float Promo, float Sales);

        public static class Tills
        {
            public static List<Till> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new Till(
                    DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))).ToList();
        }

        """;

    private static string Program(string types) => LeakageSources.AllUsings + types + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
