namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set H, kinds "the test part steering any choice" (MLDSL0018), "scores on rows the model trained on" (MLDSL0027) and
/// "same rows for training and validation" (MLDSL0020).
/// </summary>
public sealed partial class FreshLeakageCasesH
{
    // Kind: test steering (early stopping watches the test rows, through a helper class). Source: the Keras idiom
    // model.fit(X_train, y_train, validation_data=(X_test, y_test), callbacks=[EarlyStopping]) of countless Kaggle
    // notebooks; Cross Validated "Is it OK to use the test set for early stopping?" (no). The test score is then also
    // the score of rows that chose the best epoch.
    private const string EarlyStoppingOnTest = """
        public sealed class XrayTrainer
        {
            private readonly int epochs;

            public XrayTrainer(int epochs) => this.epochs = epochs;

            public ScanNet Train(IReadOnlyList<Scan> train, IReadOnlyList<Scan> watch)
            {
                var net = new ScanNet();
                FitReport report = net.Fit(train, watch, new FitOptions { Epochs = epochs, EarlyStoppingPatience = 5 });
                Console.WriteLine($"best epoch {report.BestEpoch}");
                return net;
            }
        }

        public static class ChestXray
        {
            public static void Main()
            {
                var scans = CsvFile.Read<Scan>("chest-xray.csv");
                var (train, validation, test) = scans.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 11 });
                Console.WriteLine($"{train.Count} / {validation.Count} / {test.Count} scans");
                using ScanNet net = new XrayTrainer(60).Train(train, {|#0:test|});
                Console.WriteLine($"test accuracy {net.Evaluate({|#1:test|}).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Trainer_class_that_early_stops_on_the_test_scans_is_reported() =>
        Expect(Program(EarlyStoppingOnTest), "MLDSL0018", "MLDSL0027");

    [Fact]
    public Task Trainer_class_that_early_stops_on_the_validation_scans_is_silent() => Expect(Program(Fix(EarlyStoppingOnTest, """
                using ScanNet net = new XrayTrainer(60).Train(train, {|#0:test|});
                Console.WriteLine($"test accuracy {net.Evaluate({|#1:test|}).Accuracy:P2}");
        """, """
                using ScanNet net = new XrayTrainer(60).Train(train, validation);
                Console.WriteLine($"test accuracy {net.Evaluate(test).Accuracy:P2}");
        """)));

    // Kind: test steering (a learning rate tuned in a loop on test accuracy). Source: Titanic notebooks that loop over
    // settings and print "best params" chosen by test accuracy; scikit-learn's "Common pitfalls" on tuning on test.
    private const string LearningRateLoopOnTest = """
        public static void Main()
        {
            var split = CsvFile.Read<Passenger>("titanic.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 0 });
            double bestAccuracy = 0, bestRate = 0;
            foreach (double rate in new[] { 1e-1, 3e-2, 1e-2, 3e-3, 1e-3 })
            {
                using var net = new TitanicNet();
                net.Fit(split.Train, options: new FitOptions { Epochs = 30, LearningRate = rate });
                double accuracy = net.Evaluate({|#0:split.Test|}).Accuracy;
                if (accuracy > bestAccuracy)
                {
                    (bestAccuracy, bestRate) = (accuracy, rate);
                }
            }

            Console.WriteLine($"best learning rate {bestRate} with test accuracy {bestAccuracy:P2}");
        }
        """;

    [Fact]
    public Task Learning_rate_kept_by_its_test_accuracy_in_a_loop_is_reported() => Expect(Script(LearningRateLoopOnTest), "MLDSL0018");

    [Fact]
    public Task Learning_rate_kept_by_its_validation_accuracy_in_a_loop_is_silent() => Expect(Script(Fix(LearningRateLoopOnTest,
        "double accuracy = net.Evaluate({|#0:split.Test|}).Accuracy;", "double accuracy = net.Evaluate(split.Validation).Accuracy;")));

    // Kind: test steering (three models scored on test, the best kept, no loop). Source: "model comparison" cells of
    // Kaggle notebooks (logistic vs forest vs net, pick the top row of the leaderboard DataFrame built on X_test).
    private const string BestOfThreeOnTest = """
        public static void Main()
        {
            var (train, validation, test) = CsvFile.Read<Subscriber>("telco.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
            var small = new ChurnNet(seed: 1);
            var longer = new ChurnNet(seed: 2);
            var regularised = new ChurnNet(seed: 3);
            small.Fit(train, validation, new FitOptions { Epochs = 10 });
            longer.Fit(train, validation, new FitOptions { Epochs = 60 });
            regularised.Fit(train, validation, new FitOptions { Epochs = 60, WeightDecay = 1e-3 });
            var leaderboard = new Dictionary<string, (ChurnNet Net, double Accuracy)>
            {
                ["small"] = (small, small.Evaluate({|#0:test|}).Accuracy),
                ["longer"] = (longer, longer.Evaluate({|#1:test|}).Accuracy),
                ["regularised"] = (regularised, regularised.Evaluate({|#2:test|}).Accuracy),
            };
            var winner = leaderboard.OrderByDescending(e => e.Value.Accuracy).First();
            Console.WriteLine($"winner {winner.Key}: {winner.Value.Accuracy:P2}");
            winner.Value.Net.Save("churn.mldsl");
        }
        """;

    [Fact]
    public Task Three_models_ranked_by_test_accuracy_in_a_dictionary_is_reported() => Expect(Script(BestOfThreeOnTest), "MLDSL0018", "MLDSL0018", "MLDSL0018");

    [Fact]
    public Task Three_models_ranked_by_validation_accuracy_then_one_test_score_is_silent() => Expect(Script(Fix(BestOfThreeOnTest, """
                ["small"] = (small, small.Evaluate({|#0:test|}).Accuracy),
                ["longer"] = (longer, longer.Evaluate({|#1:test|}).Accuracy),
                ["regularised"] = (regularised, regularised.Evaluate({|#2:test|}).Accuracy),
            };
            var winner = leaderboard.OrderByDescending(e => e.Value.Accuracy).First();
            Console.WriteLine($"winner {winner.Key}: {winner.Value.Accuracy:P2}");
        """, """
                ["small"] = (small, small.Evaluate(validation).Accuracy),
                ["longer"] = (longer, longer.Evaluate(validation).Accuracy),
                ["regularised"] = (regularised, regularised.Evaluate(validation).Accuracy),
            };
            var winner = leaderboard.OrderByDescending(e => e.Value.Accuracy).First();
            Console.WriteLine($"winner {winner.Key}: test accuracy {winner.Value.Net.Evaluate(test).Accuracy:P2}");
        """)));

    // Kind: test steering (a decision threshold swept on test probabilities). Source: credit-card fraud notebooks that
    // pick the threshold maximising F1 or recall on X_test and report that F1 (Cross Validated "choosing a threshold
    // on the test set").
    private const string ThresholdOnTest = """
        public static void Main()
        {
            var split = CsvFile.Read<Transaction>("creditcard.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 5 });
            using var net = new FraudNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 15, ClassWeights = new[] { 1f, 30f } });
            float[][] probabilities = net.PredictProbabilities({|#0:split.Test|});
            int[] truth = split.Test.Select(t => t.Fraud).ToArray();

            double F1At(float threshold)
            {
                int tp = 0, fp = 0, fn = 0;
                for (int i = 0; i < truth.Length; i++)
                {
                    bool flagged = probabilities[i][1] >= threshold;
                    if (flagged && truth[i] == 1) tp++;
                    else if (flagged) fp++;
                    else if (truth[i] == 1) fn++;
                }

                return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            }

            float best = Enumerable.Range(1, 99).Select(i => i / 100f).MaxBy(F1At);
            Console.WriteLine($"threshold {best:F2}, F1 {F1At(best):F3}");
        }
        """;

    [Fact]
    public Task Threshold_maximising_F1_on_the_test_transactions_is_reported() => Expect(Script(ThresholdOnTest), "MLDSL0018");

    [Fact]
    public Task Threshold_maximising_F1_on_the_validation_transactions_is_silent() => Expect(Script(Fix(ThresholdOnTest, """
            float[][] probabilities = net.PredictProbabilities({|#0:split.Test|});
            int[] truth = split.Test.Select(t => t.Fraud).ToArray();
        """, """
            float[][] probabilities = net.PredictProbabilities(split.Validation);
            int[] truth = split.Validation.Select(t => t.Fraud).ToArray();
        """)));

    // Kind: test steering (class weights from the test labels). Source: imbalanced-learn / Keras "class_weight" snippets
    // computing the weights with compute_class_weight on y (all labels) or, as here, on y_test by a copy-paste slip.
    private const string ClassWeightsFromTest = """
        public static class ChurnWeights
        {
            public static float[] Balanced(IReadOnlyList<Subscriber> rows)
            {
                float churned = rows.Count(r => r.Churn == 1);
                float stayed = rows.Count - churned;
                return new[] { rows.Count / (2f * stayed), rows.Count / (2f * churned) };
            }
        }

        public static class ChurnModel
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Subscriber>("telco.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ChurnNet();
                net.Fit(train, validation, new FitOptions { Epochs = 30, ClassWeights = {|#0:ChurnWeights.Balanced(test)|} });
                Console.WriteLine($"test accuracy {net.Evaluate(test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Class_weights_counted_on_the_test_subscribers_is_reported() => Expect(Program(ClassWeightsFromTest), "MLDSL0018");

    [Fact]
    public Task Class_weights_counted_on_the_training_subscribers_is_silent() => Expect(Program(Fix(ClassWeightsFromTest,
        "{|#0:ChurnWeights.Balanced(test)|}", "ChurnWeights.Balanced(train)")));

    // Kind: training scores (fit on everything, score everything). Source: Stack Overflow "Why does my model get 100%
    // accuracy?" — model.fit(X, y); model.score(X, y).
    private const string ScoreOnEverything = """
        public static void Main()
        {
            var reviews = CsvFile.Read<MovieReview>("imdb-encoded.csv");
            using var net = new ImdbNet();
            net.Fit(reviews, options: new FitOptions { Epochs = 8 });
            Evaluation score = net.Evaluate({|#0:reviews|});
            Console.WriteLine($"accuracy {score.Accuracy:P2} on {score.Count} reviews");
        }
        """;

    [Fact]
    public Task Reviews_fitted_and_scored_all_together_is_reported() => Expect(Script(ScoreOnEverything), "MLDSL0027");

    [Fact]
    public Task Reviews_split_then_scored_on_the_test_part_is_silent() => Expect(Script(Fix(ScoreOnEverything, """
            net.Fit(reviews, options: new FitOptions { Epochs = 8 });
            Evaluation score = net.Evaluate({|#0:reviews|});
        """, """
            var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 8 });
            Evaluation score = net.Evaluate(split.Test);
        """)));

    // Kind: training scores (a record of parts, the training member scored and reported). Source: Cross Validated "My
    // training accuracy is 99% — is that my model's accuracy?"; the score reported is the training one.
    private const string RecordOfPartsTrainScore = """
        public sealed record Parts(IReadOnlyList<House> Train, IReadOnlyList<House> Validation, IReadOnlyList<House> Test);

        public static class HouseReport
        {
            private static Parts Prepare(string path)
            {
                var (train, validation, test) = CsvFile.Read<House>(path).Split(new SplitOptions { Seed = 9 });
                return new Parts(train, validation, test);
            }

            public static void Main()
            {
                Parts parts = Prepare("houses.csv");
                using var net = new HouseNet();
                net.Fit(parts.Train, options: new FitOptions { Epochs = 100 });
                double mae = net.Evaluate({|#0:parts.Train|}).MeanAbsoluteError;
                File.WriteAllText("report.md", $"| model | MAE |\n| net | {mae:F0} |");
            }
        }
        """;

    [Fact]
    public Task Record_of_parts_whose_training_member_is_the_reported_score_is_reported() => Expect(Program(RecordOfPartsTrainScore), "MLDSL0027");

    [Fact]
    public Task Record_of_parts_whose_test_member_is_the_reported_score_is_silent() => Expect(Program(Fix(RecordOfPartsTrainScore,
        "{|#0:parts.Train|}", "parts.Test")));

    // Kind: training scores (the early-stopping rows are the only score). Source: Keras tutorials reporting the best
    // val_accuracy of the history as the model's accuracy (speech-emotion repositories quoting "val acc 92%").
    private const string ValidationAsFinalScore = """
        public static async Task Main()
        {
            IReadOnlyList<Clip> clips = await Task.Run(() => CsvFile.Read<Clip>("ravdess-mfcc.csv"));
            var split = clips.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.2, Test = 0 });
            using var net = new ClipNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 80, EarlyStoppingPatience = 8 });
            Console.WriteLine($"emotion accuracy {net.Evaluate({|#0:split.Validation|}).Accuracy:P1}");
        }
        """;

    [Fact]
    public Task Emotion_score_taken_on_the_rows_that_chose_the_best_epoch_is_reported() => Expect(Script(ValidationAsFinalScore), "MLDSL0027");

    [Fact]
    public Task Emotion_score_taken_on_a_test_part_of_unseen_speakers_is_silent() => Expect(Script(Fix(ValidationAsFinalScore, """
            var split = clips.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.2, Test = 0 });
            using var net = new ClipNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 80, EarlyStoppingPatience = 8 });
            Console.WriteLine($"emotion accuracy {net.Evaluate({|#0:split.Validation|}).Accuracy:P1}");
        """, """
            var split = clips.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.2, Test = 0.2 });
            using var net = new ClipNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 80, EarlyStoppingPatience = 8 });
            Console.WriteLine($"emotion accuracy {net.Evaluate(split.Test).Accuracy:P1}");
        """)));

    // Kind: same rows (the training rows passed as validation_data). Source: Stack Overflow "val_accuracy equals
    // accuracy every epoch" — validation_data=(X_train, y_train).
    private const string TrainAsValidation = """
        public static void Main()
        {
            var split = CsvFile.Read<Passenger>("titanic.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 2 });
            var scaler = Standardizer.Fit(split);
            Passenger[] train = scaler.Apply(split.Train);
            Passenger[] test = scaler.Apply(split.Test);
            using var net = new TitanicNet();
            net.Fit(train, {|#0:train|}, new FitOptions { Epochs = 50, EarlyStoppingPatience = 5 });
            Console.WriteLine($"test accuracy {net.Evaluate(test).Accuracy:P2}");
        }
        """;

    [Fact]
    public Task Training_passengers_passed_as_validation_is_reported() => Expect(Script(TrainAsValidation), "MLDSL0020");

    [Fact]
    public Task Validation_passengers_passed_as_validation_is_silent() => Expect(Script(Fix(TrainAsValidation, """
            Passenger[] test = scaler.Apply(split.Test);
            using var net = new TitanicNet();
            net.Fit(train, {|#0:train|}, new FitOptions { Epochs = 50, EarlyStoppingPatience = 5 });
        """, """
            Passenger[] test = scaler.Apply(split.Test);
            Passenger[] validation = scaler.Apply(split.Validation);
            using var net = new TitanicNet();
            net.Fit(train, validation, new FitOptions { Epochs = 50, EarlyStoppingPatience = 5 });
        """)));

    // Kind: same rows (split, then trained on the unsplit rows). Source: the Kaggle slip model.fit(X, y) after
    // train_test_split (Stack Overflow "test accuracy higher than training accuracy?") — the validation and test rows
    // are inside the training rows, so the test score is a training score too.
    private const string SplitButFitOnAll = """
        public static void Main()
        {
            List<Clip> clips = CsvFile.Read<Clip>("crema-d.csv").ToList();
            var split = clips.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 4 });
            using var net = new ClipNet();
            net.Fit(clips, {|#0:split.Validation|}, new FitOptions { Epochs = 40 });
            Console.WriteLine($"test accuracy {net.Evaluate({|#1:split.Test|}).Accuracy:P2}");
        }
        """;

    [Fact]
    public Task Clips_split_but_trained_on_all_of_them_is_reported() => Expect(Script(SplitButFitOnAll), "MLDSL0020", "MLDSL0027");

    [Fact]
    public Task Clips_trained_on_the_training_part_is_silent() => Expect(Script(Fix(SplitButFitOnAll, """
            net.Fit(clips, {|#0:split.Validation|}, new FitOptions { Epochs = 40 });
            Console.WriteLine($"test accuracy {net.Evaluate({|#1:split.Test|}).Accuracy:P2}");
        """, """
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 40 });
            Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
        """)));
}
