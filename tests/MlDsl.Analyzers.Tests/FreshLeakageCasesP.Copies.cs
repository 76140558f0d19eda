namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Kind 2: rows multiplied or invented before the split (SMOTE on the whole fraud table, jittered copies made by
/// hand, minority rows appended twice, a balancing helper of the user's own), and de-duplication done per part after
/// the split (Kapoor and Narayanan's "duplicates in training and test").
/// </summary>
public sealed partial class FreshLeakageCasesP
{
    /// <summary>The Kaggle credit-card-fraud classic: SMOTE on every transaction, then the split; synthetic neighbours of test frauds train the model.</summary>
    [Fact]
    public Task Smote_on_every_transaction_before_the_split_is_reported() => Expect(Program("""
        public static class FraudSmote
        {
            public static void Run(string path)
            {
                var transactions = CsvFile.Read<Txn>(path);
                var balanced = {|#0:Oversampler.Smote(transactions, k: 5, seed: 7)|};
                var split = balanced.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 7 });
                using var model = new FraudNet(seed: 7);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0026");

    /// <summary>Income jittered into three copies of each application (augmentation "to make the model robust"), then split: a row's copies sit on both sides.</summary>
    [Fact]
    public Task Jittered_copies_made_with_SelectMany_before_the_split_are_reported() => Expect(Program("""
        public static class CreditAugment
        {
            public static void Run(string path)
            {
                var applicants = CsvFile.Read<Applicant>(path);
                var augmented = {|#0:applicants.SelectMany(a => Enumerable.Range(0, 3).Select(k => a with { Income = a.Income * (1f + 0.01f * k) }))|}
                    .ToList();
                var split = augmented.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new CreditNet(seed: 9);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0026");

    /// <summary>Telco churn notebook: the churners appended twice to balance the classes, then a random split.</summary>
    [Fact]
    public Task Minority_rows_appended_twice_before_the_split_are_reported() => Expect(Program("""
        public static class ChurnBalance
        {
            public static void Run(string path)
            {
                var subscribers = CsvFile.Read<Subscriber>(path).ToList();
                var churners = subscribers.Where(s => s.Churned == 1).ToList();
                var balanced = {|#0:subscribers.Concat(churners).Concat(churners)|}.ToList();
                var split = balanced.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 4 });
                using var model = new ChurnNet(seed: 4);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0026");

    /// <summary>A helper of the user's own that balances relapse classes with the library's oversampler, called on every biopsy before the grouped split.</summary>
    [Fact]
    public Task Balancing_helper_called_on_every_biopsy_before_a_grouped_split_is_reported() => Expect(Program("""
        public static class Balancing
        {
            public static IReadOnlyList<Biopsy> Balance(IReadOnlyList<Biopsy> rows) => Oversampler.Random(rows, seed: 3);
        }

        public static class RelapseBalanced
        {
            public static void Run(string path)
            {
                var biopsies = CsvFile.Read<Biopsy>(path);
                var balanced = {|#0:Balancing.Balance(biopsies)|};
                var split = balanced.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new BiopsyNet(seed: 3);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0026");

    /// <summary>
    /// Review dumps hold the same review many times (one text posted on every variant of a product); the notebook splits
    /// first and drops duplicates inside each part, so every duplicated review still sits in training and test. The
    /// leaking call is the split made before the de-duplication.
    /// </summary>
    [Fact]
    public Task Duplicates_dropped_per_part_after_the_split_are_reported() => Expect(Program("""
        public static class ReviewDedup
        {
            public static void Run(string path)
            {
                var reviews = CsvFile.Read<Review>(path);
                var split = {|#0:reviews.Split(new SplitOptions { Kind = SplitKind.Stratified })|};
                var train = split.Train.DistinctBy(r => r.Text).ToList();
                var validation = split.Validation.DistinctBy(r => r.Text).ToList();
                var test = split.Test.DistinctBy(r => r.Text).ToList();
                using var model = new ReviewNet(seed: 6);
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0026");
}
