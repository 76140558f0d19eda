namespace MlDsl.Analyzers.Tests;

/// <summary>Set N, kind 1: correct look-alikes (statistics from training rows only, fits for a printout, folds).</summary>
public sealed partial class FreshLeakageCasesN
{
    // The fix to the Pima median case (scikit-learn "Common pitfalls": fit on the training data only): the same helper
    // computes the median of the training rows, and the median fills every part.
    [Fact]
    public Task Insulin_zeros_filled_with_the_training_median_stays_silent() => Expect(Program("""
        public static class DiabetesNotebook
        {
            static float Median(IEnumerable<float> values)
            {
                var sorted = values.OrderBy(v => v).ToArray();
                return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2f;
            }

            static List<Screening> Fill(IEnumerable<Screening> rows, float median) =>
                rows.Select(s => s.Insulin == 0 ? s with { Insulin = median } : s).ToList();

            public static void Main()
            {
                var df = CsvFile.Read<Screening>("diabetes.csv");
                var (X_train, X_val, X_test) = df.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 0 });
                float insulinMedian = Median(X_train.Select(s => s.Insulin).Where(v => v > 0));
                using var clf = new ScreeningNet();
                clf.Fit(Fill(X_train, insulinMedian), Fill(X_val, insulinMedian), new FitOptions { Epochs = 50 });
                Console.WriteLine($"accuracy {clf.Evaluate(Fill(X_test, insulinMedian)).Accuracy:P1}");
            }
        }
        """));

    // The Prep class of the churn case fitted on the training part only, then used to transform every part.
    [Fact]
    public Task Prep_class_fitted_on_the_training_subscribers_stays_silent() => Expect(Program("""
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
                var split = customers.Split(new SplitOptions { Kind = SplitKind.Stratified, Test = 0.25, Seed = 42 });
                var prep = new Prep().Fit(split.Train);
                using var model = new ChurnNet();
                model.Fit(prep.Transform(split.Train), prep.Transform(split.Validation), new FitOptions { Epochs = 30 });
                Console.WriteLine($"test accuracy {model.Evaluate(prep.Transform(split.Test)).Accuracy:P2}");
            }
        }
        """));

    // Notebook habit of describing the data first: a scaler fitted on every listing only to print the means and
    // deviations (a fit whose result never reaches training), then the real scaler fitted on the split.
    [Fact]
    public Task Scaler_on_every_listing_only_printed_then_one_fitted_on_the_split_stays_silent() => Expect(Program("""
        public static class HousePrices
        {
            public static void Main()
            {
                IReadOnlyList<Listing> X = CsvFile.Read<Listing>("train.csv");
                var overview = Standardizer.Fit(X);
                for (int i = 0; i < overview.Features.Count; i++)
                    Console.WriteLine($"{overview.Features[i],-12} mean {overview.Shift[i],10:F1} scale {overview.Scale[i],10:F3}");
                Console.WriteLine($"largest area {X.Max(l => l.Area)}, mean price {X.Average(l => l.Price):F0}");
                var parts = X.Split(new SplitOptions { Validation = 0.1, Test = 0.2, Seed = 1 });
                var scaler = Standardizer.Fit(parts);
                X = scaler.Apply(parts.Train);
                using var reg = new ListingNet();
                reg.Fit(X, scaler.Apply(parts.Validation), new FitOptions { Epochs = 100, LearningRate = 3e-3 });
                Console.WriteLine($"MAE {reg.Evaluate(scaler.Apply(parts.Test)).MeanAbsoluteError:F0}");
            }
        }
        """));

    // The hand-counted word index of the IMDB case, counted over the training reviews only and used to encode all
    // three parts (the fix the Keras docs give: fit_on_texts(train_texts)).
    [Fact]
    public Task Word_index_counted_over_training_reviews_only_stays_silent() => Expect(Program("""
        public static class Sentiment
        {
            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("imdb.csv");
                var (train, validation, test) = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var counts = new Dictionary<string, int>();
                foreach (var review in train)
                    foreach (var word in review.Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        counts[word] = counts.GetValueOrDefault(word) + 1;
                var index = counts.OrderByDescending(kv => kv.Value).Take(4998)
                    .Select((kv, i) => (kv.Key, Id: i + 2)).ToDictionary(p => p.Key, p => p.Id);
                int[] Encode(string text) => text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(w => index.TryGetValue(w, out int id) ? id : 1).Concat(Enumerable.Repeat(0, 32)).Take(32).ToArray();
                List<Review> Encoded(IEnumerable<Review> rows) => rows.Select(r => r with { Tokens = Encode(r.Text) }).ToList();
                using var net = new ReviewNet();
                net.Fit(Encoded(train), Encoded(validation), new FitOptions { Epochs = 5 });
                Console.WriteLine(net.Evaluate(Encoded(test)).Accuracy);
            }
        }
        """));

    // scikit-learn "Common pitfalls" fix with cross-validation: the scaler is refitted inside each fold of the training
    // rows (the Pipeline inside cross_val_score), fold scores averaged, test evaluated once at the end.
    [Fact]
    public Task Scaler_refitted_inside_each_fold_and_scores_averaged_stays_silent() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var split = customers.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var cv = CrossValidation.Run(split.Train,
                    CrossValidation.TrainModel<Subscriber, ChurnNet>(() => new ChurnNet(), new FitOptions { Epochs = 20 }),
                    new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 },
                    prepare: foldTrain =>
                    {
                        var scaler = MinMaxScaler.Fit(foldTrain);
                        return rows => scaler.Apply(rows);
                    });
                Console.WriteLine($"CV accuracy {cv.Mean:P1} ± {cv.StandardDeviation:P1}");
                var final = MinMaxScaler.Fit(split.Train);
                using var model = new ChurnNet();
                model.Fit(final.Apply(split.Train), final.Apply(split.Validation), new FitOptions { Epochs = 20 });
                Console.WriteLine($"test {model.Evaluate(final.Apply(split.Test)).Accuracy:P1}");
            }
        }
        """));

    // Per-row features from the row's own members (charges per month of tenure) need no statistic over rows; the cap
    // used to rescale is the training maximum, kept in the same static settings class as the leaky case.
    [Fact]
    public Task Per_row_ratio_and_a_static_cap_from_training_rows_stay_silent() => Expect(Program("""
        public static class Settings
        {
            public static float MaxCalls = 1f;
        }

        public static class ChurnNotebook
        {
            static Subscriber Normalise(Subscriber s) => s with
            {
                SupportCalls = s.SupportCalls / Settings.MaxCalls,
                PlanRate = s.TotalCharges / Math.Max(1f, s.Tenure),
            };

            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var (train, validation, test) = customers.Split(new SplitOptions { Kind = SplitKind.Stratified });
                Settings.MaxCalls = train.Max(c => c.SupportCalls);
                using var model = new ChurnNet();
                model.Fit(train.Select(Normalise).ToList(), validation.Select(Normalise).ToList());
                Console.WriteLine(model.Evaluate(test.Select(Normalise).ToList()).Accuracy);
            }
        }
        """));

    // Percentile clipping learned inside a hand-written k-fold loop over the training screenings only (the fold's
    // held-out part is a fold, not the test set); fold scores averaged; test scored once with training bounds.
    [Fact]
    public Task Percentile_bounds_learned_per_fold_of_the_training_rows_stay_silent() => Expect(Program("""
        public static class DiabetesNotebook
        {
            static (float Low, float High) Bounds(IEnumerable<float> values)
            {
                var sorted = values.OrderBy(v => v).ToList();
                return (sorted[sorted.Count / 100], sorted[sorted.Count * 99 / 100]);
            }

            static List<Screening> Clip(IEnumerable<Screening> rows, (float Low, float High) b) =>
                rows.Select(s => s with { Insulin = Math.Clamp(s.Insulin, b.Low, b.High) }).ToList();

            public static void Main()
            {
                var screenings = CsvFile.Read<Screening>("diabetes.csv");
                var split = screenings.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scores = new List<double>();
                foreach (var fold in Folds.Of(split.Train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }))
                {
                    var fit = fold.Train.Select(i => split.Train[i]).ToList();
                    var held = fold.Validation.Select(i => split.Train[i]).ToList();
                    var bounds = Bounds(fit.Select(s => s.Insulin));
                    using var net = new ScreeningNet();
                    net.Fit(Clip(fit, bounds), null, new FitOptions { Epochs = 30 });
                    scores.Add(net.Evaluate(Clip(held, bounds)).Accuracy);
                }
                Console.WriteLine($"5-fold accuracy {scores.Average():P1}");
                var trainBounds = Bounds(split.Train.Select(s => s.Insulin));
                using var final = new ScreeningNet();
                final.Fit(Clip(split.Train, trainBounds), Clip(split.Validation, trainBounds), new FitOptions { Epochs = 30 });
                Console.WriteLine($"test accuracy {final.Evaluate(Clip(split.Test, trainBounds)).Accuracy:P1}");
            }
        }
        """));

    // The dictionary of recipes from the leaky churn case, called on the training part through the split overloads;
    // the fitted recipe is returned as a function and applied to each part.
    [Fact]
    public Task Recipe_from_a_dictionary_fitted_on_the_training_subscribers_stays_silent() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                string recipe = Environment.GetEnvironmentVariable("PREP") ?? "minmax";
                var recipes = new Dictionary<string, Func<IReadOnlyList<Subscriber>, Func<IReadOnlyList<Subscriber>, Subscriber[]>>>
                {
                    ["minmax"] = fitRows => { var s = MinMaxScaler.Fit(fitRows); return rows => s.Apply(rows); },
                    ["zscore"] = fitRows => { var s = Standardizer.Fit(fitRows); return rows => s.Apply(rows); },
                };
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var split = customers.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var transform = recipes[recipe](split.Train);
                using var model = new ChurnNet();
                model.Fit(transform(split.Train), transform(split.Validation));
                Console.WriteLine(model.Evaluate(transform(split.Test)).Accuracy);
            }
        }
        """));

    // House-price target encoding done right (Data Science SE answer: fit on the training fold, out of fold for its own
    // rows): FitApply gives out-of-fold training values, the table encodes validation and test.
    [Fact]
    public Task Street_target_encoded_out_of_fold_on_the_training_listings_stays_silent() => Expect(Program("""
        public static class HousePrices
        {
            public static void Main()
            {
                var listings = CsvFile.Read<Listing>("train.csv");
                var street = new CategoricalColumn<Listing>("Street", l => l.Street, (l, v) => l with { StreetPrice = v });
                var (train, validation, test) = listings.Split(new SplitOptions { Seed = 11 });
                var encoded = TargetEncoder.FitApply(train, street);
                using var reg = new ListingNet();
                reg.Fit(encoded.Train, encoded.Encoder.Apply(validation));
                Console.WriteLine(reg.Evaluate(encoded.Encoder.Apply(test)).MeanAbsoluteError);
            }
        }
        """));
}
