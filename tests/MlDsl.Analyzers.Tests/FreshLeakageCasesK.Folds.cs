namespace MlDsl.Analyzers.Tests;

/// <summary>Set K, hand-written folds, nested cross-validation and stacking (MLDSL0016, MLDSL0027, MLDSL0028).</summary>
public sealed partial class FreshLeakageCasesK
{
    // Hand-written 5-fold CV over the training rows (index modulo 5), scaler refitted per fold: the "held" fold is not the test set.
    [Fact]
    public Task Modulo_folds_over_the_training_visits_with_a_scaler_per_fold_are_silent() => Expect(Program("""
        public static class ManualCv
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, _, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 11 });
                const int k = 5;
                var accuracies = new List<double>();
                for (int f = 0; f < k; f++)
                {
                    var fitRows = train.Where((_, i) => i % k != f).ToList();
                    var heldRows = train.Where((_, i) => i % k == f).ToList();
                    var scaler = Standardizer.Fit(fitRows);
                    using var m = new VisitNet();
                    m.Fit(scaler.Apply(fitRows));
                    accuracies.Add(m.Evaluate(scaler.Apply(heldRows)).Accuracy);
                }
                Console.WriteLine($"5-fold accuracy {accuracies.Average():P2} ± {Math.Sqrt(accuracies.Average(a => (a - accuracies.Average()) * (a - accuracies.Average()))):P2}");

                var final = Standardizer.Fit(train);
                using var model = new VisitNet();
                model.Fit(final.Apply(train));
                Console.WriteLine($"test accuracy {model.Evaluate(final.Apply(test)).Accuracy:P2}");
            }
        }
        """));

    // scikit-learn "Common pitfalls" 10.2.1 (and Cross Validated "Feature scaling before or inside cross-validation?"):
    // the scaler is fitted on every training row, then the hand-written folds score on rows it has already seen.
    [Fact]
    public Task Scaler_fitted_on_every_training_visit_before_modulo_folds_is_reported() => Expect(Program("""
        public static class ManualCv
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, _, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 11 });
                var scaled = Standardizer.Fit({|#0:train|}).Apply(train);
                const int k = 5;
                var accuracies = new List<double>();
                for (int f = 0; f < k; f++)
                {
                    var fitRows = scaled.Where((_, i) => i % k != f).ToList();
                    var heldRows = scaled.Where((_, i) => i % k == f).ToList();
                    using var m = new VisitNet();
                    m.Fit(fitRows);
                    accuracies.Add(m.Evaluate(heldRows).Accuracy);
                }
                Console.WriteLine($"5-fold accuracy {accuracies.Average():P2}");
            }
        }
        """), "MLDSL0016");

    // The same leak with library folds over every visit (no split at all: CV is the whole evaluation).
    [Fact]
    public Task Min_max_scaler_fitted_on_every_visit_before_library_folds_is_reported() => Expect(Program("""
        public static class LibraryCv
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var rows = MinMaxScaler.Fit({|#0:visits|}).Apply(visits);
                var scores = new List<double>();
                foreach (var fold in Folds.Of(rows, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }))
                {
                    using var m = new VisitNet();
                    m.Fit(fold.Train.Select(i => rows[i]).ToList());
                    scores.Add(m.Evaluate(fold.Validation.Select(i => rows[i]).ToList()).Accuracy);
                }
                Console.WriteLine($"CV accuracy {scores.Average():P2}");
            }
        }
        """), "MLDSL0016");

    // Nested CV written by hand: the inner folds pick the width on the outer training rows; the outer fold scores it.
    [Fact]
    public Task Nested_cross_validation_by_hand_choosing_on_inner_folds_is_silent() => Expect(Program("""
        public static class NestedCv
        {
            static double InnerScore(List<Visit> rows, bool wide)
            {
                var scores = new List<double>();
                foreach (var inner in Folds.Of(rows, new FoldOptions { Kind = FoldKind.Stratified, Folds = 3 }))
                {
                    var fit = inner.Train.Select(i => rows[i]).ToList();
                    var check = inner.Validation.Select(i => rows[i]).ToList();
                    if (wide) { using var w = new WideVisitNet(); w.Fit(fit); scores.Add(w.Evaluate(check).Accuracy); }
                    else { using var n = new VisitNet(); n.Fit(fit); scores.Add(n.Evaluate(check).Accuracy); }
                }
                return scores.Average();
            }

            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var outerScores = new List<double>();
                foreach (var outer in Folds.Of(visits, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }))
                {
                    var outerTrain = outer.Train.Select(i => visits[i]).ToList();
                    var outerTest = outer.Validation.Select(i => visits[i]).ToList();
                    bool wide = new[] { false, true }.MaxBy(w => InnerScore(outerTrain, w));
                    if (wide) { using var w = new WideVisitNet(); w.Fit(outerTrain); outerScores.Add(w.Evaluate(outerTest).Accuracy); }
                    else { using var n = new VisitNet(); n.Fit(outerTrain); outerScores.Add(n.Evaluate(outerTest).Accuracy); }
                }
                Console.WriteLine($"nested CV accuracy {outerScores.Average():P2}");
            }
        }
        """));

    // Out-of-fold stacking (Kaggle "Stacking and blending" guides): each training row gets the first model's
    // prediction from a model that never saw it; the test rows get predictions of a model fitted on all training rows.
    [Fact]
    public Task Out_of_fold_stacking_by_hand_is_silent() => Expect(Program("""
        public static class Stacking
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var stackedTrain = train.ToArray();
                foreach (var fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }))
                {
                    using var first = new WideVisitNet();
                    first.Fit(fold.Train.Select(i => train[i]).ToList());
                    foreach (int i in fold.Validation)
                        stackedTrain[i] = train[i] with { WardLevel = first.Predict(train[i]) };
                }
                using var full = new WideVisitNet();
                full.Fit(train);
                var stackedValidation = validation.Select(v => v with { WardLevel = full.Predict(v) }).ToList();
                var stackedTest = test.Select(v => v with { WardLevel = full.Predict(v) }).ToList();
                using var second = new VisitNet();
                second.Fit(stackedTrain, stackedValidation);
                Console.WriteLine($"stacked test accuracy {second.Evaluate(stackedTest).Accuracy:P2}");
            }
        }
        """));

    // In-sample stacking: the first model predicts the very training rows it was fitted on.
    [Fact]
    public Task In_sample_stacking_on_the_training_visits_is_reported() => Expect(Program("""
        public static class Stacking
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var first = new WideVisitNet();
                first.Fit(train);
                Func<Visit, Visit> addScore = v => v with { WardLevel = first.Predict(v) };
                var stackedTrain = train.Select(v => v with { WardLevel = {|#0:first.Predict(v)|} }).ToList();
                using var second = new VisitNet();
                second.Fit(stackedTrain, validation.Select(addScore).ToList());
                Console.WriteLine($"stacked test accuracy {second.Evaluate(test.Select(addScore).ToList()).Accuracy:P2}");
            }
        }
        """), "MLDSL0028");

    // Keras/XGBoost tutorials: "X_tr, X_es = train_test_split(X_train)" for early stopping, then the printed score is
    // model.score(X_es) — the holdout chose the best epoch, so its score flatters the model.
    [Fact]
    public Task Early_stopping_holdout_carved_from_train_reported_as_the_score_is_reported() => Expect(Program("""
        public static class EarlyStop
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var outer = visits.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
                var (fitPart, stopPart) = (outer.Train.Take(outer.Train.Count * 9 / 10).ToList(), outer.Train.Skip(outer.Train.Count * 9 / 10).ToList());
                using var model = new VisitNet();
                var report = model.Fit(fitPart, stopPart, new FitOptions { Epochs = 300, EarlyStoppingPatience = 15 });
                Console.WriteLine($"stopped at epoch {report.BestEpoch}, accuracy {model.Evaluate({|#0:stopPart|}).Accuracy:P2}");
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Early_stopping_holdout_carved_from_train_then_test_scored_is_silent() => Expect(Program("""
        public static class EarlyStop
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var outer = visits.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
                var (fitPart, stopPart) = (outer.Train.Take(outer.Train.Count * 9 / 10).ToList(), outer.Train.Skip(outer.Train.Count * 9 / 10).ToList());
                using var model = new VisitNet();
                var report = model.Fit(fitPart, stopPart, new FitOptions { Epochs = 300, EarlyStoppingPatience = 15 });
                Console.WriteLine($"stopped at epoch {report.BestEpoch}, test accuracy {model.Evaluate(outer.Test).Accuracy:P2}");
            }
        }
        """));
}
