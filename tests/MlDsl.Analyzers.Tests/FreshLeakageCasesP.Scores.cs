namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Kind 4: scores on rows the model trained on (a classification report on the training part written as the result, a
/// hand-counted accuracy after fitting every pump day, the early-stopping holdout reported as "held-out", validation
/// rows folded into training and then scored). Kind 5: in-sample stacking (a model's predictions on the rows it was
/// fitted on used as a feature of the next model).
/// </summary>
public sealed partial class FreshLeakageCasesP
{
    /// <summary>A churn notebook's "final report" is a classification report of the training subscribers.</summary>
    [Fact]
    public Task Classification_report_of_the_training_part_written_as_the_result_is_reported() => Expect(Program("""
        public static class ChurnReport
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Subscriber>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new ChurnNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                var report = {|#0:ClassificationReport.Compute(split.Train, model.Predict(split.Train), new[] { "stays", "churns" })|};
                File.WriteAllText("churn-report.txt", report.ToString());
            }
        }
        """), "MLDSL0027");

    /// <summary>Predictive maintenance: one model fitted on every pump day, its accuracy counted by hand on the same days.</summary>
    [Fact]
    public Task Accuracy_counted_by_hand_on_every_row_the_model_fitted_is_reported() => Expect(Program("""
        public static class PumpAccuracy
        {
            public static void Run(string path)
            {
                var days = CsvFile.Read<PumpDay>(path);
                using var model = new PumpNet(seed: 2);
                model.Fit(days);
                double accuracy = days.Count(d => model.Predict({|#0:d|}) == d.FailsWithin7Days) / (double)days.Count;
                Console.WriteLine($"accuracy {accuracy:P1}");
            }
        }
        """), "MLDSL0027");

    /// <summary>Click model: early stopping on rows carved from the training part, then those rows' accuracy printed as "held-out".</summary>
    [Fact]
    public Task Accuracy_on_the_early_stopping_rows_printed_as_held_out_is_reported() => Expect(Program("""
        public static class ClickHoldout
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Impression>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                var inner = split.Train.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.1, Test = 0.0 });
                using var model = new ClickNet(seed: 3);
                model.Fit(inner.Train, inner.Validation, new FitOptions { EarlyStoppingPatience = 3 });
                Console.WriteLine($"held-out accuracy {model.Evaluate({|#0:inner.Validation|}).Accuracy}");
            }
        }
        """), "MLDSL0027");

    /// <summary>Demand: validation days folded into the training rows "to use all the data", then the validation MAE reported.</summary>
    [Fact]
    public Task Validation_scored_after_it_was_folded_into_training_is_reported() => Expect(Program("""
        public static class DemandRefit
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<DemandDay>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                var allButTest = split.Train.Concat(split.Validation).ToList();
                using var model = new DemandNet(seed: 4);
                model.Fit(allButTest);
                Console.WriteLine($"validation MAE {model.Evaluate({|#0:split.Validation|}).MeanAbsoluteError}");
            }
        }
        """), "MLDSL0027");

    /// <summary>Home Credit stacking: a first model fitted on every applicant, its default probability written into BureauScore, then split and a second model trained.</summary>
    [Fact]
    public Task Probabilities_of_a_model_fitted_on_every_applicant_used_as_a_feature_are_reported() => Expect(Program("""
        public static class CreditStack
        {
            public static void Run(string path)
            {
                var applicants = CsvFile.Read<Applicant>(path);
                using var first = new CreditNet(seed: 1);
                first.Fit(applicants);
                var probabilities = {|#0:first.PredictProbabilities(applicants)|};
                var stacked = applicants.Select((a, i) => a with { BureauScore = probabilities[i][1] }).ToList();
                var split = stacked.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var second = new CreditNet(seed: 2);
                second.Fit(split.Train, split.Validation);
                Console.WriteLine(second.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0028");

    /// <summary>Churn: a helper that fits a model on the rows it is given and writes its predictions into ModelScore, called on every subscriber before the split.</summary>
    [Fact]
    public Task Helper_that_scores_the_rows_it_fitted_on_called_before_the_split_is_reported() => Expect(Program("""
        public static class ChurnStack
        {
            public static List<Subscriber> WithModelScore(IReadOnlyList<Subscriber> rows)
            {
                using var model = new ChurnNet(seed: 5);
                model.Fit(rows);
                var predicted = {|#0:model.Predict(rows)|};
                return rows.Select((r, i) => r with { ModelScore = predicted[i] }).ToList();
            }

            public static void Run(string path)
            {
                var subscribers = CsvFile.Read<Subscriber>(path);
                var scored = WithModelScore(subscribers);
                var split = scored.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new ChurnNet(seed: 6);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0028");

    /// <summary>
    /// Stacking without out-of-fold predictions: the first model's predictions on its own training rows become the second
    /// model's feature, while validation and test get honest predictions; the second model learns to trust an overfit score.
    /// </summary>
    [Fact]
    public Task Predictions_on_the_first_models_own_training_rows_used_as_a_feature_are_reported() => Expect(Program("""
        public static class DemandStack
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<DemandDay>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var first = new DemandNet(seed: 1);
                first.Fit(split.Train);
                var trainPredictions = {|#0:first.Predict(split.Train)|};
                var validationPredictions = first.Predict(split.Validation);
                var testPredictions = first.Predict(split.Test);
                var train = split.Train.Select((d, i) => d with { Rolling28 = trainPredictions[i] }).ToList();
                var validation = split.Validation.Select((d, i) => d with { Rolling28 = validationPredictions[i] }).ToList();
                var test = split.Test.Select((d, i) => d with { Rolling28 = testPredictions[i] }).ToList();
                using var second = new DemandNet(seed: 2);
                second.Fit(train, validation);
                Console.WriteLine(second.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0028");
}
