namespace MlDsl.Analyzers.Tests;

/// <summary>Set N, kind 1: statistics learned from rows that later reach validation or test (leaks).</summary>
public sealed partial class FreshLeakageCasesN
{
    // Kaggle "Pima Indians Diabetes" notebooks: zeros in Insulin replaced by the median of the non-zero values of the
    // whole frame, then train_test_split (Yang et al., ASE 2022: preprocessing leakage). Median in a static helper.
    [Fact]
    public Task Insulin_zeros_filled_with_the_median_of_every_screening_is_reported() => Expect(Program("""
        public static class DiabetesNotebook
        {
            static float Median(IEnumerable<float> values)
            {
                var sorted = values.OrderBy(v => v).ToArray();
                return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2f;
            }

            public static void Main()
            {
                var df = CsvFile.Read<Screening>("diabetes.csv").ToList();
                Console.WriteLine($"{df.Count} rows, {df.Count(s => s.Insulin == 0)} zero insulin");
                float insulinMedian = {|#0:Median(df.Select(s => s.Insulin).Where(v => v > 0))|};
                df = df.Select(s => s.Insulin == 0 ? s with { Insulin = insulinMedian } : s).ToList();
                var (X_train, X_val, X_test) = df.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 0 });
                using var clf = new ScreeningNet();
                clf.Fit(X_train, X_val, new FitOptions { Epochs = 50 });
                Console.WriteLine($"accuracy {clf.Evaluate(X_test).Accuracy:P1}");
            }
        }
        """), "MLDSL0016");

    // Kaggle "Telco Customer Churn" notebooks: TotalCharges has blanks, filled with SimpleImputer(strategy="median") on
    // the whole frame before the split, here in a sklearn-style Prep class with Fit and Transform (Kapoor & Narayanan L1.2).
    [Fact]
    public Task Prep_class_fitting_its_imputer_on_every_subscriber_is_reported() => Expect(Program("""
        public sealed class Prep
        {
            private Imputer? imputer;
            private Standardizer? scaler;

            public Prep Fit(IReadOnlyList<Subscriber> rows)
            {
                imputer = Imputer.Fit(rows, ImputeStrategy.Median);
                scaler = Standardizer.Fit(imputer.Apply(rows));
                return this;
            }

            public Subscriber[] Transform(IReadOnlyList<Subscriber> rows) => scaler!.Apply(imputer!.Apply(rows));
        }

        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var prep = new Prep();
                {|#0:prep.Fit(customers)|};
                var X = prep.Transform(customers);
                var split = X.Split(new SplitOptions { Kind = SplitKind.Stratified, Test = 0.25, Seed = 42 });
                using var model = new ChurnNet();
                model.Fit(split.Train, split.Validation, new FitOptions { Epochs = 30 });
                Console.WriteLine($"test accuracy {model.Evaluate(split.Test).Accuracy:P2}");
            }
        }
        """), "MLDSL0016");

    // Boston/Ames housing notebooks: `X = StandardScaler().fit_transform(X)` then `train_test_split(X, y)`; the frame
    // variable is reassigned as notebooks do (scikit-learn "Common pitfalls": inconsistent preprocessing / data leakage).
    [Fact]
    public Task Standardizer_fitted_on_every_listing_and_reassigned_before_the_split_is_reported() => Expect(Program("""
        public static class HousePrices
        {
            public static void Main()
            {
                IReadOnlyList<Listing> X = CsvFile.Read<Listing>("train.csv");
                X = X.Where(l => l.Area < 4000).ToList();
                var scaler = Standardizer.Fit({|#0:X|});
                X = scaler.Apply(X);
                var parts = X.Split(new SplitOptions { Validation = 0.1, Test = 0.2, Seed = 1 });
                using var reg = new ListingNet();
                reg.Fit(parts.Train, parts.Validation, new FitOptions { Epochs = 100, LearningRate = 3e-3 });
                Console.WriteLine($"RMSE-ish MAE {reg.Evaluate(parts.Test).MeanAbsoluteError:F0}");
            }
        }
        """), "MLDSL0016");

    // IMDB sentiment notebooks that build the word index from every review (Keras `Tokenizer.fit_on_texts(all_texts)`)
    // before the split; here the vocabulary is counted by hand in nested loops and kept in a dictionary.
    [Fact]
    public Task Word_index_counted_by_hand_over_every_review_is_reported() => Expect(Program("""
        public static class Sentiment
        {
            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("imdb.csv");
                var counts = new Dictionary<string, int>();
                foreach (var review in {|#0:reviews|})
                    foreach (var word in review.Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        counts[word] = counts.GetValueOrDefault(word) + 1;
                var index = counts.OrderByDescending(kv => kv.Value).Take(4998)
                    .Select((kv, i) => (kv.Key, Id: i + 2)).ToDictionary(p => p.Key, p => p.Id);
                int[] Encode(string text) => text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(w => index.TryGetValue(w, out int id) ? id : 1).Concat(Enumerable.Repeat(0, 32)).Take(32).ToArray();
                var encoded = reviews.Select(r => r with { Tokens = Encode(r.Text) }).ToList();
                var (train, validation, test) = encoded.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ReviewNet();
                net.Fit(train, validation, new FitOptions { Epochs = 5 });
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Same IMDB shape with MlDsl's Tokenizer, fitted and applied by a local function that the notebook calls on the
    // whole corpus before splitting (Yang et al., ASE 2022: preprocessing leakage through a vectoriser).
    [Fact]
    public Task Tokenizer_fitted_by_a_local_function_on_every_review_is_reported() => Expect(Program("""
        public static class Sentiment
        {
            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("imdb.csv");
                List<Review> Vectorise(IReadOnlyList<Review> texts)
                {
                    var tokenizer = Tokenizer.Fit(texts, r => r.Text, new TokenizerOptions { MaxTokens = 5000, Length = 32 });
                    return texts.Select(r => r with { Tokens = tokenizer.Encode(r.Text) }).ToList();
                }
                var data = {|#0:Vectorise(reviews)|};
                var split = data.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
                using var net = new ReviewNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine($"test accuracy: {net.Evaluate(split.Test).Accuracy:P1}");
            }
        }
        """), "MLDSL0016");

    // Kaggle "House Prices" kernels that target-encode the street/neighbourhood with category_encoders' TargetEncoder
    // on the full training frame before cross-validating (Data Science SE "target encoding before or after split").
    [Fact]
    public Task Street_target_encoded_on_every_listing_before_the_split_is_reported() => Expect(Program("""
        public static class HousePrices
        {
            public static void Main()
            {
                var listings = CsvFile.Read<Listing>("train.csv");
                var street = new CategoricalColumn<Listing>("Street", l => l.Street, (l, v) => l with { StreetPrice = v });
                var encoder = TargetEncoder.Fit({|#0:listings|}, street);
                var encoded = encoder.Apply(listings);
                var (train, validation, test) = encoded.Split(new SplitOptions { Seed = 11 });
                using var reg = new ListingNet();
                reg.Fit(train, validation);
                Console.WriteLine(reg.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    // A notebook's table of preprocessing recipes chosen by a config string (a "preprocessors = {'minmax': ...}" dict),
    // each recipe fitting on the rows it is handed; the chosen one is applied to every subscriber before the split.
    [Fact]
    public Task Recipe_from_a_dictionary_of_lambdas_applied_to_every_subscriber_is_reported() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                string recipe = Environment.GetEnvironmentVariable("PREP") ?? "minmax";
                var preprocessors = new Dictionary<string, Func<IReadOnlyList<Subscriber>, Subscriber[]>>
                {
                    ["minmax"] = rows => MinMaxScaler.Fit(rows).Apply(rows),
                    ["zscore"] = rows => Standardizer.Fit(rows).Apply(rows),
                };
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var prepared = {|#0:preprocessors[recipe](customers)|};
                var split = prepared.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ChurnNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Winsorising at the 1st/99th percentile of the whole frame (a Cross Validated answer on outliers, applied before
    // the split in many Kaggle diabetes kernels); the bounds come back from a helper as a tuple.
    [Fact]
    public Task Insulin_clipped_at_percentiles_of_every_screening_is_reported() => Expect(Program("""
        public static class DiabetesNotebook
        {
            static (float Low, float High) Bounds(IEnumerable<float> values)
            {
                var sorted = values.OrderBy(v => v).ToList();
                return (sorted[sorted.Count / 100], sorted[sorted.Count * 99 / 100]);
            }

            public static void Main()
            {
                var screenings = CsvFile.Read<Screening>("diabetes.csv");
                var (low, high) = {|#0:Bounds(screenings.Select(s => s.Insulin))|};
                var clipped = screenings.Select(s => s with { Insulin = Math.Clamp(s.Insulin, low, high) }).ToList();
                var split = clipped.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ScreeningNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // scikit-learn "Common pitfalls" (SelectKBest before train_test_split), with f_regression on house prices inside a
    // helper that reduces and returns the rows.
    [Fact]
    public Task Features_selected_by_f_regression_on_every_listing_in_a_helper_is_reported() => Expect(Program("""
        public static class HousePrices
        {
            static Listing[] Reduce(IReadOnlyList<Listing> rows, int k) =>
                SelectKBest.Fit(rows, ScoreFunction.FRegression, k).Apply(rows);

            public static void Main()
            {
                var listings = CsvFile.Read<Listing>("train.csv");
                var reduced = {|#0:Reduce(listings, 4)|};
                var split = reduced.Split();
                using var reg = new DeepListingNet();
                reg.Fit(split.Train, split.Validation);
                Console.WriteLine(reg.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    // A global cap kept in a static settings class: the largest support-call count of all customers, read later by a
    // per-row normaliser (Kaufman et al., KDD 2011: global normalisation).
    [Fact]
    public Task Support_calls_divided_by_a_static_max_of_every_subscriber_is_reported() => Expect(Program("""
        public static class Settings
        {
            public static float MaxCalls = 1f;
        }

        public static class ChurnNotebook
        {
            static Subscriber Normalise(Subscriber s) => s with { SupportCalls = s.SupportCalls / Settings.MaxCalls };

            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                Settings.MaxCalls = {|#0:customers.Max(c => c.SupportCalls)|};
                var normalised = customers.Select(Normalise).ToList();
                var (train, validation, test) = normalised.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ChurnNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // The Kaggle competition habit of fitting the scaler on train and test concatenated ("so both have the same
    // scale"), questioned on Data Science SE; the split's parts are glued back together for the fit.
    [Fact]
    public Task Scaler_fitted_on_train_and_test_concatenated_is_reported() => Expect(Program("""
        public static class DiabetesNotebook
        {
            public static void Main()
            {
                var screenings = CsvFile.Read<Screening>("diabetes.csv");
                var split = screenings.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 5 });
                var scaler = MinMaxScaler.Fit({|#0:split.Train.Concat(split.Test).ToList()|});
                using var net = new ScreeningNet();
                net.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(net.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }
        }
        """), "MLDSL0016");

    // An imputer fitted on training plus validation rows with a collection expression, then used on both; the
    // validation score that picks the epoch saw its own statistics (Kapoor & Narayanan L1.2, validation as held-out).
    [Fact]
    public Task Imputer_fitted_on_training_and_validation_rows_together_is_reported() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var (train, validation, test) = customers.Split(new SplitOptions { Kind = SplitKind.Stratified });
                List<Subscriber> known = [.. train, .. validation];
                var imputer = Imputer.Fit({|#0:known|}, ImputeStrategy.Mean);
                using var model = new ChurnNet();
                model.Fit(imputer.Apply(train), imputer.Apply(validation), new FitOptions { EarlyStoppingPatience = 4, Epochs = 60 });
                Console.WriteLine(model.Evaluate(imputer.Apply(test)).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Fit, apply and split in one fluent chain (the `pd.DataFrame(scaler.fit_transform(df)).pipe(train_test_split)`
    // one-liner), Yang et al. ASE 2022 preprocessing leakage.
    [Fact]
    public Task Fit_apply_and_split_in_one_chain_is_reported() => Expect(Program("""
        public static class HousePrices
        {
            public static void Main()
            {
                var all = CsvFile.Read<Listing>("train.csv");
                var split = MinMaxScaler.Fit({|#0:all|}).Apply(all).Split(new SplitOptions { Seed = 9 });
                using var reg = new ListingNet();
                reg.Fit(split.Train, split.Validation);
                Console.WriteLine(reg.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");
}
