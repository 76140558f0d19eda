namespace MlDsl.Analyzers.Tests;

/// <summary>
/// A third round of leaks: an imputer given the training and test rows together "for better estimates", the best of
/// several models picked by ordering them on test accuracy, and a store number (an identifier typed int) as a feature.
/// </summary>
public sealed partial class FreshLeakageCasesP
{
    /// <summary>Training and test stays concatenated for the imputer "so the medians are more stable".</summary>
    [Fact]
    public Task Imputer_fitted_on_training_and_test_rows_together_is_reported() => Expect(Program("""
        public static class IcuImputeMore
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<IcuStay>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                var imputer = Imputer.Fit({|#0:split.Train.Concat(split.Test).ToList()|}, ImputeStrategy.Median);
                using var model = new IcuNet(seed: 2);
                model.Fit(imputer.Apply(split.Train), imputer.Apply(split.Validation));
                Console.WriteLine(model.Evaluate(imputer.Apply(split.Test)).Accuracy);
            }
        }
        """), "MLDSL0016");

    /// <summary>Three seeds trained, ordered by their test accuracy, the first one saved.</summary>
    [Fact]
    public Task Best_seed_picked_by_ordering_models_on_test_accuracy_is_reported() => Expect(Program("""
        public static class ReviewSeeds
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Review>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                var models = new List<ReviewNet>();
                foreach (int seed in new[] { 1, 2, 3 })
                {
                    var model = new ReviewNet(seed: seed);
                    model.Fit(split.Train, split.Validation);
                    models.Add(model);
                }
                var best = models.OrderByDescending(m => m.Evaluate({|#0:split.Test|}).Accuracy).First();
                best.Save("reviews.mldsl");
            }
        }
        """), "MLDSL0018");

    /// <summary>Store rows with the store's number as an int feature: every day of a store repeats it.</summary>
    [Fact]
    public Task Store_number_typed_int_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record StoreDay
        {
            [Feature] public int {|#0:StoreNumber|} { get; init; }
            [Feature] public float Promo { get; init; }
            [Feature] public float Price { get; init; }
            [Label] public float Units { get; init; }
        }

        [Model(typeof(StoreDay))]
        public sealed partial class StoreDayNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }
        """), "MLDSL0021");
}
