namespace MlDsl.Analyzers.Tests;

public sealed partial class FreshLeakageCasesI
{
    // ───────────── 12. A decision threshold chosen for F1 on validation probabilities, then test precision and recall ─────────────

    private const string Threshold = """
        public static class Metrics
        {
            public static (double Precision, double Recall, double F1) At(float[][] probabilities, IReadOnlyList<Patient> rows, double threshold)
            {
                int tp = 0, fp = 0, fn = 0;
                for (int i = 0; i < rows.Count; i++)
                {
                    bool flagged = probabilities[i][1] >= threshold;
                    bool positive = rows[i].Readmitted == 1;
                    if (flagged && positive) tp++;
                    else if (flagged) fp++;
                    else if (positive) fn++;
                }
                double precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
                double recall = tp + fn == 0 ? 0 : tp / (double)(tp + fn);
                return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
            }
        }

        public static class ThresholdStudy
        {
            public static void Main()
            {
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("patients.csv");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.2, Test = 0.2, Seed = 9 });
                var imputer = Imputer.Fit(split, new ImputerOptions { Strategy = ImputeStrategy.Median });
                var scaler = Standardizer.Fit(imputer.Apply(split.Train));
                Patient[] Ready(IReadOnlyList<Patient> part) => scaler.Apply(imputer.Apply(part));
                Patient[] validation = Ready(split.Validation);

                using var model = new PatientNet(seed: 9);
                model.Fit(Ready(split.Train), validation, new FitOptions { Epochs = 30, EarlyStoppingPatience = 4, Verbose = 0 });

                float[][] validationProbabilities = model.PredictProbabilities(validation);
                double threshold = Enumerable.Range(5, 90).Select(t => t / 100.0)
                    .MaxBy(t => Metrics.At(validationProbabilities, validation, t).F1);
                Console.WriteLine($"threshold {threshold:F2} (validation F1 {Metrics.At(validationProbabilities, validation, threshold).F1:F3})");

                Patient[] test = Ready(split.Test);
                float[][] testProbabilities = model.PredictProbabilities(test);
                var (precision, recall, f1) = Metrics.At(testProbabilities, test, threshold);
                Console.WriteLine($"test precision {precision:P1}, recall {recall:P1}, F1 {f1:F3}");
                Console.WriteLine($"at the default 0.5 for comparison: F1 {Metrics.At(testProbabilities, test, 0.5).F1:F3}");
            }
        }
        """;

    [Fact]
    public Task Threshold_maximising_validation_f1_then_test_metrics_at_it_and_at_one_half_is_silent() => Expect(Program(Threshold));

    // Kind: a threshold chosen from test scores (MLDSL0018). Idea: "tuning the cut-off on the test set" (Cross Validated questions).
    // Reported at the test predictions the choice is made by, as for Blend_weight_picked_on_test_predictions_is_reported (set F).
    [Fact]
    public Task Threshold_maximising_test_f1_is_reported() =>
        Expect(Program(Mutate(Threshold, ".MaxBy(t => Metrics.At(validationProbabilities, validation, t).F1);",
            ".MaxBy(t => Metrics.At(model.PredictProbabilities({|#0:Ready(split.Test)|}), Ready(split.Test), t).F1);")), "MLDSL0018");

    // ───────────── 13. A learning curve over growing fractions of the training rows, scored on validation ─────────────

    private const string LearningCurve = """
        public sealed record CurvePoint(double Fraction, int Rows, double TrainAccuracy, double ValidationAccuracy);

        public static class Curve
        {
            public static void Main()
            {
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("patients.csv");
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 4 });
                var scaler = Standardizer.Fit(train);
                Patient[] scaledTrain = scaler.Apply(train);
                Patient[] scaledValidation = scaler.Apply(validation);

                var points = new List<CurvePoint>();
                var shuffle = new Random(4);
                Patient[] order = scaledTrain.OrderBy(_ => shuffle.Next()).ToArray();
                foreach (double fraction in new[] { 0.1, 0.25, 0.5, 0.75, 1.0 })
                {
                    Patient[] part = order.Take((int)(order.Length * fraction)).ToArray();
                    using var model = new PatientNet(seed: 4);
                    FitReport report = model.Fit(part, null, new FitOptions { Epochs = 20, Verbose = 0 });
                    points.Add(new CurvePoint(fraction, part.Length, report.Last.TrainAccuracy, model.Evaluate(scaledValidation).Accuracy));
                }
                foreach (CurvePoint p in points)
                {
                    Console.WriteLine($"{p.Fraction,5:P0} {p.Rows,6} rows  train {p.TrainAccuracy:P1}  validation {p.ValidationAccuracy:P1}");
                }
                bool stillLearning = points[^1].ValidationAccuracy - points[^2].ValidationAccuracy > 0.01;
                Console.WriteLine(stillLearning ? "more data would help" : "the curve has flattened");

                using var final = new PatientNet(seed: 4);
                final.Fit(scaledTrain, scaledValidation, new FitOptions { Epochs = 20, EarlyStoppingPatience = 3, Verbose = 0 });
                Console.WriteLine($"test accuracy {final.Evaluate(scaler.Apply(test)).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Learning_curve_on_validation_then_one_test_score_is_silent() => Expect(Program(LearningCurve));

    // Kind: the test part evaluated in a loop that trains (MLDSL0018, issue 15 §1): a learning curve drawn on test rows
    // steers the "more data?" decision; the curve belongs on validation.
    [Fact]
    public Task Learning_curve_scored_on_the_test_part_is_reported() =>
        Expect(Program(Mutate(LearningCurve, "model.Evaluate(scaledValidation).Accuracy));", "model.Evaluate({|#0:scaler.Apply(test)|}).Accuracy));")), "MLDSL0018");

    // ───────────── 14. Nested cross-validation: outer folds over all rows estimate the procedure, inner search on outer training ─────────────

    private const string Nested = """
        public static class NestedEvaluation
        {
            private static readonly double[] Rates = { 1e-4, 1e-3, 1e-2 };

            private static double Inner(IReadOnlyList<Patient> outerTrain)
            {
                SearchResult<double> search = GridSearch.CrossValidate(outerTrain, Rates,
                    rate => CrossValidation.TrainModel<Patient, PatientNet>(() => new PatientNet(seed: 6), new FitOptions { LearningRate = rate, Epochs = 15, Verbose = 0 }),
                    new FoldOptions { Kind = FoldKind.Stratified, Folds = 3 }, fold => Standardizer.Fit(fold).Apply);
                return search.Best.Parameters;
            }

            public static void Main()
            {
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("patients.csv");
                var outerScores = new List<double>();
                var chosenRates = new List<double>();
                foreach (Fold outer in Folds.Of(rows, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5, Shuffle = true, Seed = 6 }))
                {
                    Patient[] outerTrain = outer.Train.Select(i => rows[i]).ToArray();
                    Patient[] outerTest = outer.Validation.Select(i => rows[i]).ToArray();
                    double rate = Inner(outerTrain);
                    chosenRates.Add(rate);
                    var scaler = Standardizer.Fit(outerTrain);
                    using var model = new PatientNet(seed: 6);
                    model.Fit(scaler.Apply(outerTrain), null, new FitOptions { LearningRate = rate, Epochs = 15, Verbose = 0 });
                    outerScores.Add(model.Evaluate(scaler.Apply(outerTest)).Accuracy);
                }
                double mean = outerScores.Average();
                double sd = Math.Sqrt(outerScores.Select(s => (s - mean) * (s - mean)).Sum() / (outerScores.Count - 1));
                Console.WriteLine($"nested CV accuracy {mean:P2} ± {sd:P2}; rates chosen: {string.Join(", ", chosenRates)}");
            }
        }
        """;

    [Fact]
    public Task Nested_cross_validation_with_an_inner_search_per_outer_fold_is_silent() => Expect(Program(Nested));

    // The same nested loop with the outer held-out fold named heldOut: does the name "outerTest" drive the false alarm above?
    [Fact]
    public Task Nested_cross_validation_with_the_outer_fold_named_held_out_is_silent() => Expect(Program(Nested.Replace("outerTest", "heldOut")));

    // Kind: the test part steering a choice (MLDSL0018): the inner search is given the outer fold's held-out rows.
    [Fact]
    public Task Nested_inner_search_on_the_outer_held_out_rows_is_reported() =>
        Expect(Program(Mutate(Nested, "double rate = Inner(outerTrain);", "double rate = {|#0:Inner(outerTest)|};")), "MLDSL0018");

    // ───────────── 15. A leaderboard of configurations, each with its own split; the table is printed, nothing is kept ─────────────

    private const string Leaderboard = """
        public sealed record Trial(string Name, double Rate, int Epochs, bool Impute);

        public static class Leaderboard
        {
            private static double RunTrial(Trial trial, IReadOnlyList<Patient> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 31 });
                IReadOnlyList<Patient> train = split.Train, validation = split.Validation, test = split.Test;
                if (trial.Impute)
                {
                    var imputer = Imputer.Fit(train, ImputeStrategy.Mean);
                    (train, validation, test) = (imputer.Apply(train), imputer.Apply(validation), imputer.Apply(test));
                }
                var scaler = Standardizer.Fit(train);
                using var model = new PatientNet(seed: 31);
                model.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { LearningRate = trial.Rate, Epochs = trial.Epochs, EarlyStoppingPatience = 3, Verbose = 0 });
                return model.Evaluate(scaler.Apply(test)).Accuracy;
            }

            public static void Main()
            {
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("patients.csv");
                var trials = new[]
                {
                    new Trial("baseline", 1e-3, 20, false),
                    new Trial("imputed", 1e-3, 20, true),
                    new Trial("imputed-slow", 3e-4, 40, true),
                };
                var results = trials.Select(t => (Trial: t, Accuracy: RunTrial(t, rows))).ToList();
                Console.WriteLine("name            test accuracy");
                foreach (var (trial, accuracy) in results.OrderBy(r => r.Trial.Name))
                {
                    Console.WriteLine($"{trial.Name,-16}{accuracy:P2}");
                }
                File.WriteAllLines("leaderboard.csv", results.Select(r => $"{r.Trial.Name},{r.Accuracy:F4}"));
            }
        }
        """;

    [Fact]
    public Task Trials_each_scored_once_on_test_and_written_to_a_table_are_silent() => Expect(Program(Leaderboard));

    // Kind: several models evaluated on test one after another and the best kept (MLDSL0018).
    [Fact]
    public Task Trial_with_the_best_test_accuracy_kept_for_deployment_is_reported() =>
        Expect(Program(Mutate(Leaderboard, """File.WriteAllLines("leaderboard.csv", results.Select(r => $"{r.Trial.Name},{r.Accuracy:F4}"));""",
            """File.WriteAllText("chosen.txt", {|#0:results.MaxBy(r => r.Accuracy)|}.Trial.Name);""")), "MLDSL0018");
}
