namespace MlDsl.Analyzers.Tests;

/// <summary>Set L, more shapes: state kept in classes and static fields, choices inside LINQ, vocabularies built from labels.</summary>
public sealed partial class FreshLeakageCasesL
{
    // An experiment class (the "Trainer" object of many ported notebooks) remembers the rows it trained on and scores on
    // them when asked for its accuracy.
    [Fact]
    public Task Trial_class_scoring_the_xrays_it_trained_on_is_reported() => Expect(Program("""
        public sealed class Trial
        {
            public XrayNet Net { get; } = new();
            public IReadOnlyList<Xray> Rows { get; private set; } = Array.Empty<Xray>();

            public void Run(IReadOnlyList<Xray> rows)
            {
                Rows = rows;
                Net.Fit(rows);
            }

            public double Accuracy() => Net.Evaluate({|#0:Rows|}).Accuracy;
        }

        public static class ChestXrays
        {
            public static void Main()
            {
                var xrays = CsvFile.Read<Xray>("xrays.csv");
                var split = xrays.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var trial = new Trial();
                trial.Run(split.Train);
                Console.WriteLine($"accuracy {trial.Accuracy():P1}");
            }
        }
        """), "MLDSL0027");

    // "Pick the best random seed" on the test speakers, written as one LINQ chain (Bouthillier et al., "Accounting for
    // variance in machine learning benchmarks", MLSys 2021, on seed picking).
    [Fact]
    public Task Best_seed_kept_by_test_accuracy_in_a_linq_chain_is_reported() => Expect(Program("""
        public static class SpokenDigits
        {
            public static void Main()
            {
                var utterances = CsvFile.Read<Utterance>("digits.csv");
                var (train, validation, test) = utterances.Split(new SplitOptions { Kind = SplitKind.Grouped });
                var best = new[] { 1, 2, 3, 4, 5 }.Select(seed =>
                {
                    var net = new UtteranceNet();
                    net.Fit(train, validation, new FitOptions { Seed = seed });
                    return (Net: net, Accuracy: net.Evaluate({|#0:test|}).Accuracy);
                }).MaxBy(r => r.Accuracy);
                best.Net.Save("digits.pt");
            }
        }
        """), "MLDSL0018");

    // Look-alike (the same paper's recommendation): the test accuracy of several seeds reported as mean ± deviation,
    // nothing chosen by it.
    [Fact]
    public Task Test_accuracy_over_seeds_only_summarised_is_silent() => Expect(Program("""
        public static class SpokenDigits
        {
            public static void Main()
            {
                var utterances = CsvFile.Read<Utterance>("digits.csv");
                var (train, validation, test) = utterances.Split(new SplitOptions { Kind = SplitKind.Grouped });
                var accuracies = new List<double>();
                foreach (int seed in new[] { 1, 2, 3, 4, 5 })
                {
                    using var net = new UtteranceNet();
                    net.Fit(train, validation, new FitOptions { Seed = seed });
                    accuracies.Add(net.Evaluate(test).Accuracy);
                }
                double mean = accuracies.Average();
                double deviation = Math.Sqrt(accuracies.Average(a => (a - mean) * (a - mean)));
                Console.WriteLine($"test accuracy {mean:P1} ± {deviation:P1} over {accuracies.Count} seeds");
            }
        }
        """));

    // A static field that reads the whole history once for a scale (a "config" class in a ported notebook); the same
    // file is then read, scaled and split.
    [Fact]
    public Task Hottest_day_of_the_whole_history_in_a_static_field_is_reported() => Expect(Program("""
        public static class Scale
        {
            public static readonly float Hottest = {|#0:CsvFile.Read<ShopDay>("shop.csv").Max(d => d.Temperature)|};
        }

        public static class Forecast
        {
            public static void Main()
            {
                var days = CsvFile.Read<ShopDay>("shop.csv").Select(d => d with { Temperature = d.Temperature / Scale.Hottest }).ToList();
                var split = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new ShopNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    // Spam-filter tutorials that build the "spam words" list from the most frequent words of the spam e-mails of the whole
    // corpus (labels included), count them per e-mail, and only then split.
    [Fact]
    public Task Spam_word_list_from_every_spam_email_is_reported() => Expect(Program("""
        public static class SpamFilter
        {
            public static void Main()
            {
                var emails = CsvFile.Read<Email>("emails.csv");
                var spamWords = {|#0:emails.Where(e => e.Spam == 1).SelectMany(e => e.Text.ToLowerInvariant().Split(' '))
                    .GroupBy(w => w).OrderByDescending(g => g.Count()).Take(50).Select(g => g.Key)|}.ToHashSet();
                var counted = emails.Select(e => e with { SpamWords = e.Text.ToLowerInvariant().Split(' ').Count(spamWords.Contains) }).ToList();
                var split = counted.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new EmailNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Look-alike (a fixed lexicon, as in SpamAssassin's hand-written rules): the words are declared in code, each e-mail
    // counts its own matches, and upper-case letters and links are counted per e-mail.
    [Fact]
    public Task Fixed_spam_lexicon_counted_per_email_is_silent() => Expect(Program("""
        public static class SpamFilter
        {
            static readonly HashSet<string> Lexicon = new() { "winner", "free", "viagra", "lottery", "urgent", "prize" };

            public static void Main()
            {
                var emails = CsvFile.Read<Email>("emails.csv").Select(e =>
                {
                    var words = e.Text.ToLowerInvariant().Split(' ');
                    return e with
                    {
                        SpamWords = words.Count(Lexicon.Contains),
                        Capitals = e.Text.Count(char.IsUpper),
                        Links = words.Count(w => w.StartsWith("http")),
                    };
                }).ToList();
                var split = emails.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new EmailNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));
}
