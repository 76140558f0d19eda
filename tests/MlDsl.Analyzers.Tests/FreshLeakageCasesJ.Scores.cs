namespace MlDsl.Analyzers.Tests;

/// <summary>Set J, kinds "scores on rows trained on" (MLDSL0027) and "in-sample stacking" (MLDSL0028).</summary>
public sealed partial class FreshLeakageCasesJ
{
    // "My model has 99% accuracy" threads (Cross Validated, "Why is my training accuracy so high?"): the only score
    // printed is on the training part, through a local function that trains and scores.
    [Fact]
    public Task Local_function_that_trains_and_scores_on_the_same_part_is_reported() => Expect(Program("""
        public static class Quick
        {
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                double TrainAndScore(IReadOnlyList<Loan> rows)
                {
                    using var model = new LoanNet();
                    model.Fit(rows, null, new FitOptions { Epochs = 50 });
                    return model.Evaluate({|#0:rows|}).Accuracy;
                }
                Console.WriteLine($"accuracy {TrainAndScore(split.Train):P2}");
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Local_function_that_trains_on_one_part_and_scores_another_is_silent() => Expect(Program("""
        public static class Quick
        {
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                double TrainAndScore(IReadOnlyList<Loan> fit, IReadOnlyList<Loan> score)
                {
                    using var model = new LoanNet();
                    model.Fit(fit, null, new FitOptions { Epochs = 50 });
                    return model.Evaluate(score).Accuracy;
                }
                Console.WriteLine($"accuracy {TrainAndScore(split.Train, split.Test):P2}");
            }
        }
        """));

    // Fit on every row, score every row: the "accuracy" of a model that has seen them all.
    [Fact]
    public Task Model_fitted_on_every_loan_and_scored_on_every_loan_is_reported() => Expect(Program("""
        public static class Everything
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv").Where(l => l.Income > 0).ToList();
                using var model = new DeepLoanNet();
                model.Fit(loans, null, new FitOptions { Epochs = 80 });
                var evaluation = model.Evaluate({|#0:loans|});
                Console.WriteLine($"accuracy {evaluation.Accuracy:P2} on {evaluation.Count} loans");
            }
        }
        """), "MLDSL0027");

    // Look-alike: the training score printed beside the test score is an overfitting diagnosis.
    [Fact]
    public Task Training_score_beside_a_test_score_from_a_loop_over_parts_is_silent() => Expect(Program("""
        public static class Diagnosis
        {
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation);
                foreach (var (name, part) in new[] { ("train", split.Train), ("test", split.Test) })
                    Console.WriteLine($"{name}: {model.Evaluate(part).Accuracy:P2}");
            }
        }
        """));

    // The only score taken is on the rows that chose the best epoch (Keras: "report val_accuracy of the best epoch").
    [Fact]
    public Task Only_score_is_on_the_rows_that_picked_the_best_epoch_is_reported() => Expect(Program("""
        public static class BestEpoch
        {
            public static void Main()
            {
                var (train, validation, _) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new DeepLoanNet();
                var report = model.Fit(train, validation, new FitOptions { Epochs = 100, EarlyStoppingPatience = 8 });
                Console.WriteLine($"best epoch {report.BestEpoch}: accuracy {model.Evaluate({|#0:validation|}).Accuracy:P2}");
            }
        }
        """), "MLDSL0027");

    // Look-alike: validation rows only watched for the loss curve (no early stopping, so no best epoch is kept) are rows
    // the model never learned; their score, printed beside the curve, is out-of-sample.
    [Fact]
    public Task Validation_rows_only_watched_without_early_stopping_then_scored_is_silent() => Expect(Program("""
        public static class Watched
        {
            public static void Main()
            {
                var (train, validation, _) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                var report = model.Fit(train, validation, new FitOptions { Epochs = 15 });
                foreach (var epoch in report.Epochs) Console.WriteLine(epoch);
                Console.WriteLine($"validation accuracy {model.Evaluate(validation).Accuracy:P2}");
            }
        }
        """));

    // A helper that returns the model together with the rows it was trained on; the caller scores those rows.
    [Fact]
    public Task Tuple_of_model_and_its_training_rows_scored_together_is_reported() => Expect(Program("""
        public static class Tuples
        {
            private static (LoanNet Model, IReadOnlyList<Loan> Seen) Train(DataSplit<Loan> split)
            {
                var model = new LoanNet();
                model.Fit(split.Train);
                return (model, split.Train);
            }

            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var (model, seen) = Train(split);
                Console.WriteLine($"accuracy {model.Evaluate({|#0:seen|}).Accuracy:P2}");
            }
        }
        """), "MLDSL0027");

    // Kaggle "stacking" kernels done in-sample (Wolpert's stacked generalisation needs out-of-fold predictions):
    // the first model, fitted on every loan, writes its default probability into RegionRate for the second model.
    [Fact]
    public Task Probabilities_of_a_model_fitted_on_every_loan_written_as_a_feature_is_reported() => Expect(Program("""
        public static class Stacking
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                using var first = new LoanNet(seed: 1);
                first.Fit(loans);
                var stacked = loans.Select(l => l with { RegionRate = {|#0:first.PredictProbabilities(l)|}[1] }).ToList();
                var split = stacked.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var second = new DeepLoanNet(seed: 2);
                second.Fit(split.Train, split.Validation);
                Console.WriteLine(second.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0028");

    // The fix: out-of-fold predictions for the training rows (each fold's model predicts only its held-out fold), and
    // the first model refitted on the training rows predicts the test rows.
    [Fact]
    public Task Out_of_fold_probabilities_written_as_a_feature_is_silent() => Expect(Program("""
        public static class Stacking
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var (train, _, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0 });
                var stackedTrain = new Loan[train.Count];
                foreach (var fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5, Shuffle = true }))
                {
                    var foldTrain = fold.Train.Select(i => train[i]).ToList();
                    using var first = new LoanNet(seed: 1);
                    first.Fit(foldTrain);
                    foreach (int i in fold.Validation)
                        stackedTrain[i] = train[i] with { RegionRate = first.PredictProbabilities(train[i])[1] };
                }
                using var full = new LoanNet(seed: 1);
                full.Fit(train);
                var stackedTest = test.Select(l => l with { RegionRate = full.PredictProbabilities(l)[1] }).ToList();
                using var second = new DeepLoanNet(seed: 2);
                second.Fit(stackedTrain);
                Console.WriteLine(second.Evaluate(stackedTest).Accuracy);
            }
        }
        """));

    // In-sample stacking through a helper given the model and the rows it was trained on.
    [Fact]
    public Task Helper_adding_scores_of_the_first_model_on_its_own_training_rows_is_reported() => Expect(Program("""
        public static class Blend
        {
            private static List<Loan> WithScore(LoanNet model, IEnumerable<Loan> rows) =>
                rows.Select(l => l with { RegionRate = model.PredictProbabilities(l)[1] }).ToList();

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var first = new LoanNet(seed: 1);
                first.Fit(train);
                var secondTrain = {|#0:WithScore(first, train)|};
                using var second = new DeepLoanNet(seed: 2);
                second.Fit(secondTrain, WithScore(first, validation));
                Console.WriteLine(second.Evaluate(WithScore(first, test)).Accuracy);
            }
        }
        """), "MLDSL0028");

    // Look-alike: the first model's scores on the validation rows it never trained on train the blender (holdout blending).
    [Fact]
    public Task Helper_adding_scores_on_rows_the_first_model_never_saw_is_silent() => Expect(Program("""
        public static class Blend
        {
            private static List<Loan> WithScore(LoanNet model, IEnumerable<Loan> rows) =>
                rows.Select(l => l with { RegionRate = model.PredictProbabilities(l)[1] }).ToList();

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.3 });
                using var first = new LoanNet(seed: 1);
                first.Fit(train);
                var blendRows = WithScore(first, validation);
                using var second = new DeepLoanNet(seed: 2);
                second.Fit(blendRows);
                Console.WriteLine(second.Evaluate(WithScore(first, test)).Accuracy);
            }
        }
        """));
}
