namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set M, kinds 4, 5 and 9: scores on rows the model trained on, in-sample stacking, the same rows for training and
/// validation, with their out-of-sample twins.
/// </summary>
public sealed partial class FreshLeakageCasesM
{
    // Stack Overflow "R² of 0.99 on my wine model" (scored on its training rows): a scoring local function around the
    // model, invoked on the training part only.
    [Fact]
    public Task Scoring_local_function_invoked_on_the_training_wines_only_is_reported() => Expect(Program("""
        public static class WineNotebook
        {
            public static void Main()
            {
                var wines = CsvFile.Read<Wine>("winequality-red.csv");
                var split = wines.Split(new SplitOptions { Validation = 0 });
                using var net = new WineNet();
                net.Fit(split.Train, null, new FitOptions { Epochs = 60 });
                double Mae(IReadOnlyList<Wine> rows) => net.Evaluate(rows).MeanAbsoluteError;
                Console.WriteLine($"MAE {Mae({|#0:split.Train|}):F3}");
            }
        }
        """), "MLDSL0027");

    // Kapoor & Narayanan, L1.1 "no test set": the model fitted on every claim and scored on every claim, through a
    // metrics dictionary a report helper prints.
    [Fact]
    public Task Model_fitted_and_scored_on_every_claim_through_a_metrics_dictionary_is_reported() => Expect(Program("""
        public static class FraudNotebook
        {
            static void Print(IReadOnlyDictionary<string, double> metrics)
            {
                foreach (var (name, value) in metrics) Console.WriteLine($"{name,-10}{value:F3}");
            }

            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                using var net = new ClaimNet();
                net.Fit(claims, null, new FitOptions { Epochs = 30 });
                var evaluation = net.Evaluate({|#0:claims|});
                Print(new Dictionary<string, double> { ["accuracy"] = evaluation.Accuracy, ["loss"] = evaluation.Loss });
            }
        }
        """), "MLDSL0027");

    // Early stopping on a holdout carved from the training part, then that holdout reported as the model's score
    // (Chollet, "Deep Learning with Python", 5.2: information leaks into the model through choices made on it).
    [Fact]
    public Task Stopping_holdout_carved_from_the_training_readings_reported_as_the_score_is_reported() => Expect(Program("""
        public static class PowerCurve
        {
            public static void Main()
            {
                var readings = CsvFile.Read<Reading>("scada.csv");
                var outer = readings.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0 });
                var inner = outer.Train.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0, Test = 0.1 });
                using var net = new TurbineNet();
                var report = net.Fit(inner.Train, inner.Test, new FitOptions { Epochs = 100, EarlyStoppingPatience = 10 });
                Console.WriteLine($"best epoch {report.BestEpoch}: MAE {net.Evaluate({|#0:inner.Test|}).MeanAbsoluteError:F1}");
            }
        }
        """), "MLDSL0027");

    // MLDSL0020's own example with aliases: the training part kept in two variables, one passed as training, the other as
    // validation (a copy-paste slip in a Kaggle kernel's `fit(X_train, y_train, validation_data=(X_train, y_train))`).
    [Fact]
    public Task Training_pupils_under_two_names_as_training_and_validation_is_reported() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Main()
            {
                var split = CsvFile.Read<Pupil>("pupils.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                IReadOnlyList<Pupil> fitRows = split.Train;
                var checkRows = fitRows;
                using var net = new PupilNet();
                net.Fit(fitRows, {|#0:checkRows|}, new FitOptions { Epochs = 20 });
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0020");

    // Validation rows that are inside the training rows: the whole table trained on, the split's validation watched.
    [Fact]
    public Task Every_wine_trained_on_with_the_splits_validation_watched_is_reported() => Expect(Program("""
        public static class WineNotebook
        {
            public static void Main()
            {
                var wines = CsvFile.Read<Wine>("winequality-red.csv");
                var parts = wines.Split();
                using var net = new WineNet();
                net.Fit(wines, {|#0:parts.Validation|});
                Console.WriteLine(net.Evaluate({|#1:parts.Test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0020", "MLDSL0027");

    // Wolpert's stacked generalisation done in-sample (the mistake the mlxtend StackingCVClassifier docs warn about): a
    // helper writes the first model's fraud probability into GarageRate for the rows that model was trained on.
    [Fact]
    public Task Helper_writing_a_first_models_scores_into_its_training_claims_is_reported() => Expect(Program("""
        public static class Stacking
        {
            public static List<Claim> WithScore(ClaimNet first, IReadOnlyList<Claim> rows) =>
                rows.Select(c => c with { GarageRate = first.PredictProbabilities(c)[1] }).ToList();
        }

        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var (train, validation, test) = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var first = new ClaimNet();
                first.Fit(train);
                var stacked = {|#0:Stacking.WithScore(first, train)|};
                using var second = new DeepClaimNet();
                second.Fit(stacked, Stacking.WithScore(first, validation));
                Console.WriteLine(second.Evaluate(Stacking.WithScore(first, test)).Accuracy);
            }
        }
        """), "MLDSL0028");

    // A persistence-corrected forecast built in an index loop: a first model trained on every reading predicts each
    // reading, and its prediction replaces the lag feature for the second model, before the split.
    [Fact]
    public Task First_models_predictions_of_every_reading_as_a_feature_in_an_index_loop_is_reported() => Expect(Program("""
        public static class PowerCurve
        {
            public static void Main()
            {
                var readings = CsvFile.Read<Reading>("scada.csv");
                using var first = new TurbineNet();
                first.Fit(readings);
                var stacked = new Reading[readings.Count];
                for (int i = 0; i < readings.Count; i++)
                    stacked[i] = readings[i] with { PowerLag1 = {|#0:first.Predict(readings[i])|} };
                var split = stacked.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var second = new TurbineNet();
                second.Fit(split.Train, split.Validation);
                Console.WriteLine(second.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0028");

    // Look-alike (learning-curve diagnosis, scikit-learn's "Underfitting vs. Overfitting" example): training and test
    // scores printed side by side from a dictionary of named parts.
    [Fact]
    public Task Training_and_test_scores_printed_from_a_dictionary_of_parts_is_silent() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Main()
            {
                var split = CsvFile.Read<Pupil>("pupils.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new PupilNet();
                net.Fit(split.Train, split.Validation);
                var parts = new Dictionary<string, IReadOnlyList<Pupil>> { ["train"] = split.Train, ["test"] = split.Test };
                foreach (var (name, rows) in parts)
                    Console.WriteLine($"{name}: {net.Evaluate(rows).Accuracy:P1}");
            }
        }
        """));

    // Look-alike (blending as in the Netflix-prize write-ups): the first model trained on the training claims, its
    // scores for the validation claims train the blender, and the test claims are scored once.
    [Fact]
    public Task Blender_trained_on_a_first_models_validation_scores_is_silent() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var (train, validation, test) = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var first = new ClaimNet();
                first.Fit(train);
                Func<Claim, Claim> addScore = c => c with { GarageRate = first.PredictProbabilities(c)[1] };
                using var blender = new DeepClaimNet();
                blender.Fit(validation.Select(addScore).ToList());
                Console.WriteLine($"blended test accuracy {blender.Evaluate(test.Select(addScore).ToList()).Accuracy:P2}");
            }
        }
        """));

    // Look-alike (out-of-fold stacking, mlxtend's StackingCVRegressor): every training reading gets the prediction of a
    // model that never saw it; the test readings get a model trained on the whole training part.
    [Fact]
    public Task Out_of_fold_predictions_of_the_training_readings_as_a_feature_is_silent() => Expect(Program("""
        public static class PowerCurve
        {
            public static void Main()
            {
                var readings = CsvFile.Read<Reading>("scada.csv");
                var (train, _, test) = readings.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0 });
                var oof = new Reading[train.Count];
                foreach (var fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 4 }))
                {
                    using var model = new TurbineNet();
                    model.Fit(fold.Train.Select(i => train[i]).ToList());
                    foreach (int i in fold.Validation) oof[i] = train[i] with { PowerLag1 = model.Predict(train[i]) };
                }
                using var full = new TurbineNet();
                full.Fit(train);
                var stackedTest = test.Select(r => r with { PowerLag1 = full.Predict(r) }).ToList();
                using var second = new TurbineNet();
                second.Fit(oof.Where(r => r is not null).ToList());
                Console.WriteLine(second.Evaluate(stackedTest).MeanAbsoluteError);
            }
        }
        """));

    // Look-alike (the Keras loss curve without early stopping): validation rows only watched, and their score printed
    // next to the test score; the model never chose anything by them.
    [Fact]
    public Task Validation_wines_only_watched_and_printed_beside_the_test_score_is_silent() => Expect(Program("""
        public static class WineNotebook
        {
            public static void Main()
            {
                var wines = CsvFile.Read<Wine>("winequality-red.csv");
                var (train, validation, test) = wines.Split();
                using var net = new WineNet();
                net.Fit(train, validation, new FitOptions { Epochs = 50 });
                Console.WriteLine($"validation MAE {net.Evaluate(validation).MeanAbsoluteError:F2}, test MAE {net.Evaluate(test).MeanAbsoluteError:F2}");
            }
        }
        """));

    // Look-alike (fold models trained and validated on the two disjoint index sets of each fold).
    [Fact]
    public Task Fold_model_validated_on_its_folds_held_out_pupils_is_silent() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Main()
            {
                var pupils = CsvFile.Read<Pupil>("pupils.csv");
                var split = pupils.Split(new SplitOptions { Kind = SplitKind.Grouped });
                var rows = split.Train;
                foreach (var fold in Folds.Of(rows, new FoldOptions { Kind = FoldKind.Grouped, Folds = 3 }))
                {
                    var fit = (from i in fold.Train select rows[i]).ToList();
                    var watch = (from i in fold.Validation select rows[i]).ToList();
                    using var net = new PupilNet();
                    net.Fit(fit, watch, new FitOptions { Epochs = 15 });
                    Console.WriteLine($"fold {fold.Index}: {net.Evaluate(watch).Loss:F3}");
                }
            }
        }
        """));

    // Look-alike (the model to ship): after the epochs were chosen on validation, refit on training + validation and
    // report the test score only.
    [Fact]
    public Task Refit_on_training_and_validation_claims_scored_on_test_only_is_silent() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var (train, validation, test) = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var probe = new ClaimNet();
                var report = probe.Fit(train, validation, new FitOptions { Epochs = 60, EarlyStoppingPatience = 6 });
                using var final = new ClaimNet();
                final.Fit(train.Concat(validation).ToList(), null, new FitOptions { Epochs = report.BestEpoch ?? 60 });
                Console.WriteLine($"test accuracy {final.Evaluate(test).Accuracy:P2}");
            }
        }
        """));
}
