namespace MlDsl.Analyzers.Tests;

/// <summary>Set J, kind "rows multiplied or invented before the split" (MLDSL0026).</summary>
public sealed partial class FreshLeakageCasesJ
{
    // Vandewiele et al., "Overly optimistic prediction results on imbalanced data: a case study of flaws and benefits
    // when applying over-sampling" (2021): SMOTE applied to the whole data set before the split.
    [Fact]
    public Task Smote_on_every_loan_before_the_split_is_reported() => Expect(Program("""
        public static class Imbalanced
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                Console.WriteLine($"defaults: {loans.Count(l => l.Defaulted == 1)} of {loans.Count}");
                Loan[] balanced = {|#0:Oversampler.Smote(loans, k: 5, seed: 3)|};
                var (train, validation, test) = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train, validation, new FitOptions { Epochs = 25 });
                Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P2}");
            }
        }
        """), "MLDSL0026");

    [Fact]
    public Task Smote_on_the_training_part_only_is_silent() => Expect(Program("""
        public static class Imbalanced
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                Console.WriteLine($"defaults: {loans.Count(l => l.Defaulted == 1)} of {loans.Count}");
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                Loan[] balanced = Oversampler.Smote(train, k: 5, seed: 3);
                using var model = new LoanNet();
                model.Fit(balanced, validation, new FitOptions { Epochs = 25 });
                Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P2}");
            }
        }
        """));

    // Text augmentation (EDA, Wei & Zou 2019) applied to every review in a loop, the original and its copy added to
    // one list, then split: a review and its paraphrase land on both sides.
    [Fact]
    public Task Review_and_its_augmented_copy_added_in_a_loop_before_the_split_is_reported() => Expect(Program("""
        public static class Augmenting
        {
            private static Review Shuffled(Review r, Random random) =>
                r with { Text = string.Join(' ', r.Text.Split(' ').OrderBy(_ => random.Next())), Length = r.Length };

            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("reviews.csv");
                var random = new Random(5);
                var augmented = new List<Review>();
                foreach (var review in reviews)
                {
                    augmented.Add(review);
                    if (review.Liked == 0)
                        {|#0:augmented.Add(Shuffled(review, random))|};
                }
                var split = augmented.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReviewNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0026");

    [Fact]
    public Task Reviews_augmented_in_a_loop_over_the_training_part_only_is_silent() => Expect(Program("""
        public static class Augmenting
        {
            private static Review Shuffled(Review r, Random random) =>
                r with { Text = string.Join(' ', r.Text.Split(' ').OrderBy(_ => random.Next())), Length = r.Length };

            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("reviews.csv");
                var random = new Random(5);
                var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var augmented = new List<Review>();
                foreach (var review in split.Train)
                {
                    augmented.Add(review);
                    if (review.Liked == 0)
                        augmented.Add(Shuffled(review, random));
                }
                using var model = new ReviewNet();
                model.Fit(augmented, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike: if/else yields one row per input (a cleaned row OR the original): nothing is copied.
    [Fact]
    public Task Reviews_cleaned_or_kept_one_for_one_before_the_split_is_silent() => Expect(Program("""
        public static class Cleaning
        {
            private static IEnumerable<Review> Clean(IEnumerable<Review> reviews)
            {
                foreach (var r in reviews)
                {
                    if (r.Text.Contains("<br />"))
                        yield return r with { Text = r.Text.Replace("<br />", " ") };
                    else
                        yield return r;
                }
            }

            public static void Main()
            {
                var reviews = Clean(CsvFile.Read<Review>("reviews.csv")).ToList();
                var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReviewNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Keras-style noise augmentation with the library's own Augment on every loan, then cross-validation over the copies.
    [Fact]
    public Task Noise_augmentation_of_every_loan_then_cross_validated_is_reported() => Expect(Program("""
        public static class Jitter
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                Func<Loan, Random, Loan> jitter = (l, random) => l with { Income = l.Income * (1f + 0.02f * (float)(random.NextDouble() - 0.5)) };
                Loan[] more = {|#0:Oversampler.Augment(loans, jitter, copies: 2)|};
                var result = CrossValidation.Run(more, CrossValidation.TrainModel<Loan, LoanNet>(() => new LoanNet()),
                    new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 });
                Console.WriteLine(result);
            }
        }
        """), "MLDSL0026");

    // Minority rows repeated three times with Enumerable.Repeat (Stack Overflow "upsampling before train_test_split").
    [Fact]
    public Task Defaults_repeated_three_times_before_the_split_is_reported() => Expect(Program("""
        public static class Upsample
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var upsampled = {|#0:loans.Concat(loans.Where(l => l.Defaulted == 1).SelectMany(l => Enumerable.Repeat(l, 3)))|}.ToList();
                var split = upsampled.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0026");

    // Look-alike: the classes concatenated back after separate cleaning are disjoint parts, not copies.
    [Fact]
    public Task Classes_cleaned_apart_and_concatenated_back_before_the_split_is_silent() => Expect(Program("""
        public static class PerClass
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var good = loans.Where(l => l.Defaulted == 0).Where(l => l.Income > 0);
                var bad = loans.Where(l => l.Defaulted == 1);
                var rows = good.Concat(bad).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));
}
