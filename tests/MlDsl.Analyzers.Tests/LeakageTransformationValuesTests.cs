using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Row transformations held as values that capture a statistic: clipping bounds taken at ranks of sorted values (K1), a
/// function returned by a call given rows, from a helper, a curried lambda or a dictionary of fitters (K2), and a helper
/// that learns from rows it reads itself (K3). Applying such a transformation to a part gives that part's rows (validation
/// stays validation); a statistic learned from every row is reported once, where it is learned, not at each application.
/// Both leakage analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed class LeakageTransformationValuesTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record House
        {
            [Feature] public float LotArea { get; init; }
            [Feature] public float GrLivArea { get; init; }
            [Feature] public float Age { get; init; }
            [Label] public float SalePrice { get; init; }
        }

        [Model(typeof(House))]
        public sealed partial class HouseNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        public static class Prep
        {
            public static Func<IReadOnlyList<House>, House[]> FitScaler(IReadOnlyList<House> rows)
            {
                var scaler = Standardizer.Fit(rows);
                return part => scaler.Apply(part);
            }

            public static Func<IReadOnlyList<House>, House[]> Clipper(float low, float high) =>
                part => part.Select(h => h with { LotArea = Math.Clamp(h.LotArea, low, high) }).ToArray();

            public static House[] ScaledLikeTheFile(IReadOnlyList<House> part, string path)
            {
                var scaler = MinMaxScaler.Fit(CsvFile.Read<House>(path));
                return scaler.Apply(part);
            }

            public static House[] ScaledLikeAllHouses(IReadOnlyList<House> part)
            {
                var scaler = MinMaxScaler.Fit(«CsvFile.Read<House>("houses.csv")»);
                return scaler.Apply(part);
            }
        }
        """;

    /// <summary>
    /// A script whose Main splits houses.csv, declares <paramref name="prepare"/>, then trains with early stopping and scores
    /// test once; <c>«...»</c> in the helpers is the mark #0 when <paramref name="markHelper"/>.
    /// </summary>
    private static string Script(string prepare, string train = "Clip(split.Train)", string validation = "Clip(split.Validation)", string test = "Clip(split.Test)",
        bool markHelper = false) =>
        Usings + $$"""
        public static class Script
        {
            public static void Main()
            {
                IReadOnlyList<House> all = CsvFile.Read<House>("houses.csv");
                var split = all.Split(new SplitOptions { Validation = 0.15, Test = 0.15, Seed = 7 });
                {{Mark(prepare, marked: false)}}
                using var net = new HouseNet();
                net.Fit({{train}}, {{validation}}, new FitOptions { Epochs = 40, EarlyStoppingPatience = 4 });
                Console.WriteLine($"test MAE {net.Evaluate({{test}}).MeanAbsoluteError:F0}");
            }
        }
        """ + Mark(Rows, markHelper);

    /// <summary>The snippet with <c>«...»</c> made the mark #0, or left unmarked.</summary>
    private static string Mark(string snippet, bool marked) => snippet.Replace("«", marked ? "{|#0:" : "").Replace("»", marked ? "|}" : "");

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    // ───────────── K1: clipping bounds at ranks of sorted values, captured by a row transformation ─────────────

    private const string SortedArrayCap = """
        float[] areas = ROWS.Select(h => h.LotArea).ToArray();
                Array.Sort(areas);
                float cap = «areas[areas.Length * 99 / 100]»;
                House[] Clip(IReadOnlyList<House> part) => part.Select(h => h with { LotArea = Math.Min(h.LotArea, cap) }).ToArray();
        """;

    [Fact]
    public Task Cap_at_the_99th_percentile_of_all_rows_from_a_sorted_array_is_reported() =>
        Expect(Script(Mark(SortedArrayCap.Replace("ROWS", "all"), marked: true)), "MLDSL0016");

    [Fact]
    public Task Cap_at_the_99th_percentile_of_the_training_rows_from_a_sorted_array_is_silent() =>
        Expect(Script(SortedArrayCap.Replace("ROWS", "split.Train")));

    private const string LargestInLambda = """
        float largest = «ROWS.Select(h => h.Age).OrderByDescending(a => a).First()»;
                Func<IReadOnlyList<House>, List<House>> Clip = part => part.Select(h => h with { Age = h.Age / largest }).ToList();
        """;

    [Fact]
    public Task Largest_age_of_all_rows_by_ordering_captured_in_a_lambda_is_reported() =>
        Expect(Script(Mark(LargestInLambda.Replace("ROWS", "all"), marked: true)), "MLDSL0016");

    [Fact]
    public Task Largest_age_of_the_training_rows_by_ordering_captured_in_a_lambda_is_silent() =>
        Expect(Script(LargestInLambda.Replace("ROWS", "split.Train")));

    private const string RowAtRank = """
        float cap = «ROWS.OrderBy(h => h.LotArea).ElementAt(ROWS.Count * 99 / 100).LotArea»;
                float floor = split.Train.OrderBy(h => h.GrLivArea).Select(h => h.GrLivArea).Skip(split.Train.Count / 100).First();
                List<House> Clip(IReadOnlyList<House> part)
                {
                    var clipped = new List<House>();
                    foreach (House h in part) clipped.Add(h with { LotArea = Math.Min(h.LotArea, cap), GrLivArea = Math.Max(h.GrLivArea, floor) });
                    return clipped;
                }
        """;

    [Fact]
    public Task Lot_area_of_the_house_at_the_99th_percentile_of_all_rows_is_reported() =>
        Expect(Script(Mark(RowAtRank.Replace("ROWS", "all"), marked: true)), "MLDSL0016");

    [Fact]
    public Task Lot_area_of_the_house_at_the_99th_percentile_of_the_training_rows_is_silent() =>
        Expect(Script(RowAtRank.Replace("ROWS", "split.Train")));

    // Days sorted by themselves and values sorted by day, read one by one (i, i - 1): the day itself and yesterday's rain, a
    // lag known when the day is predicted, not a percentile.
    [Fact]
    public Task Lag_from_values_sorted_by_day_before_the_split_is_silent() => Expect(Usings + """
        public static class Lags
        {
            public static void Main()
            {
                List<Gauge> gauge = System.IO.File.ReadLines("gauge.csv").Skip(1).Select(l => l.Split(','))
                    .Select(f => new Gauge(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))).ToList();
                DateTime[] days = gauge.Select(g => g.Day).Order().ToArray();
                float[] flows = gauge.OrderBy(g => g.Day).Select(g => g.Flow).ToArray();
                float[] rains = gauge.OrderBy(g => g.Day).Select(g => g.Rain).ToArray();
                var rows = new List<RiverDay>();
                for (int i = 1; i < flows.Length; i++)
                    rows.Add(new RiverDay { Day = days[i], Rain = rains[i], RainLag1 = rains[i - 1], Flow = flows[i] });
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2 });
                var scaler = Standardizer.Fit(split.Train);
                using var net = new RiverNet();
                net.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 40, EarlyStoppingPatience = 4 });
                Console.WriteLine($"test MAE {net.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError:F2}");
            }
        }

        public sealed record Gauge(DateTime Day, float Rain, float Flow);

        [Dataset]
        public sealed partial record RiverDay
        {
            [Timestamp] public DateTime Day { get; init; }
            [Feature] public float Rain { get; init; }
            [Feature] public float RainLag1 { get; init; }
            [Label] public float Flow { get; init; }
        }

        [Model(typeof(RiverDay))]
        public sealed partial class RiverNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }
        """);

    [Fact]
    public Task Percentile_of_all_rows_only_printed_is_silent() => Expect(Script("""
        float median = all.Select(h => h.LotArea).Order().ElementAt(all.Count / 2);
                Console.WriteLine($"median lot area {median}");
                House[] Clip(IReadOnlyList<House> part) => part.Select(h => h with { LotArea = MathF.Log(1 + h.LotArea) }).ToArray();
        """));

    // ───────────── K2: a function returned by a call given rows is a transformation fitted on them ─────────────

    [Fact]
    public Task Function_from_a_helper_fitted_on_all_rows_is_reported() =>
        Expect(Script("var Clip = {|#0:Prep.FitScaler(all)|};"), "MLDSL0016");

    [Fact]
    public Task Function_from_a_helper_fitted_on_the_training_rows_is_silent() =>
        Expect(Script("var Clip = Prep.FitScaler(split.Train);"));

    private const string Curried = """
        Func<IReadOnlyList<House>, Func<IReadOnlyList<House>, House[]>> fitScaler = rows =>
                {
                    var scaler = Standardizer.Fit(rows);
                    return part => scaler.Apply(part);
                };
                Func<IReadOnlyList<House>, House[]> Clip = «fitScaler(ROWS)»;
        """;

    [Fact]
    public Task Curried_lambda_fitted_on_every_row_is_reported() =>
        Expect(Script(Mark(Curried.Replace("ROWS", "split.Train.Concat(split.Validation).Concat(split.Test).ToList()"), marked: true)), "MLDSL0016");

    [Fact]
    public Task Curried_lambda_fitted_on_the_training_rows_is_silent() =>
        Expect(Script(Curried.Replace("ROWS", "split.Train")));

    private const string FitterDictionary = """
        var fitters = new Dictionary<string, Func<IReadOnlyList<House>, Func<IReadOnlyList<House>, House[]>>>
                {
                    ["standard"] = rows => Standardizer.Fit(rows).Apply,
                    ["minmax"] = rows => MinMaxScaler.Fit(rows).Apply,
                };
                IReadOnlyList<House> train = split.Train, validation = split.Validation, test = split.Test;
                foreach (string name in new[] { "minmax", "standard" })
                {
                    var fitted = «fitters[name](ROWS)»;
                    train = fitted(train);
                    validation = fitted(validation);
                    test = fitted(test);
                }
        """;

    [Fact]
    public Task Fitters_from_a_dictionary_fitted_on_all_rows_are_reported() =>
        Expect(Script(Mark(FitterDictionary.Replace("ROWS", "all"), marked: true), "train", "validation", "test"), "MLDSL0016");

    [Fact]
    public Task Fitters_from_a_dictionary_fitted_on_the_training_part_in_turn_are_silent() =>
        Expect(Script(FitterDictionary.Replace("ROWS", "train"), "train", "validation", "test"));

    // A function made from settings (no rows) captures nothing learned.
    [Fact]
    public Task Function_from_a_helper_given_constant_bounds_is_silent() =>
        Expect(Script("Func<IReadOnlyList<House>, House[]> Clip = Prep.Clipper(10f, 90_000f);"));

    // ───────────── K3: a helper that learns from rows it reads itself ─────────────

    [Fact]
    public Task Helper_fitting_the_file_that_is_split_is_reported_at_its_own_fit() => Expect(Script("",
        "Prep.ScaledLikeAllHouses(split.Train)", "Prep.ScaledLikeAllHouses(split.Validation)", "Prep.ScaledLikeAllHouses(split.Test)", markHelper: true), "MLDSL0016");

    [Fact]
    public Task Helper_fitting_a_reference_file_that_is_never_split_is_silent() =>
        Expect(Script("", "Prep.ScaledLikeTheFile(split.Train, \"reference.csv\")", "Prep.ScaledLikeTheFile(split.Validation, \"reference.csv\")",
            "Prep.ScaledLikeTheFile(split.Test, \"reference.csv\")"));
}
