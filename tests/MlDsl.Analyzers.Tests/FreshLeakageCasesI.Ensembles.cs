namespace MlDsl.Analyzers.Tests;

public sealed partial class FreshLeakageCasesI
{
    // ───────────── 16. Bagging: bootstrap resamples of the TRAINING rows (copies after the split), majority vote on test ─────────────

    private const string Bagging = """
        public sealed record BagConfig(int Members, int Epochs, int Seed);

        public static class Bagging
        {
            private static Patient[] Resample(IReadOnlyList<Patient> train, Random random) =>
                Enumerable.Range(0, train.Count).Select(_ => train[random.Next(train.Count)]).ToArray();

            public static void Main()
            {
                var config = new BagConfig(7, 15, 19);
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("patients.csv").Where(p => !float.IsNaN(p.Glucose)).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.2, Seed = config.Seed });
                Standardizer scaler = Standardizer.Fit(split.Train);
                Patient[] train = scaler.Apply(split.Train);
                Patient[] validation = scaler.Apply(split.Validation);
                Patient[] test = scaler.Apply(split.Test);

                var random = new Random(config.Seed);
                var members = new List<PatientNet>();
                for (int m = 0; m < config.Members; m++)
                {
                    Patient[] bag = Resample(train, random);
                    var net = new PatientNet(seed: config.Seed + m);
                    net.Fit(bag, null, new FitOptions { Epochs = config.Epochs, Verbose = 0 });
                    Console.WriteLine($"member {m}: validation accuracy {net.Evaluate(validation).Accuracy:P1}");
                    members.Add(net);
                }

                int[][] votes = members.Select(net => net.Predict(test)).ToArray();
                int[] majority = Enumerable.Range(0, test.Length).Select(i => votes.Count(v => v[i] == 1) * 2 > votes.Length ? 1 : 0).ToArray();
                double accuracy = majority.Where((p, i) => p == test[i].Readmitted).Count() / (double)test.Length;
                Console.WriteLine($"bagged test accuracy {accuracy:P2} with {members.Count} members");
                members.ForEach(net => net.Dispose());
            }
        }
        """;

    [Fact]
    public Task Bagging_bootstrap_resamples_of_training_rows_after_the_split_is_silent() => Expect(Program(Bagging));

    // Kind: rows multiplied before the split (MLDSL0026): the bootstrap resample is drawn from all rows, then split.
    [Fact]
    public Task Bootstrap_resample_of_all_rows_before_the_split_is_reported() =>
        Expect(Program(Mutate(Bagging, "var split = rows.Split(", "var split = {|#0:Resample(rows, new Random(config.Seed))|}.Split(")), "MLDSL0026");

    // ───────────── 17. Stacking with out-of-fold predictions over the training rows, meta-model on top ─────────────

    private const string OutOfFoldStacking = """
        public static class OutOfFold
        {
            private static Patient WithScore(Patient p, float score) => p with { WardRate = score };

            public static void Main()
            {
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("patients.csv");
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 23 });
                var scaler = Standardizer.Fit(train);
                Patient[] t = scaler.Apply(train), v = scaler.Apply(validation), s = scaler.Apply(test);

                var outOfFold = new float[t.Length];
                foreach (Fold fold in Folds.Of(t, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }))
                {
                    using var baseModel = new WidePatientNet(seed: 23);
                    baseModel.Fit(fold.Train.Select(i => t[i]).ToArray(), null, new FitOptions { Epochs = 15, Verbose = 0 });
                    float[][] p = baseModel.PredictProbabilities(fold.Validation.Select(i => t[i]).ToArray());
                    for (int k = 0; k < fold.Validation.Length; k++) outOfFold[fold.Validation[k]] = p[k][1];
                }

                using var full = new WidePatientNet(seed: 23);
                full.Fit(t, null, new FitOptions { Epochs = 15, Verbose = 0 });
                Patient[] metaTrain = t.Select((p, i) => WithScore(p, outOfFold[i])).ToArray();
                Patient[] metaValidation = v.Zip(full.PredictProbabilities(v), (p, q) => WithScore(p, q[1])).ToArray();
                Patient[] metaTest = s.Zip(full.PredictProbabilities(s), (p, q) => WithScore(p, q[1])).ToArray();

                using var meta = new PatientNet(seed: 23);
                meta.Fit(metaTrain, metaValidation, new FitOptions { Epochs = 20, EarlyStoppingPatience = 3, Verbose = 0 });
                Console.WriteLine($"base alone {full.Evaluate(s).Accuracy:P2}, stacked {meta.Evaluate(metaTest).Accuracy:P2} on test");
            }
        }
        """;

    [Fact]
    public Task Out_of_fold_stacking_over_training_rows_is_silent() => Expect(Program(OutOfFoldStacking));

    // Kind: in-sample stacking (MLDSL0028): the meta-model's training feature is the full model's prediction on its own training rows.
    [Fact]
    public Task Stacking_feature_from_in_sample_predictions_is_reported() =>
        Expect(Program(Mutate(OutOfFoldStacking, "Patient[] metaTrain = t.Select((p, i) => WithScore(p, outOfFold[i])).ToArray();",
            "Patient[] metaTrain = t.Zip({|#0:full.PredictProbabilities(t)|}, (p, q) => WithScore(p, q[1])).ToArray();")), "MLDSL0028");

    // ───────────── 18. Candidate rates compared by hand-written CV means over training rows, the best refitted ─────────────

    private const string HandSearch = """
        public sealed record Candidate(double Rate, int Hidden);

        public static class HandSearch
        {
            private static double Cv(IReadOnlyList<Patient> train, double rate)
            {
                CrossValidationResult result = CrossValidation.Run(train,
                    (foldTrain, foldValidation) =>
                    {
                        var scaler = Standardizer.Fit(foldTrain);
                        using var net = new PatientNet(seed: 2);
                        net.Fit(scaler.Apply(foldTrain), null, new FitOptions { LearningRate = rate, Epochs = 10, Verbose = 0 });
                        return net.Evaluate(scaler.Apply(foldValidation)).Accuracy;
                    },
                    new FoldOptions { Kind = FoldKind.Stratified, Folds = 4 });
                return result.Mean;
            }

            public static void Main()
            {
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("patients.csv");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.0, Test = 0.25, Seed = 2 });
                double bestRate = double.NaN, bestScore = double.NegativeInfinity;
                foreach (double rate in new[] { 1e-4, 3e-4, 1e-3, 3e-3 })
                {
                    double score = Cv(split.Train, rate);
                    Console.WriteLine($"rate {rate:E0}: CV accuracy {score:P2}");
                    if (score > bestScore)
                    {
                        bestScore = score;
                        bestRate = rate;
                    }
                }

                var finalScaler = Standardizer.Fit(split.Train);
                using var model = new PatientNet(seed: 2);
                FitReport report = model.Fit(finalScaler.Apply(split.Train), null, new FitOptions { LearningRate = bestRate, Epochs = 10, Verbose = 0 });
                Evaluation trainScore = model.Evaluate(finalScaler.Apply(split.Train));
                Evaluation testScore = model.Evaluate(finalScaler.Apply(split.Test));
                Console.WriteLine($"rate {bestRate:E0}: train {trainScore.Accuracy:P2} (loss {report.Last.TrainLoss:F3}), test {testScore.Accuracy:P2}");
                Console.WriteLine(trainScore.Accuracy - testScore.Accuracy > 0.05 ? "overfitting" : "train and test agree");
            }
        }
        """;

    [Fact]
    public Task Hand_loop_over_rates_choosing_by_cv_mean_then_train_and_test_scores_side_by_side_is_silent() => Expect(Program(HandSearch));

    // Kind: the test part steering a choice (MLDSL0018): the candidate rates are compared by their test accuracy.
    [Fact]
    public Task Hand_loop_over_rates_choosing_by_test_accuracy_is_reported() =>
        Expect(Program(Mutate(HandSearch, "double score = Cv(split.Train, rate);",
            "var s = Standardizer.Fit(split.Train); using var probe = new PatientNet(seed: 2); probe.Fit(s.Apply(split.Train), null, new FitOptions { LearningRate = rate, Verbose = 0 }); double score = probe.Evaluate({|#0:s.Apply(split.Test)|}).Accuracy;")), "MLDSL0018");

    // Kind: scores on rows the model trained on (MLDSL0027): the train score reported AS the result, with no test score.
    [Fact]
    public Task Final_score_reported_on_training_rows_only_is_reported() =>
        Expect(Program(Mutate(HandSearch, "Evaluation testScore = model.Evaluate(finalScaler.Apply(split.Test));",
            "Evaluation testScore = model.Evaluate({|#0:finalScaler.Apply(split.Train)|});")), "MLDSL0027");

    // ───────────── 19. Calibration: a temperature fitted on validation logits, test log-loss before and after ─────────────

    private const string Calibration = """
        public static class Calibration
        {
            private static double LogLoss(float[][] probabilities, IReadOnlyList<Patient> rows, double temperature)
            {
                double total = 0;
                for (int i = 0; i < rows.Count; i++)
                {
                    double a = Math.Log(Math.Max(probabilities[i][0], 1e-7)) / temperature;
                    double b = Math.Log(Math.Max(probabilities[i][1], 1e-7)) / temperature;
                    double normaliser = Math.Log(Math.Exp(a) + Math.Exp(b));
                    total -= (rows[i].Readmitted == 1 ? b : a) - normaliser;
                }
                return total / rows.Count;
            }

            public static void Main()
            {
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("patients.csv");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.2, Test = 0.2, Seed = 12 });
                var scaler = MinMaxScaler.Fit(split);
                Patient[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);
                using var model = new WidePatientNet(seed: 12);
                model.Fit(train, validation, new FitOptions { Epochs = 40, EarlyStoppingPatience = 5, Verbose = 0 });

                float[][] validationProbabilities = model.PredictProbabilities(validation);
                double temperature = Enumerable.Range(5, 46).Select(t => t / 10.0).MinBy(t => LogLoss(validationProbabilities, validation, t));

                float[][] testProbabilities = model.PredictProbabilities(test);
                Console.WriteLine($"temperature {temperature:F1}");
                Console.WriteLine($"test log-loss {LogLoss(testProbabilities, test, 1.0):F4} -> {LogLoss(testProbabilities, test, temperature):F4}");
            }
        }
        """;

    [Fact]
    public Task Temperature_chosen_on_validation_then_test_log_loss_before_and_after_is_silent() => Expect(Program(Calibration));

    // Kind: the test part steering a choice (MLDSL0018): the temperature minimises the test log-loss.
    [Fact]
    public Task Temperature_chosen_on_test_log_loss_is_reported() =>
        Expect(Program(Mutate(Calibration, "float[][] validationProbabilities = model.PredictProbabilities(validation);",
            "float[][] validationProbabilities = model.PredictProbabilities({|#0:test|});")
            .Replace(".MinBy(t => LogLoss(validationProbabilities, validation, t));", ".MinBy(t => LogLoss(validationProbabilities, test, t));")), "MLDSL0018");
}
