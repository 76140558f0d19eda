namespace MlDsl.Analyzers.Tests;

/// <summary>
/// A second round of leaks, one per kind where the first round left a mechanism untried: statistics learned in a
/// constructor, a pipeline whose [Split] keeps the default (random) kind over rows with a timestamp, a test score that
/// stops a search loop, a fold scorer that scores its own training rows, a local function that writes in-sample
/// predictions into a feature, validation rows mixed with training rows, and a player id as a feature.
/// </summary>
public sealed partial class FreshLeakageCasesP
{
    /// <summary>A normalizer object whose constructor learns each vital's mean and deviation from every stay, applied before the split.</summary>
    [Fact]
    public Task Normalizer_whose_constructor_learns_from_every_stay_is_reported() => Expect(Program("""
        public sealed class VitalsNormalizer
        {
            private readonly float mean;
            private readonly float deviation;

            public VitalsNormalizer(IReadOnlyList<IcuStay> stays)
            {
                mean = stays.Average(s => s.HeartRate);
                deviation = (float)Math.Sqrt(stays.Average(s => (s.HeartRate - mean) * (s.HeartRate - mean)));
            }

            public IcuStay Apply(IcuStay stay) => stay with { HeartRate = (stay.HeartRate - mean) / deviation };
        }

        public static class IcuNormalized
        {
            public static void Run(string path)
            {
                var stays = CsvFile.Read<IcuStay>(path);
                var normalizer = {|#0:new VitalsNormalizer(stays)|};
                var split = stays.Select(normalizer.Apply).ToList().Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new IcuNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    /// <summary>A demand pipeline whose [Split] sets only the sizes: the kind stays Random although every row has a day.</summary>
    [Fact]
    public Task Pipeline_split_left_at_the_default_kind_over_rows_with_a_timestamp_is_reported() => Expect(Program("""
        [Pipeline(typeof(DemandNet))]
        [{|#0:Split(Validation = 0.1, Test = 0.2, Seed = 9)|}]
        [Train(Epochs = 30)]
        public sealed partial class DemandPipeline
        {
            [Ingest] private static IReadOnlyList<DemandDay> Load() => CsvFile.Read<DemandDay>("demand.csv");
        }
        """), "MLDSL0019");

    /// <summary>Epochs raised until the test accuracy clears 90%: the loop stops on a test score.</summary>
    [Fact]
    public Task Training_loop_that_stops_when_the_test_accuracy_is_high_enough_is_reported() => Expect(Program("""
        public static class ClickEpochs
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Impression>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                foreach (int epochs in new[] { 5, 10, 20, 40 })
                {
                    using var model = new ClickNet(seed: 1);
                    model.Fit(split.Train, split.Validation, new FitOptions { Epochs = epochs });
                    if (model.Evaluate({|#0:split.Test|}).Accuracy >= 0.9)
                    {
                        model.Save("clicks.mldsl");
                        break;
                    }
                }
            }
        }
        """), "MLDSL0018");

    /// <summary>A fold scorer that returns the accuracy on the fold's training rows; the cross-validated mean is the reported score.</summary>
    [Fact]
    public Task Fold_scorer_that_scores_its_own_training_rows_is_reported() => Expect(Program("""
        public static class ReviewTrainScore
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Review>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                FoldScorer<Review> scorer = (foldTrain, foldValidation) =>
                {
                    using var model = new ReviewNet(seed: 2);
                    model.Fit(foldTrain);
                    return model.Evaluate({|#0:foldTrain|}).Accuracy;
                };
                Console.WriteLine(CrossValidation.Run(split.Train, scorer));
            }
        }
        """), "MLDSL0027");

    /// <summary>A model fitted on every transaction, its class written into MerchantRisk by a local function, then split.</summary>
    [Fact]
    public Task Local_function_writing_in_sample_predictions_into_a_feature_is_reported() => Expect(Program("""
        public static class FraudPrescore
        {
            public static void Run(string path)
            {
                var transactions = CsvFile.Read<Txn>(path);
                using var first = new FraudNet(seed: 1);
                first.Fit(transactions);
                Txn WithScore(Txn t) => t with { MerchantRisk = {|#0:first.Predict(t)|} };
                var split = transactions.Select(WithScore).ToList().Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var second = new FraudNet(seed: 2);
                second.Fit(split.Train, split.Validation);
                Console.WriteLine(second.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0028");

    /// <summary>"More validation data": the training pumps appended to the validation pumps that early stopping watches.</summary>
    [Fact]
    public Task Validation_rows_mixed_with_the_training_rows_are_reported() => Expect(Program("""
        public static class PumpWatch
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<PumpDay>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                var watched = split.Validation.Concat(split.Train).ToList();
                using var model = new PumpNet(seed: 3);
                model.Fit(split.Train, {|#0:watched|}, new FitOptions { EarlyStoppingPatience = 4 });
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0020");

    /// <summary>Player-level rows with the player's id as a numeric feature: every match of a player repeats it.</summary>
    [Fact]
    public Task Player_id_typed_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record PlayerMatch
        {
            [Feature] public float {|#0:PlayerId|} { get; init; }
            [Feature] public float Minutes { get; init; }
            [Feature] public float Shots { get; init; }
            [Label(Classes = 2)] public int Scored { get; init; }
        }

        [Model(typeof(PlayerMatch))]
        public sealed partial class PlayerNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");
}
