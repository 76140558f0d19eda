using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixO's kinds, each with a leaky program, its fix and look-alikes that must stay silent: aggregates over ONE row's own
/// values (its words, characters, readings) are features of that row, not statistics over rows (P1); validation rows only
/// watched by a fit without early stopping are rows the model never learned (P2); one leak is reported once (P3).
/// Both leakage analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed class LeakagePerRowAggregatesTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Review
        {
            [Feature] public float Positive { get; init; }
            [Feature] public float Length { get; init; }
            [Feature] public float Shouting { get; init; }
            [Ignore] public string Text { get; init; } = "";
            [Label(Classes = 2)] public int Liked { get; init; }
        }

        [Model(typeof(Review))]
        public sealed partial class ReviewNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Engine
        {
            [Feature] public float Peak { get; init; }
            [Feature] public float Mean { get; init; }
            [Ignore] public float[] Readings { get; init; } = Array.Empty<float>();
            [Label(Classes = 2)] public int Failed { get; init; }
        }

        [Model(typeof(Engine))]
        public sealed partial class EngineNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Loan
        {
            [Feature] public float Income { get; init; }
            [Feature] public float RegionRate { get; init; }
            [Ignore] public string Region { get; init; } = "";
            [Label(Classes = 2)] public int Defaulted { get; init; }
        }

        [Model(typeof(Loan))]
        public sealed partial class LoanNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """;

    private static string Script(string body) => Usings + "public static class Script\n{\n" + body + "\n}\n" + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    // ───────────── P1: an aggregate over one row's own values is a feature of that row ─────────────

    // Buggy: the longest review over EVERY review rescales each review's length, then the reviews are split.
    [Fact]
    public Task Longest_review_over_every_review_rescaling_lengths_before_the_split_is_reported() => Expect(Script("""
            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("reviews.csv");
                int longest = {|#0:reviews.Max(r => r.Text.Length)|};
                var rows = reviews.Select(r => r with { Length = r.Text.Split(' ').Length / (float)longest }).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReviewNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """), "MLDSL0016");

    // The same aggregate over every review, read inside the per-row projection: still a statistic over the rows.
    [Fact]
    public Task Longest_review_over_every_review_read_inside_the_projection_is_reported() => Expect(Script("""
            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("reviews.csv");
                var rows = reviews.Select(r => r with { Length = r.Text.Length / (float){|#0:reviews.Max(x => x.Text.Length)|} }).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReviewNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """), "MLDSL0016");

    // Fix: the longest training review rescales every part.
    [Fact]
    public Task Longest_training_review_rescaling_every_part_is_silent() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Review>("reviews.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                int longest = split.Train.Max(r => r.Text.Length);
                List<Review> Scale(IEnumerable<Review> part) => part.Select(r => r with { Length = r.Text.Length / (float)longest }).ToList();
                using var model = new ReviewNet();
                model.Fit(Scale(split.Train), Scale(split.Validation));
                Console.WriteLine(model.Evaluate(Scale(split.Test)).Accuracy);
            }
        """));

    // Look-alike: characters of each review's own text counted in a lambda, before the split.
    [Fact]
    public Task Exclamation_marks_and_capitals_of_each_review_counted_in_a_lambda_is_silent() => Expect(Script("""
            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("reviews.csv")
                    .Select(r => r with { Shouting = r.Text.Count(c => c == '!') + r.Text.Count(char.IsUpper) }).ToList();
                var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReviewNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """));

    // Look-alike: a helper called per row reads a fixed lexicon declared in code and counts the row's own words kept in a local.
    [Fact]
    public Task Fixed_lexicon_counted_over_each_reviews_words_in_a_helper_is_silent() => Expect(Script("""
            private static readonly HashSet<string> Good = new(StringComparer.OrdinalIgnoreCase) { "great", "love", "perfect" };

            private static Review Featurise(Review review)
            {
                string[] words = review.Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return review with { Positive = words.Count(Good.Contains), Length = words.Sum(w => w.Length) / (float)Math.Max(1, words.Length) };
            }

            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("reviews.csv").Select(Featurise).ToList();
                var (train, validation, test) = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReviewNet();
                model.Fit(train, validation, new FitOptions { EarlyStoppingPatience = 3 });
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        """));

    // Look-alike: a loop builds rows from each review's longest word and its distinct words.
    [Fact]
    public Task Longest_and_distinct_words_of_each_review_in_a_loop_is_silent() => Expect(Script("""
            public static void Main()
            {
                var rows = new List<Review>();
                foreach (Review review in CsvFile.Read<Review>("reviews.csv"))
                {
                    var words = review.Text.Split(' ');
                    rows.Add(review with { Length = words.Max(w => w.Length), Positive = words.Distinct().Count() });
                }
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReviewNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """));

    // Look-alike: each engine's own readings summarised in query syntax before the split.
    [Fact]
    public Task Each_engines_own_readings_summarised_in_query_syntax_is_silent() => Expect(Script("""
            public static void Main()
            {
                var engines = (from e in CsvFile.Read<Engine>("engines.csv")
                               select e with { Peak = e.Readings.Max(), Mean = e.Readings.Where(v => v > 0).Average() }).ToList();
                var split = engines.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new EngineNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """));

    // Buggy look-alike of the one above: the peak over EVERY engine's readings (values drawn from all rows) is learned from them.
    [Fact]
    public Task Peak_over_every_engines_readings_before_the_split_is_reported() => Expect(Script("""
            public static void Main()
            {
                var raw = CsvFile.Read<Engine>("engines.csv");
                float peak = {|#0:raw.SelectMany(e => e.Readings).Max()|};
                var engines = raw.Select(e => e with { Peak = e.Readings.Max() / peak }).ToList();
                var split = engines.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new EngineNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """), "MLDSL0016");

    // ───────────── P2: validation rows only watched (no early stopping) are not trained on ─────────────

    private const string Watched = """
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                var report = model.Fit(train, validation, OPTIONS);
                foreach (var epoch in report.Epochs) Console.WriteLine(epoch);
                Console.WriteLine($"accuracy {model.Evaluate(ROWS).Accuracy:P2}");
            }
        """;

    // Buggy: early stopping kept the best epoch on the validation rows, and that is the only score taken.
    [Fact]
    public Task Only_score_on_the_validation_rows_that_stopped_training_early_is_reported() =>
        Expect(Script(Watched.Replace("OPTIONS", "new FitOptions { Epochs = 50, EarlyStoppingPatience = 5 }").Replace("ROWS", "{|#0:validation|}")), "MLDSL0027");

    // Options the code does not show may stop early: still reported.
    [Fact]
    public Task Only_score_on_validation_rows_with_options_from_elsewhere_is_reported() =>
        Expect(Script(Watched.Replace("OPTIONS", "Options()").Replace("ROWS", "{|#0:validation|}")
            + "\n    private static FitOptions Options() => new FitOptions { Epochs = 50, EarlyStoppingPatience = 5 };"), "MLDSL0027");

    // Fix: the test rows are scored.
    [Fact]
    public Task Score_on_the_test_rows_after_early_stopping_is_silent() =>
        Expect(Script(Watched.Replace("OPTIONS", "new FitOptions { Epochs = 50, EarlyStoppingPatience = 5 }").Replace("ROWS", "test")));

    // Look-alike: no early stopping, the validation rows only watched for the loss curve.
    [Fact]
    public Task Score_on_validation_rows_only_watched_for_the_loss_is_silent() =>
        Expect(Script(Watched.Replace("OPTIONS", "new FitOptions { Epochs = 15 }").Replace("ROWS", "validation")));

    // Look-alike: options kept in a local that sets no patience.
    [Fact]
    public Task Score_on_validation_rows_watched_with_options_in_a_local_is_silent() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var options = new FitOptions { Epochs = 20, LearningRate = 1e-3 };
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation, options);
                double accuracy = model.Evaluate(split.Validation).Accuracy;
                Console.WriteLine($"validation accuracy {accuracy:P2}");
            }
        """));

    // The training rows are still trained on, watched validation or not.
    [Fact]
    public Task Only_score_on_the_training_rows_of_a_watched_fit_is_reported() =>
        Expect(Script(Watched.Replace("OPTIONS", "new FitOptions { Epochs = 15 }").Replace("ROWS", "{|#0:train|}")), "MLDSL0027");

    // ───────────── P3: one leak, one report ─────────────

    // A hand-written error helper scoring on the test days inside a search: one MLDSL0018, at the test rows.
    [Fact]
    public Task Hand_written_error_on_test_choosing_a_rate_is_reported_once() => Expect(Script("""
            private static double Error(LoanNet model, IReadOnlyList<Loan> rows) =>
                rows.Zip(model.Predict(rows), (l, p) => l.Defaulted == p ? 0.0 : 1.0).Average();

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var errors = new Dictionary<double, double>();
                foreach (double rate in new[] { 1e-3, 3e-3 })
                {
                    using var candidate = new LoanNet();
                    candidate.Fit(train, null, new FitOptions { LearningRate = rate });
                    errors[rate] = Error(candidate, {|#0:test|});
                }
                double best = errors.MinBy(kv => kv.Value).Key;
                using var model = new LoanNet();
                model.Fit(train, null, new FitOptions { LearningRate = best });
                Console.WriteLine(Error(model, test));
            }
        """), "MLDSL0018");

    // Its fix: the rate is chosen on the validation rows.
    [Fact]
    public Task Hand_written_error_on_validation_choosing_a_rate_is_silent() => Expect(Script("""
            private static double Error(LoanNet model, IReadOnlyList<Loan> rows) =>
                rows.Zip(model.Predict(rows), (l, p) => l.Defaulted == p ? 0.0 : 1.0).Average();

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var errors = new Dictionary<double, double>();
                foreach (double rate in new[] { 1e-3, 3e-3 })
                {
                    using var candidate = new LoanNet();
                    candidate.Fit(train, null, new FitOptions { LearningRate = rate });
                    errors[rate] = Error(candidate, validation);
                }
                double best = errors.MinBy(kv => kv.Value).Key;
                using var model = new LoanNet();
                model.Fit(train, null, new FitOptions { LearningRate = best });
                Console.WriteLine(Error(model, test));
            }
        """));

    // Region means of the test rows in query syntax: one MLDSL0016 at the query, none again at its inner g.Average.
    [Fact]
    public Task Region_means_of_the_test_rows_in_query_syntax_are_reported_once() => Expect(Script("""
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var regionIncome = {|#0:(from l in test|}
                                    group l by l.Region into g
                                    select new { Region = g.Key, Mean = g.Average(x => x.Income) }).ToDictionary(x => x.Region, x => x.Mean);
                var rows = train.Select(l => l with { RegionRate = regionIncome.TryGetValue(l.Region, out float m) ? l.Income / m : 1f }).ToList();
                using var model = new LoanNet();
                model.Fit(rows, null);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        """), "MLDSL0016");
}
