namespace MlDsl.Analyzers.Tests;

/// <summary>Set N, kind 2: rows multiplied or invented before the split, and oversampling kept to training rows.</summary>
public sealed partial class FreshLeakageCasesN
{
    // Kaggle churn notebooks that upsample the minority class with sklearn.utils.resample on the whole frame and then
    // call train_test_split (Yang et al., ASE 2022: overlap leakage; copies land on both sides). Written as a while loop.
    [Fact]
    public Task Churners_resampled_by_hand_in_a_while_loop_before_the_split_is_reported() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var churned = customers.Where(c => c.Churned == 1).ToList();
                var stayed = customers.Where(c => c.Churned == 0).ToList();
                var rng = new Random(123);
                var balanced = new List<Subscriber>(stayed);
                balanced.AddRange(churned);
                int need = stayed.Count - churned.Count;
                while (need-- > 0)
                    {|#0:balanced.Add(churned[rng.Next(churned.Count)])|};
                var split = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 123 });
                using var model = new ChurnNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine($"balanced test accuracy {model.Evaluate(split.Test).Accuracy:P1}");
            }
        }
        """), "MLDSL0026");

    // SMOTE written by hand (a Stack Overflow "implement SMOTE from scratch" answer) on every screening, the synthetic
    // rows concatenated to the originals and the result split (Cross Validated "SMOTE before or after split?": after).
    // Reported where the synthetic rows join their parents (the Concat); first marked at the Add.
    [Fact]
    public Task Smote_written_by_hand_over_every_screening_before_the_split_is_reported() => Expect(Program("""
        public static class DiabetesNotebook
        {
            static float Distance(Screening a, Screening b) =>
                MathF.Sqrt((a.Glucose - b.Glucose) * (a.Glucose - b.Glucose) + (a.Bmi - b.Bmi) * (a.Bmi - b.Bmi));

            public static void Main()
            {
                var screenings = CsvFile.Read<Screening>("diabetes.csv");
                var minority = screenings.Where(s => s.Diabetic == 1).ToList();
                var random = new Random(0);
                var synthetic = new List<Screening>();
                foreach (var a in minority)
                {
                    var b = minority.Where(m => m != a).OrderBy(m => Distance(a, m)).First();
                    float gap = random.NextSingle();
                    synthetic.Add(a with
                    {
                        Glucose = a.Glucose + gap * (b.Glucose - a.Glucose),
                        Bmi = a.Bmi + gap * (b.Bmi - a.Bmi),
                        Insulin = a.Insulin + gap * (b.Insulin - a.Insulin),
                    });
                }
                var all = {|#0:screenings.Concat(synthetic)|}.ToList();
                var (train, validation, test) = all.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ScreeningNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0026");

    // Text augmentation (random word deletion, "EDA: Easy Data Augmentation") applied to every review before the
    // split, so an augmented copy of a test review is trained on.
    [Fact]
    public Task Word_dropout_copies_of_every_review_before_the_split_is_reported() => Expect(Program("""
        public static class Sentiment
        {
            static string DropWords(string text, Random rng) =>
                string.Join(' ', text.Split(' ').Where(_ => rng.NextDouble() > 0.1));

            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("imdb.csv");
                var rng = new Random(7);
                var augmented = {|#0:reviews.SelectMany(r => new[] { r, r with { Text = DropWords(r.Text, rng) } })|}.ToList();
                var split = augmented.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var tokenizer = Tokenizer.Fit(split, r => r.Text, new TokenizerOptions { MaxTokens = 5000, Length = 32 });
                List<Review> Encode(IEnumerable<Review> rows) => rows.Select(r => r with { Tokens = tokenizer.Encode(r.Text) }).ToList();
                using var net = new ReviewNet();
                net.Fit(Encode(split.Train), Encode(split.Validation));
                Console.WriteLine(net.Evaluate(Encode(split.Test)).Accuracy);
            }
        }
        """), "MLDSL0026");

    // A loader module that oversamples as it reads (imbalanced-learn's RandomOverSampler in a `load_data()` of a
    // Kaggle utility script); the notebook only sees balanced rows and splits them (Kapoor & Narayanan L1.3, duplicates).
    // Reported at the loader's call, whose rows are then split; first marked at the Oversampler call inside the loader.
    [Fact]
    public Task Loader_that_oversamples_churners_as_it_reads_is_reported() => Expect(Program("""
        public static class DataModule
        {
            public static IReadOnlyList<Subscriber> LoadBalanced(string path)
            {
                var customers = CsvFile.Read<Subscriber>(path);
                Console.WriteLine($"read {customers.Count} customers");
                return Oversampler.Random(customers, seed: 1);
            }
        }

        public static class ChurnNotebook
        {
            public static void Main()
            {
                var data = {|#0:DataModule.LoadBalanced("telco_churn.csv")|};
                var split = data.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new WideChurnNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0026");

    // Weighting expensive houses by repeating them (a Cross Validated question on "duplicating rows as sample
    // weights"), three copies added in a for loop before the split.
    [Fact]
    public Task Expensive_listings_repeated_three_times_before_the_split_is_reported() => Expect(Program("""
        public static class HousePrices
        {
            public static void Main()
            {
                var listings = CsvFile.Read<Listing>("train.csv");
                var weighted = new List<Listing>(listings);
                for (int copy = 0; copy < 3; copy++)
                    {|#0:weighted.AddRange(listings.Where(l => l.Price > 500_000f))|};
                var (train, validation, test) = weighted.Split(new SplitOptions { Seed = 2 });
                using var reg = new ListingNet();
                reg.Fit(train, validation);
                Console.WriteLine(reg.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0026");

    // The fix the imbalanced-learn docs give: oversample the training part only, after the split, with the same
    // hand-written while loop; validation and test keep their natural balance.
    [Fact]
    public Task Churners_resampled_by_hand_from_the_training_part_only_stays_silent() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var split = customers.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 123 });
                var churned = split.Train.Where(c => c.Churned == 1).ToList();
                var stayed = split.Train.Where(c => c.Churned == 0).ToList();
                var rng = new Random(123);
                var balanced = new List<Subscriber>(stayed);
                balanced.AddRange(churned);
                int need = stayed.Count - churned.Count;
                while (need-- > 0)
                    balanced.Add(churned[rng.Next(churned.Count)]);
                using var model = new ChurnNet();
                model.Fit(balanced, split.Validation);
                Console.WriteLine($"test accuracy {model.Evaluate(split.Test).Accuracy:P1}");
            }
        }
        """));

    // Word-dropout augmentation of the training reviews only (EDA's own protocol), through Oversampler.Augment.
    [Fact]
    public Task Word_dropout_copies_of_training_reviews_only_stay_silent() => Expect(Program("""
        public static class Sentiment
        {
            static string DropWords(string text, Random rng) =>
                string.Join(' ', text.Split(' ').Where(_ => rng.NextDouble() > 0.1));

            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("imdb.csv");
                var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var tokenizer = Tokenizer.Fit(split, r => r.Text, new TokenizerOptions { MaxTokens = 5000, Length = 32 });
                List<Review> Encode(IEnumerable<Review> rows) => rows.Select(r => r with { Tokens = tokenizer.Encode(r.Text) }).ToList();
                var augmented = Oversampler.Augment(split.Train, (r, rng) => r with { Text = DropWords(r.Text, rng) }, copies: 1, seed: 7);
                using var net = new ReviewNet();
                net.Fit(Encode(augmented), Encode(split.Validation));
                Console.WriteLine(net.Evaluate(Encode(split.Test)).Accuracy);
            }
        }
        """));

    // Oversampling inside each cross-validation fold's training rows (imbalanced-learn's Pipeline in cross_val_score):
    // the scorer balances its fold and scores on the untouched fold; the mean is reported.
    [Fact]
    public Task Smote_inside_each_folds_scorer_and_scores_averaged_stays_silent() => Expect(Program("""
        public static class DiabetesNotebook
        {
            public static void Main()
            {
                var screenings = CsvFile.Read<Screening>("diabetes.csv");
                var split = screenings.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var cv = CrossValidation.Run(split.Train, (foldTrain, foldValidation) =>
                {
                    var upsampled = Oversampler.Smote(foldTrain, k: 5, seed: 1);
                    using var net = new ScreeningNet();
                    net.Fit(upsampled, null, new FitOptions { Epochs = 25 });
                    return net.Evaluate(foldValidation).Accuracy;
                }, new FoldOptions { Kind = FoldKind.Stratified });
                Console.WriteLine($"CV {cv.Mean:P1} ± {cv.StandardDeviation:P1}");
            }
        }
        """));
}
