namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Precision, part 3: out-of-fold stacking, a hand-written k-fold loop that refits the scaler per fold and averages,
/// a rolling mean of a feature over a pump's own earlier and current days, a late member only printed in a summary,
/// and a vocabulary learned from the training reviews then applied to every part.
/// </summary>
public sealed partial class FreshLeakageCasesP
{
    /// <summary>The stacking fix: the first model's scores on training rows come from folds it did not train on; validation and test get the full model's scores.</summary>
    [Fact]
    public Task Out_of_fold_stacking_stays_silent() => Expect(Program("""
        public static class CreditStackHonest
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Applicant>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                var outOfFold = new float[split.Train.Count];
                foreach (var fold in Folds.Of(split.Train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }))
                {
                    var foldTrain = fold.Train.Select(i => split.Train[i]).ToList();
                    var foldHeldOut = fold.Validation.Select(i => split.Train[i]).ToList();
                    using var foldModel = new CreditNet(seed: fold.Index);
                    foldModel.Fit(foldTrain);
                    var scores = foldModel.PredictProbabilities(foldHeldOut);
                    for (int j = 0; j < fold.Validation.Length; j++) outOfFold[fold.Validation[j]] = scores[j][1];
                }
                using var first = new CreditNet(seed: 9);
                first.Fit(split.Train);
                var validationScores = first.PredictProbabilities(split.Validation);
                var testScores = first.PredictProbabilities(split.Test);
                var train = split.Train.Select((a, i) => a with { BureauScore = outOfFold[i] }).ToList();
                var validation = split.Validation.Select((a, i) => a with { BureauScore = validationScores[i][1] }).ToList();
                var test = split.Test.Select((a, i) => a with { BureauScore = testScores[i][1] }).ToList();
                using var second = new CreditNet(seed: 10);
                second.Fit(train, validation);
                Console.WriteLine(second.Evaluate(test).Accuracy);
            }
        }
        """));

    /// <summary>A k-fold loop written by hand: each fold's scaler learns from that fold's training rows; the accuracies are averaged.</summary>
    [Fact]
    public Task Hand_written_kfold_refitting_the_scaler_per_fold_and_averaging_stays_silent() => Expect(Program("""
        public static class ChurnKFold
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Subscriber>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                var accuracies = new List<double>();
                foreach (var fold in Folds.Of(split.Train, new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 }))
                {
                    var foldTrain = fold.Train.Select(i => split.Train[i]).ToList();
                    var foldValidation = fold.Validation.Select(i => split.Train[i]).ToList();
                    var scaler = Standardizer.Fit(foldTrain);
                    using var model = new ChurnNet(seed: 1);
                    model.Fit(scaler.Apply(foldTrain));
                    accuracies.Add(model.Evaluate(scaler.Apply(foldValidation)).Accuracy);
                }
                Console.WriteLine($"CV accuracy {accuracies.Average():F3}");
            }
        }
        """));

    /// <summary>Vibration smoothed over each pump's last three days including today: a feature's own history, no label involved.</summary>
    [Fact]
    public Task Rolling_mean_of_a_feature_over_a_pumps_own_days_stays_silent() => Expect(Program("""
        public static class PumpSmoothing
        {
            public static void Run(string path)
            {
                var smoothed = new List<PumpDay>();
                foreach (var pump in CsvFile.Read<PumpDay>(path).GroupBy(d => d.Pump))
                {
                    var days = pump.OrderBy(d => d.Day).ToList();
                    for (int i = 0; i < days.Count; i++)
                    {
                        float mean = days.Skip(Math.Max(0, i - 2)).Take(Math.Min(3, i + 1)).Average(d => d.Vibration);
                        smoothed.Add(days[i] with { Vibration = mean });
                    }
                }
                var split = smoothed.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new PumpNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    /// <summary>Chargebacks (known after the fraud) only summed per month in a printed summary; the model never reads them.</summary>
    [Fact]
    public Task Late_member_only_printed_in_a_summary_stays_silent() => Expect(Program("""
        public static class FraudSummary
        {
            public static void Run(string path)
            {
                var transactions = CsvFile.Read<Txn>(path);
                foreach (var month in transactions.GroupBy(t => t.At.Month))
                {
                    Console.WriteLine($"month {month.Key}: chargebacks {month.Sum(t => t.Chargeback):F0}");
                }
                var split = transactions.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new FraudNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    /// <summary>The fix of the vocabulary leak: the 16 most frequent words of the training reviews, applied to every part.</summary>
    [Fact]
    public Task Vocabulary_from_the_training_reviews_applied_to_every_part_stays_silent() => Expect(Program("""
        public static class ReviewVocabularyHonest
        {
            private static Review Count(Review r, string[] vocabulary)
            {
                var words = r.Text.ToLowerInvariant().Split(' ');
                return r with { Counts = vocabulary.Select(v => (float)words.Count(w => w == v)).ToArray() };
            }

            public static void Run(string path)
            {
                var split = CsvFile.Read<Review>(path).Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 11 });
                string[] vocabulary = split.Train.SelectMany(r => r.Text.ToLowerInvariant().Split(' '))
                    .GroupBy(word => word).OrderByDescending(g => g.Count()).Take(16).Select(g => g.Key).ToArray();
                var train = split.Train.Select(r => Count(r, vocabulary)).ToList();
                var validation = split.Validation.Select(r => Count(r, vocabulary)).ToList();
                var test = split.Test.Select(r => Count(r, vocabulary)).ToList();
                using var model = new ReviewNet(seed: 11);
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """));
}
