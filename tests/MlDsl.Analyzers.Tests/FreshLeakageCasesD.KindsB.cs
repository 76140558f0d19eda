extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;
using MlDslGenerator = generator::MlDsl.Generators.MlDslGenerator;


namespace MlDsl.Analyzers.Tests;

/// <summary>
/// The kinds behind FreshLeakageCasesC/D cases fixed on branch fixB, each with one more leaky variant (another rule or
/// shape) and a correct look-alike that must stay silent: containers of parts (arrays, lists, dictionaries, records),
/// aggregates over one row's own values and over trailing windows, per-group statistics before a grouped cut, stacking
/// on validation rows, hand-written fold loops, method-group choosers, vocabularies built in loops, query lets and
/// future rows. Same harness as <see cref="FreshLeakageCasesC"/>.
/// </summary>
public sealed partial class FreshLeakageKindsB
{

    // ───────────────────────── containers of parts: constant indices, keys and record members stay apart

    [Fact]
    public Task Dictionary_of_parts_whose_test_entry_is_watched_as_validation_is_reported() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var sets = new Dictionary<string, IReadOnlyList<Patient>> { { "train", split.Train }, { "valid", split.Validation }, { "test", split.Test } };
                using var net = new PatientNet();
                net.Fit(sets["train"], {|#0:sets["test"]|}, new FitOptions { EarlyStoppingPatience = 3 });
                Console.WriteLine(net.Evaluate(sets["valid"]).Accuracy);
            }
        """), "MLDSL0018");

    [Fact]
    public Task List_of_parts_validating_on_its_middle_entry_and_testing_the_last_from_the_end_is_silent() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var parts = new List<IReadOnlyList<Patient>> { split.Train, split.Validation, split.Test };
                using var net = new PatientNet();
                net.Fit(parts[0], parts[1], new FitOptions { EarlyStoppingPatience = 3 });
                Console.WriteLine(net.Evaluate(parts[^1]).Accuracy);
            }
        """));

    [Fact]
    public Task Record_of_three_parts_whose_test_member_is_passed_as_validation_is_reported() => Expect(Program("""
        public sealed record Parts(IReadOnlyList<House> Train, IReadOnlyList<House> Validation, IReadOnlyList<House> Test);

        public static class Program
        {
            static Parts Cut(IReadOnlyList<House> houses)
            {
                var split = houses.Split();
                return new Parts(split.Train, split.Validation, split.Test);
            }

            public static void Main()
            {
                var parts = Cut(CsvFile.Read<House>("houses.csv"));
                using var net = new HouseNet();
                net.Fit(parts.Train, {|#0:parts.Test|}, new FitOptions { EarlyStoppingPatience = 2 });
                Console.WriteLine(net.Evaluate(parts.Validation).MeanAbsoluteError);
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Record_of_parts_scaled_by_a_helper_fitting_on_its_training_member_is_silent() => Expect(Program("""
        public sealed record Parts(IReadOnlyList<House> Train, IReadOnlyList<House> Test);

        public static class Program
        {
            static Parts Scale(Parts parts)
            {
                var scaler = MinMaxScaler.Fit(parts.Train);
                return new Parts(scaler.Apply(parts.Train), scaler.Apply(parts.Test));
            }

            public static void Main()
            {
                var split = CsvFile.Read<House>("houses.csv").Split(new SplitOptions { Validation = 0 });
                var parts = Scale(new Parts(split.Train, split.Test));
                using var net = new HouseNet();
                net.Fit(parts.Train);
                Console.WriteLine(net.Evaluate(parts.Test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Record_of_parts_copied_with_its_test_member_as_validation_is_reported() => Expect(Program("""
        public sealed record Parts(IReadOnlyList<House> Train, IReadOnlyList<House> Validation, IReadOnlyList<House> Test);

        public static class Program
        {
            public static void Main()
            {
                var split = CsvFile.Read<House>("houses.csv").Split();
                var parts = new Parts(Test: split.Test, Train: split.Train, Validation: split.Validation);
                var tuned = parts with { Validation = parts.Test };
                using var net = new HouseNet();
                net.Fit(tuned.Train, {|#0:tuned.Validation|}, new FitOptions { EarlyStoppingPatience = 2 });
                Console.WriteLine(net.Evaluate(parts.Validation).MeanAbsoluteError);
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Collection_expression_of_parts_deconstructed_from_a_record_is_silent() => Expect(Program("""
        public sealed record Parts(IReadOnlyList<House> Train, IReadOnlyList<House> Validation, IReadOnlyList<House> Test);

        public static class Program
        {
            public static void Main()
            {
                var split = CsvFile.Read<House>("houses.csv").Split();
                var (train, validation, test) = new Parts(split.Train, split.Validation, split.Test);
                IReadOnlyList<House>[] parts = [train, validation, test];
                using var net = new HouseNet();
                net.Fit(parts[0], parts[1], new FitOptions { EarlyStoppingPatience = 2 });
                Console.WriteLine(net.Evaluate(parts[^1]).MeanAbsoluteError);
            }
        }
        """));

    // ───────────────────────── an aggregate over one row's own values is no statistic of rows

    [Fact]
    public Task Each_scan_divided_by_its_own_brightest_pixel_before_the_split_is_silent() => Expect(Script("""
            public static void Main()
            {
                var scans = CsvFile.Read<Scan>("scans.csv");
                var normalized = new List<Scan>();
                for (int i = 0; i < scans.Count; i++)
                {
                    float peak = Math.Max(1e-6f, scans[i].Pixels.Max());
                    normalized.Add(scans[i] with { Pixels = scans[i].Pixels.Select(p => p / peak).ToArray() });
                }
                var (train, validation, test) = normalized.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ScanNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        """));

    [Fact]
    public Task Each_scan_centred_on_the_mean_pixel_of_every_scan_before_the_split_is_reported() => Expect(Script("""
            public static void Main()
            {
                var scans = CsvFile.Read<Scan>("scans.csv");
                float mean = {|#0:scans.Average(s => s.Pixels.Average())|};
                var centred = scans.Select(s => s with { Pixels = s.Pixels.Select(p => p - mean).ToArray() }).ToList();
                var (train, validation, test) = centred.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ScanNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        """), "MLDSL0016");

    // ───────────────────────── trailing windows are the row's past; later rows are the future

    [Fact]
    public Task Expanding_mean_of_earlier_promotions_in_a_projection_before_a_time_split_is_silent() => Expect(Script("""
            public sealed record RawSale(DateTime Day, float Promo, float Units);

            public static void Main(List<RawSale> raw)
            {
                var sales = Enumerable.Range(7, raw.Count - 7).Select(i => new Sale
                {
                    Day = raw[i].Day,
                    Promo = raw.Take(i).Average(r => r.Promo),
                    LastWeekUnits = raw.GetRange(i - 7, 7).Sum(r => r.Units),
                    Units = raw[i].Units,
                }).ToList();
                var (train, validation, test) = sales.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new SaleNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        """));

    [Fact]
    public Task Feature_reading_next_weeks_units_in_a_for_loop_is_reported() => Expect(Script("""
            public sealed record RawSale(DateTime Day, float Promo, float Units);

            public static void Main(List<RawSale> raw)
            {
                var sales = new List<Sale>();
                for (int i = 7; i < raw.Count - 7; i++)
                    sales.Add(new Sale { Day = raw[i].Day, Promo = raw[i].Promo, {|#0:LastWeekUnits = raw[i + 7].Units|}, Units = raw[i].Units });
                var (train, validation, test) = sales.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new SaleNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        """), "MLDSL0017");

    // ───────────────────────── per-group statistics of features before a grouped cut

    [Fact]
    public Task Per_subject_mean_steps_before_grouped_folds_is_silent() => Expect(Script("""
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var stepsBySubject = visits.GroupBy(v => v.Subject).ToDictionary(g => g.Key, g => g.Average(v => v.Steps));
                var relative = visits.Select(v => v with { Steps = v.Steps / Math.Max(1f, stepsBySubject[v.Subject]) }).ToList();
                var cv = CrossValidation.Run(relative, CrossValidation.TrainModel<Visit, VisitNet>(() => new VisitNet()),
                    new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 });
                Console.WriteLine(cv.Mean);
            }
        """));

    [Fact]
    public Task Per_subject_mean_steps_before_a_split_that_is_not_grouped_is_reported() => Expect(Script("""
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var stepsBySubject = {|#0:visits.GroupBy(v => v.Subject)|}.ToDictionary(g => g.Key, g => g.Average(v => v.Steps));
                var relative = visits.Select(v => v with { Steps = v.Steps / Math.Max(1f, stepsBySubject[v.Subject]) }).ToList();
                var split = relative.Split({|#1:new SplitOptions { Kind = SplitKind.Stratified }|});
                using var net = new VisitNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        """), "MLDSL0016", "MLDSL0019");

    // ───────────────────────── stacking: validation rows only watched are not trained on

    [Fact]
    public Task Stacked_feature_on_validation_rows_of_a_model_that_kept_its_best_validation_epoch_is_reported() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var first = new PatientNet();
                first.Fit(split.Train, split.Validation, new FitOptions { EarlyStoppingPatience = 3 });
                var stacked = split.Validation.Select(p => p with { Age = {|#0:first.PredictProbabilities(p)|}[1] }).ToList();
                using var second = new PatientNet();
                second.Fit(stacked);
                Console.WriteLine(second.Evaluate(split.Test.Select(p => p with { Age = first.PredictProbabilities(p)[1] }).ToList()).Accuracy);
            }
        """), "MLDSL0028");

    [Fact]
    public Task Stacked_feature_on_validation_rows_only_watched_for_the_loss_is_silent() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var first = new PatientNet();
                first.Fit(split.Train, split.Validation);
                var stacked = split.Validation.Select(p => p with { Age = first.PredictProbabilities(p)[1] }).ToList();
                using var second = new PatientNet();
                second.Fit(stacked);
                Console.WriteLine(second.Evaluate(split.Test.Select(p => p with { Age = first.PredictProbabilities(p)[1] }).ToList()).Accuracy);
            }
        """));

    // ───────────────────────── a hand-written fold loop holds its folds' validation rows out

    [Fact]
    public Task Training_rows_oversampled_before_a_hand_written_fold_loop_are_reported() => Expect(Script("""
            public static void Main()
            {
                var (train, _, test) = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0 });
                Patient[] balanced = {|#0:Oversampler.Random(train, seed: 1)|};
                var scores = new List<double>();
                foreach (Fold fold in Folds.Of(balanced, new FoldOptions { Kind = FoldKind.Stratified, Folds = 4 }))
                {
                    using var model = new PatientNet();
                    model.Fit(fold.Train.Select(i => balanced[i]).ToArray());
                    scores.Add(model.Evaluate(fold.Validation.Select(i => balanced[i]).ToArray()).Accuracy);
                }
                Console.WriteLine(scores.Average());
            }
        """), "MLDSL0026");

    [Fact]
    public Task Scaler_fitted_on_training_rows_for_the_final_model_after_a_fold_loop_on_raw_rows_is_silent() => Expect(Script("""
            public static void Main()
            {
                var (train, _, test) = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0 });
                var scores = new List<double>();
                foreach (Fold fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 4 }))
                {
                    using var model = new PatientNet();
                    model.Fit(fold.Train.Select(i => train[i]).ToArray());
                    scores.Add(model.Evaluate(fold.Validation.Select(i => train[i]).ToArray()).Accuracy);
                }
                var scaler = Standardizer.Fit(train);
                using var final = new PatientNet();
                final.Fit(scaler.Apply(train));
                Console.WriteLine($"{scores.Average()} {final.Evaluate(scaler.Apply(test)).Accuracy}");
            }
        """));

    // ───────────────────────── a method group as a chooser is followed into the method

    [Fact]
    public Task Learning_rate_ordered_by_a_local_function_scoring_on_test_is_reported() => Expect(Script("""
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                double TestAccuracy(double rate)
                {
                    using var candidate = new PatientNet();
                    candidate.Fit(train, validation, new FitOptions { LearningRate = rate });
                    return candidate.Evaluate({|#0:test|}).Accuracy;
                }
                double best = new[] { 1e-2, 1e-3 }.OrderByDescending(TestAccuracy).First();
                Console.WriteLine(best);
            }
        """), "MLDSL0018");

    [Fact]
    public Task Learning_rate_ordered_by_a_local_function_scoring_on_validation_is_silent() => Expect(Script("""
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                double ValidationAccuracy(double rate)
                {
                    using var candidate = new PatientNet();
                    candidate.Fit(train, null, new FitOptions { LearningRate = rate });
                    return candidate.Evaluate(validation).Accuracy;
                }
                double best = new[] { 1e-2, 1e-3 }.OrderByDescending(ValidationAccuracy).First();
                using var final = new PatientNet();
                final.Fit(train, null, new FitOptions { LearningRate = best });
                Console.WriteLine(final.Evaluate(test).Accuracy);
            }
        """));

    // ───────────────────────── vocabularies filled in loops from rows

    [Fact]
    public Task Set_of_words_of_every_tweet_filled_in_a_loop_and_used_through_a_helper_is_reported() => Expect(Script("""
            static int[] Encode(string text, List<string> known) =>
                text.Split(' ').Take(16).Select(w => known.Contains(w) ? known.IndexOf(w) + 1 : 0).Concat(Enumerable.Repeat(0, 16)).Take(16).ToArray();

            public static void Main()
            {
                var tweets = CsvFile.Read<Tweet>("tweets.csv");
                var words = new HashSet<string>();
                foreach (var tweet in {|#0:tweets|})
                    foreach (var word in tweet.Text.Split(' '))
                        words.Add(word);
                var known = words.OrderBy(w => w).Take(999).ToList();
                var encoded = tweets.Select(t => t with { Tokens = Encode(t.Text, known) }).ToList();
                var (train, validation, test) = encoded.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TweetNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        """), "MLDSL0016");

    [Fact]
    public Task Dictionary_of_words_of_the_training_tweets_filled_in_a_loop_is_silent() => Expect(Script("""
            static int[] Encode(string text, Dictionary<string, int> vocabulary) =>
                text.Split(' ').Take(16).Select(w => vocabulary.TryGetValue(w, out int id) ? id : 0).Concat(Enumerable.Repeat(0, 16)).Take(16).ToArray();

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Tweet>("tweets.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var vocabulary = new Dictionary<string, int>();
                foreach (var tweet in train)
                    foreach (var word in tweet.Text.Split(' '))
                        if (!vocabulary.ContainsKey(word) && vocabulary.Count < 999)
                            vocabulary[word] = vocabulary.Count + 1;
                List<Tweet> Encoded(IReadOnlyList<Tweet> rows) => rows.Select(t => t with { Tokens = Encode(t.Text, vocabulary) }).ToList();
                using var net = new TweetNet();
                net.Fit(Encoded(train), Encoded(validation));
                Console.WriteLine(net.Evaluate(Encoded(test)).Accuracy);
            }
        """));

    // A dictionary of records' own values keyed by an id (a join table, like the package-sections example's long
    // descriptions keyed by their md5) gives each row back only what it brought: no vocabulary, nothing learned.
    [Fact]
    public Task Join_table_of_long_texts_keyed_by_id_filled_in_a_loader_before_the_split_is_silent() => Expect(Script("""
            static List<Tweet> Load(string tweetsFile, string longTextsFile)
            {
                var longTexts = new Dictionary<string, string>();
                foreach (var full in CsvFile.Read<Tweet>(longTextsFile))
                    longTexts.TryAdd(full.Text.Split(' ')[0], full.Text);
                var rows = new List<Tweet>();
                foreach (var tweet in CsvFile.Read<Tweet>(tweetsFile))
                    rows.Add(longTexts.TryGetValue(tweet.Text.Split(' ')[0], out string? text) ? tweet with { Text = text } : tweet);
                return rows;
            }

            public static void Main()
            {
                var tweets = Load("tweets.csv", "long.csv");
                var (train, validation, test) = tweets.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var tokenizer = Tokenizer.Fit(train, t => t.Text);
                List<Tweet> Encoded(IReadOnlyList<Tweet> rows) => rows.Select(t => t with { Tokens = tokenizer.Encode(t.Text) }).ToList();
                using var net = new TweetNet();
                net.Fit(Encoded(train), Encoded(validation));
                Console.WriteLine(net.Evaluate(Encoded(test)).Accuracy);
            }
        """));

    // A parser's dictionary of one record's fields, made anew for each record (the package-sections example's deb822
    // reader appends continuation lines with +=): it holds one record at a time and learns nothing across records.
    [Fact]
    public Task Fields_of_one_record_parsed_into_a_dictionary_made_anew_for_each_record_are_silent() => Expect(Script("""
            static IEnumerable<Dictionary<string, string>> Records(string path)
            {
                var fields = new Dictionary<string, string>();
                string current = "";
                foreach (string line in System.IO.File.ReadLines(path))
                {
                    if (line.Length == 0) { yield return fields; fields = new Dictionary<string, string>(); continue; }
                    if (line[0] == ' ') { fields[current] += "\n" + line.Trim(); continue; }
                    int colon = line.IndexOf(':');
                    current = line[..colon];
                    fields.TryAdd(current, line[(colon + 1)..].Trim());
                }
                if (fields.Count > 0) yield return fields; // the last record, flushed once after the loop
            }

            public static void Main()
            {
                var tweets = Records("tweets.txt").Select(f => new Tweet { Text = f["Text"], Positive = int.Parse(f["Positive"]) }).ToList();
                var (train, validation, test) = tweets.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var tokenizer = Tokenizer.Fit(train, t => t.Text);
                List<Tweet> Encoded(IReadOnlyList<Tweet> rows) => rows.Select(t => t with { Tokens = tokenizer.Encode(t.Text) }).ToList();
                using var net = new TweetNet();
                net.Fit(Encoded(train), Encoded(validation));
                Console.WriteLine(net.Evaluate(Encoded(test)).Accuracy);
            }
        """));

    [Fact]
    public Task Index_of_records_by_their_first_word_written_with_an_indexer_before_the_split_is_silent() => Expect(Script("""
            public static void Main()
            {
                var tweets = CsvFile.Read<Tweet>("tweets.csv");
                var byKey = new Dictionary<string, Tweet>();
                foreach (var tweet in tweets)
                    byKey[tweet.Text.Split(' ')[0]] = tweet;
                var unique = byKey.Values.ToList();
                var (train, validation, test) = unique.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TweetNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        """));

    [Fact]
    public Task Word_counts_of_every_tweet_kept_in_a_dictionary_and_used_as_token_values_before_the_split_is_reported() => Expect(Script("""
            public static void Main()
            {
                var tweets = CsvFile.Read<Tweet>("tweets.csv");
                var counts = new Dictionary<string, int>();
                foreach (var tweet in {|#0:tweets|})
                    foreach (var word in tweet.Text.Split(' '))
                        counts[word] = counts.GetValueOrDefault(word) + 1;
                var encoded = tweets.Select(t => t with
                {
                    Tokens = t.Text.Split(' ').Select(w => Math.Min(counts[w], 999)).Concat(Enumerable.Repeat(0, 16)).Take(16).ToArray(),
                }).ToList();
                var (train, validation, test) = encoded.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TweetNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        """), "MLDSL0016");

    // ───────────────────────── a query's let variable is read through its expression

    [Fact]
    public Task Query_let_from_the_label_written_into_a_new_row_is_reported() => Expect(Script("""
            public static List<Patient> Rebuild(IReadOnlyList<Patient> rows) =>
                (from p in rows
                 let flag = p.Diabetic == 1 ? 1f : 0f
                 select new Patient { Glucose = p.Glucose, {|#0:Bmi = p.Bmi + flag|}, Age = p.Age, Diabetic = p.Diabetic }).ToList();
        """), "MLDSL0017");

    [Fact]
    public Task Query_let_from_features_only_is_silent() => Expect(Script("""
            public static List<Patient> Enrich(IReadOnlyList<Patient> rows) =>
                (from p in rows
                 let ratio = p.Glucose / Math.Max(1f, p.Bmi)
                 select p with { Age = ratio }).ToList();
        """));

    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Patient
        {
            [Feature] public float Glucose { get; init; }
            [Feature] public float Bmi { get; init; }
            [Feature] public float Age { get; init; }
            [Label(Classes = 2)] public int Diabetic { get; init; }
        }

        [Model(typeof(Patient))]
        public sealed partial class PatientNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record House
        {
            [Feature] public float Area { get; init; }
            [Feature] public float Rooms { get; init; }
            [Feature] public float NeighbourPrice { get; init; }
            [Ignore] public string District { get; init; } = "";
            [Label] public float Price { get; init; }
        }

        [Model(typeof(House))]
        public sealed partial class HouseNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Visit
        {
            [GroupKey] public int Subject { get; init; }
            [Feature] public float HeartRate { get; init; }
            [Feature] public float Steps { get; init; }
            [Label(Classes = 2)] public int Fell { get; init; }
        }

        [Model(typeof(Visit))]
        public sealed partial class VisitNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Sale
        {
            [Timestamp] public DateTime Day { get; init; }
            [Feature] public float Promo { get; init; }
            [Feature] public float LastWeekUnits { get; init; }
            [Label] public float Units { get; init; }
        }

        [Model(typeof(Sale))]
        public sealed partial class SaleNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Tweet
        {
            [Ignore] public string Text { get; init; } = "";
            [Feature, Shape(16), Vocabulary(1000)] public int[] Tokens { get; init; } = Array.Empty<int>();
            [Label(Classes = 2)] public int Positive { get; init; }
        }

        [Model(typeof(Tweet))]
        public sealed partial class TweetNet
        {
            [Embedding(1000, 8), Flatten] Layer embed;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Scan
        {
            [Feature, Shape(1, 8, 8)] public float[] Pixels { get; init; } = Array.Empty<float>();
            [Label(Classes = 3)] public int Kind { get; init; }
        }

        [Model(typeof(Scan))]
        public sealed partial class ScanNet
        {
            [Conv2d(4, Kernel = 3), Relu, Flatten] Layer conv;
            [Linear(3)] Layer output;
        }

        /// <summary>A line of the clinic's export, before it becomes a row.</summary>
        public sealed record RawPatient(float Glucose, float Bmi, float Age, int Outcome);

        """;



    /// <summary>A script class around <paramref name="body"/>, with the shared rows after it.</summary>
    private static string Script(string body) => Usings + "public static class Script\n{\n" + body + "\n}\n" + Rows;

    /// <summary>Declarations only (rows of one's own), with the usings.</summary>
    private static string Declarations(string types) => Usings + types;

    /// <summary>Both leakage analyzers' diagnostics must be exactly <paramref name="expected"/> at the marks (<see cref="LeakageExpectation"/>).</summary>
    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    /// <summary>A whole program of several types (no script class), with the shared rows after it.</summary>
    private static string Program(string types) => Usings + types + Rows;
}
