using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixM's kinds: statistics kept in collections, helpers and object state, followed from the rows they were learned from to
/// the rows they change. A per-group statistic of many rows kept in a dictionary filled by a loop (M1); a vocabulary counted in
/// a helper and ranked into another dictionary (M2); a tokenizer object whose Fit fills a field that Encode reads, called or
/// given as a method group (M3); a climatology and its fallback applied through a local function (M4); rows a helper builds
/// from a count and a seed, which are rows of their own (M5); a label statistic handed to a helper that writes it into the
/// rows it was learned from (M6, in-sample target encoding). Each with its fix and look-alikes that must stay silent; both
/// leakage analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed class LeakageStatisticsInCollectionsTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record House
        {
            [Feature] public float LotArea { get; init; }
            [Feature] public float Rooms { get; init; }
            [Ignore] public string District { get; init; } = "";
            [Label] public float SalePrice { get; init; }
        }

        [Model(typeof(House))]
        public sealed partial class HouseNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record MovieReview
        {
            [Ignore] public string Text { get; init; } = "";
            [Feature, Shape(32), Vocabulary(1000)] public int[] Tokens { get; init; } = Array.Empty<int>();
            [Label(Classes = 2)] public int Positive { get; init; }
        }

        [Model(typeof(MovieReview))]
        public sealed partial class ImdbNet
        {
            [Embedding(1000, 8), Flatten] Layer embed;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Shopper
        {
            [GroupKey] public int Customer { get; init; }
            [Feature] public float Basket { get; init; }
            [Feature] public float CustomerRate { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }

        [Model(typeof(Shopper))]
        public sealed partial class ShopperNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Reading
        {
            [Ignore] public int Month { get; init; }
            [Feature] public float Rain { get; init; }
            [Feature] public float Level { get; init; }
            [Label] public float Flow { get; init; }
        }

        [Model(typeof(Reading))]
        public sealed partial class RiverNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }
        """;

    private static string Script(string body) => Usings + "public static class Script\n{\n" + body + "\n}\n" + Rows;

    private static string Program(string types) => Usings + types + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    // ───────────── M1: a per-group statistic of many rows kept in a dictionary filled by a loop ─────────────

    private const string Median = """
            static float Median(IEnumerable<float> values)
            {
                float[] sorted = values.OrderBy(v => v).ToArray();
                return sorted.Length == 0 ? 0f : sorted[sorted.Length / 2];
            }

        """;

    [Fact]
    public Task Per_district_medians_of_every_house_filling_lot_areas_before_the_split_are_reported() => Expect(Script(Median + """
            public static void Main()
            {
                var houses = CsvFile.Read<House>("houses.csv");
                var typical = new Dictionary<string, float>();
                foreach (var district in {|#0:houses|}.Where(h => h.LotArea > 0).GroupBy(h => h.District))
                    typical[district.Key] = Median(district.Select(h => h.LotArea));
                House Fill(House h) => h.LotArea > 0 ? h : h with { LotArea = typical[h.District] };

                var (train, validation, test) = houses.Select(Fill).ToList().Split(new SplitOptions { Seed = 3 });
                using var net = new HouseNet();
                net.Fit(train, validation, new FitOptions { Epochs = 20 });
                Console.WriteLine($"test MAE {net.Evaluate(test).MeanAbsoluteError:F0}");
            }
        """), "MLDSL0016");

    [Fact]
    public Task Per_district_medians_of_the_training_houses_filling_every_part_are_silent() => Expect(Script(Median + """
            public static void Main()
            {
                var split = CsvFile.Read<House>("houses.csv").Split(new SplitOptions { Seed = 3 });
                var typical = new Dictionary<string, float>();
                foreach (var district in split.Train.Where(h => h.LotArea > 0).GroupBy(h => h.District))
                    typical[district.Key] = Median(district.Select(h => h.LotArea));
                House Fill(House h) => h.LotArea > 0 ? h : h with { LotArea = typical.TryGetValue(h.District, out float m) ? m : 0f };

                using var net = new HouseNet();
                net.Fit(split.Train.Select(Fill).ToList(), split.Validation.Select(Fill).ToList(), new FitOptions { Epochs = 20 });
                Console.WriteLine($"test MAE {net.Evaluate(split.Test.Select(Fill).ToList()).MeanAbsoluteError:F0}");
            }
        """));

    [Fact]
    public Task Per_district_means_summed_by_hand_over_every_house_are_reported() => Expect(Script("""
            public static void Main()
            {
                var houses = CsvFile.Read<House>("houses.csv");
                var sums = new Dictionary<string, float>();
                var counts = new Dictionary<string, int>();
                foreach (House h in {|#0:houses|})
                {
                    sums[h.District] = sums.GetValueOrDefault(h.District) + h.LotArea;
                    counts[h.District] = counts.GetValueOrDefault(h.District) + 1;
                }
                var relative = houses.Select(h => h with { LotArea = h.LotArea / (sums[h.District] / counts[h.District]) }).ToList();

                var split = relative.Split(new SplitOptions { Seed = 5 });
                using var net = new HouseNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 20 });
                Console.WriteLine($"test MAE {net.Evaluate(split.Test).MeanAbsoluteError:F0}");
            }
        """), "MLDSL0016");

    [Fact]
    public Task Per_district_medians_only_printed_beside_a_clean_fit_are_silent() => Expect(Script(Median + """
            public static void Main()
            {
                var houses = CsvFile.Read<House>("houses.csv");
                var typical = new Dictionary<string, float>();
                foreach (var district in houses.GroupBy(h => h.District))
                    typical[district.Key] = Median(district.Select(h => h.LotArea));
                foreach (var (district, area) in typical) Console.WriteLine($"{district}: median lot {area:F0}");

                var split = houses.Split(new SplitOptions { Seed = 5 });
                using var net = new HouseNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 20 });
                Console.WriteLine($"test MAE {net.Evaluate(split.Test).MeanAbsoluteError:F0}");
            }
        """));

    [Fact]
    public Task Lot_areas_filled_from_a_hand_written_table_before_the_split_are_silent() => Expect(Script("""
            public static void Main()
            {
                var prior = new Dictionary<string, float> { ["north"] = 900f, ["south"] = 700f };
                var houses = CsvFile.Read<House>("houses.csv")
                    .Select(h => h.LotArea > 0 ? h : h with { LotArea = prior.GetValueOrDefault(h.District, 800f) }).ToList();

                var split = houses.Split(new SplitOptions { Seed = 5 });
                using var net = new HouseNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 20 });
                Console.WriteLine($"test MAE {net.Evaluate(split.Test).MeanAbsoluteError:F0}");
            }
        """));

    // ───────────── M2: a vocabulary counted in a helper, then ranked into the ids ─────────────

    private const string VocabularyHelpers = """
            static Dictionary<string, int> Vocabulary(IEnumerable<MovieReview> texts, int size)
            {
                var counts = new Dictionary<string, int>();
                foreach (var review in texts)
                    foreach (var word in review.Text.Split(' '))
                        counts[word] = counts.TryGetValue(word, out int seen) ? seen + 1 : 1;
                var ids = new Dictionary<string, int>();
                foreach (var pair in counts.OrderByDescending(p => p.Value).Take(size))
                    ids[pair.Key] = ids.Count + 1;
                return ids;
            }

            static MovieReview Encode(MovieReview r, Dictionary<string, int> ids) =>
                r with { Tokens = r.Text.Split(' ').Select(w => ids.GetValueOrDefault(w)).Concat(new int[32]).Take(32).ToArray() };

        """;

    [Fact]
    public Task Vocabulary_counted_in_a_helper_over_every_review_is_reported() => Expect(Script(VocabularyHelpers + """
            public static void Main()
            {
                var reviews = CsvFile.Read<MovieReview>("imdb.csv");
                var ids = {|#0:Vocabulary(reviews, 999)|};
                var split = reviews.Select(r => Encode(r, ids)).ToList().Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ImdbNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 4 });
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
            }
        """), "MLDSL0016");

    [Fact]
    public Task Vocabulary_counted_in_a_helper_over_the_training_reviews_is_silent() => Expect(Script(VocabularyHelpers + """
            public static void Main()
            {
                var split = CsvFile.Read<MovieReview>("imdb.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var ids = Vocabulary(split.Train, 999);
                using var net = new ImdbNet();
                net.Fit(split.Train.Select(r => Encode(r, ids)).ToList(), split.Validation.Select(r => Encode(r, ids)).ToList(), new FitOptions { Epochs = 4 });
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test.Select(r => Encode(r, ids)).ToList()).Accuracy:P2}");
            }
        """));

    [Fact]
    public Task Vocabulary_of_every_review_only_printed_is_silent() => Expect(Script(VocabularyHelpers + """
            public static void Main()
            {
                var reviews = CsvFile.Read<MovieReview>("imdb.csv");
                Console.WriteLine($"{Vocabulary(reviews, 999).Count} distinct words in the corpus");
                var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var ids = Vocabulary(split.Train, 999);
                using var net = new ImdbNet();
                net.Fit(split.Train.Select(r => Encode(r, ids)).ToList(), split.Validation.Select(r => Encode(r, ids)).ToList(), new FitOptions { Epochs = 4 });
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test.Select(r => Encode(r, ids)).ToList()).Accuracy:P2}");
            }
        """));

    // ───────────── M3: a tokenizer object: Learn fills a field, Encode reads it ─────────────

    private static string TokenizerProgram(string main) => Program("""
        public sealed class Tokenizer
        {
            private readonly Dictionary<string, int> ids = new();

            public void Learn(IEnumerable<MovieReview> reviews)
            {
                foreach (var review in reviews)
                    foreach (var word in review.Text.Split(' '))
                        ids.TryAdd(word, ids.Count + 1);
            }

            public MovieReview Encode(MovieReview r) =>
                r with { Tokens = r.Text.Split(' ').Select(w => ids.TryGetValue(w, out int id) ? id : 0).Concat(new int[32]).Take(32).ToArray() };
        }

        public static class Imdb
        {
            public static void Main()
            {
        """ + "\n" + main + "\n" + """
            }
        }
        """);

    [Fact]
    public Task Tokenizer_learning_every_review_then_encoding_by_method_group_is_reported() => Expect(TokenizerProgram("""
                var reviews = CsvFile.Read<MovieReview>("imdb.csv");
                var tokenizer = new Tokenizer();
                {|#0:tokenizer.Learn(reviews)|};
                var split = reviews.Select(tokenizer.Encode).ToList().Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ImdbNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 4 });
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
        """), "MLDSL0016");

    [Fact]
    public Task Tokenizer_learning_every_review_then_encoding_in_a_lambda_is_reported() => Expect(TokenizerProgram("""
                var reviews = CsvFile.Read<MovieReview>("imdb.csv");
                var tokenizer = new Tokenizer();
                {|#0:tokenizer.Learn(reviews)|};
                var (train, validation, test) = reviews.Select(r => tokenizer.Encode(r)).ToList().Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ImdbNet();
                net.Fit(train, validation, new FitOptions { Epochs = 4 });
                Console.WriteLine($"test accuracy {net.Evaluate(test).Accuracy:P2}");
        """), "MLDSL0016");

    [Fact]
    public Task Tokenizer_learning_the_training_reviews_only_is_silent() => Expect(TokenizerProgram("""
                var split = CsvFile.Read<MovieReview>("imdb.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var tokenizer = new Tokenizer();
                tokenizer.Learn(split.Train);
                using var net = new ImdbNet();
                net.Fit(split.Train.Select(tokenizer.Encode).ToList(), split.Validation.Select(r => tokenizer.Encode(r)).ToList(), new FitOptions { Epochs = 4 });
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test.Select(tokenizer.Encode).ToList()).Accuracy:P2}");
        """));

    // ───────────── M4: a climatology and its fallback applied through a local function ─────────────

    private static string Climatology(string perMonth, string fallback) => Script($$"""
            public static void Main()
            {
                var days = CsvFile.Read<Reading>("river.csv");
                var (train, validation, test) = days.Split(new SplitOptions { Seed = 11 });
                Dictionary<int, float> perMonth = {{perMonth}}.GroupBy(d => d.Month).ToDictionary(g => g.Key, g => g.Average(d => d.Rain));
                float overall = {{fallback}};
                Reading[] Anomaly(IEnumerable<Reading> part) =>
                    part.Select(d => d with { Rain = d.Rain - perMonth.GetValueOrDefault(d.Month, overall) }).ToArray();

                using var net = new RiverNet();
                net.Fit(Anomaly(train), Anomaly(validation), new FitOptions { Epochs = 30 });
                Console.WriteLine($"test MAE {net.Evaluate(Anomaly(test)).MeanAbsoluteError:F2}");
            }
        """);

    [Fact]
    public Task Climatology_of_the_training_days_is_silent() => Expect(Climatology("train", "train.Average(d => d.Rain)"));

    [Fact]
    public Task Climatology_of_every_day_is_reported() => Expect(Climatology("{|#0:days|}", "train.Average(d => d.Rain)"), "MLDSL0016");

    [Fact]
    public Task Climatology_fallback_of_every_day_is_reported() => Expect(Climatology("train", "{|#0:days.Average(d => d.Rain)|}"), "MLDSL0016");

    [Fact]
    public Task Climatology_fallback_that_is_a_constant_is_silent() => Expect(Climatology("train", "0f"));

    // ───────────── M5: rows a helper builds from a count and a seed are rows of their own ─────────────

    private const string Simulated = """
            static List<House> Simulated(int count, int seed)
            {
                var random = new Random(seed);
                var made = new List<House>();
                for (int i = 0; i < count; i++)
                    made.Add(new House { LotArea = random.NextSingle() * 900f, Rooms = random.Next(1, 8), District = i % 2 == 0 ? "north" : "south", SalePrice = random.NextSingle() * 5e5f });
                return made;
            }

            static IEnumerable<House> Streamed(int count)
            {
                var random = new Random(count);
                for (int i = 0; i < count; i++)
                    yield return new House { LotArea = random.NextSingle() * 900f, Rooms = i % 7 + 1, SalePrice = random.NextSingle() * 5e5f };
            }

        """;

    [Fact]
    public Task Simulated_houses_standardised_before_the_split_are_reported() => Expect(Script(Simulated + """
            public static void Main()
            {
                var houses = Simulated(500, seed: 7);
                var scaler = Standardizer.Fit({|#0:houses|});
                var split = scaler.Apply(houses).Split(new SplitOptions { Seed = 7 });
                using var net = new HouseNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine($"test MAE {net.Evaluate(split.Test).MeanAbsoluteError:F0}");
            }
        """), "MLDSL0016");

    [Fact]
    public Task Streamed_houses_standardised_before_the_split_are_reported() => Expect(Script(Simulated + """
            public static void Main()
            {
                List<House> houses = Streamed(500).ToList();
                var scaler = Standardizer.Fit({|#0:houses|});
                var (train, validation, test) = scaler.Apply(houses).Split(new SplitOptions { Seed = 7 });
                using var net = new HouseNet();
                net.Fit(train, validation);
                Console.WriteLine($"test MAE {net.Evaluate(test).MeanAbsoluteError:F0}");
            }
        """), "MLDSL0016");

    [Fact]
    public Task Simulated_houses_split_before_the_scaler_is_fitted_are_silent() => Expect(Script(Simulated + """
            public static void Main()
            {
                var split = Simulated(500, seed: 7).Split(new SplitOptions { Seed = 7 });
                var scaler = Standardizer.Fit(split);
                using var net = new HouseNet();
                net.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine($"test MAE {net.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError:F0}");
            }
        """));

    [Fact]
    public Task Two_simulations_for_training_and_testing_are_silent() => Expect(Script(Simulated + """
            public static void Main()
            {
                var fitting = Simulated(400, seed: 1);
                var scaler = Standardizer.Fit(fitting);
                using var net = new HouseNet();
                net.Fit(scaler.Apply(fitting), null, new FitOptions { Epochs = 10 });
                Console.WriteLine($"MAE on fresh houses {net.Evaluate(scaler.Apply(Simulated(100, seed: 2))).MeanAbsoluteError:F0}");
            }
        """));

    // ───────────── M6: a label rate per [GroupKey] handed to a helper that writes it into the rows it came from ─────────────

    private static string CustomerRate(string statistic, string encodeTrain) => Script($$"""
            static Dictionary<int, float> PerCustomer(IReadOnlyList<Shopper> rows) =>
                {{statistic}};

            static List<Shopper> WithRate(IReadOnlyList<Shopper> rows, Dictionary<int, float> perCustomer) =>
                rows.Select(s => s with { CustomerRate = perCustomer.TryGetValue(s.Customer, out float v) ? v : 0f }).ToList();

            public static void Main()
            {
                var split = CsvFile.Read<Shopper>("shoppers.csv").Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 2 });
                var perCustomer = PerCustomer(split.Train);
                using var net = new ShopperNet();
                net.Fit({{encodeTrain}}, WithRate(split.Validation, perCustomer), new FitOptions { Epochs = 20 });
                Console.WriteLine($"test accuracy {net.Evaluate(WithRate(split.Test, perCustomer)).Accuracy:P2}");
            }
        """);

    [Fact]
    public Task Churn_rate_per_customer_written_into_the_training_rows_it_came_from_is_reported() => Expect(CustomerRate(
        "{|#0:rows|}.GroupBy(s => s.Customer).ToDictionary(g => g.Key, g => (float)g.Average(s => s.Churned))", "WithRate(split.Train, perCustomer)"), "MLDSL0017");

    [Fact]
    public Task Mean_basket_per_customer_written_into_the_training_rows_is_silent() => Expect(CustomerRate(
        "rows.GroupBy(s => s.Customer).ToDictionary(g => g.Key, g => g.Average(s => s.Basket))", "WithRate(split.Train, perCustomer)"));

    [Fact]
    public Task Churn_rate_per_customer_written_only_into_validation_and_test_rows_is_silent() => Expect(CustomerRate(
        "rows.GroupBy(s => s.Customer).ToDictionary(g => g.Key, g => (float)g.Average(s => s.Churned))", "split.Train"));
}
