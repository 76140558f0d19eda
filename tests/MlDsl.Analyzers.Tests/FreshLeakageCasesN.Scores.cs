namespace MlDsl.Analyzers.Tests;

/// <summary>Set N, kinds 4 and 5: scores on rows the model trained on, in-sample stacking, and their correct forms.</summary>
public sealed partial class FreshLeakageCasesN
{
    // Kaggle churn notebooks that print `accuracy_score(y_train, model.predict(X_train))` as "the model's accuracy"
    // (Kapoor & Narayanan L1.1, no held-out test set), here through a report helper.
    [Fact]
    public Task Training_accuracy_printed_as_the_models_accuracy_through_a_helper_is_reported() => Expect(Program("""
        public static class ChurnNotebook
        {
            static void Report(string title, ChurnNet model, IReadOnlyList<Subscriber> rows)
            {
                var e = model.Evaluate(rows);
                Console.WriteLine($"{title}: accuracy {e.Accuracy:P2}, loss {e.Loss:F3} on {e.Count} customers");
            }

            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var (train, validation, _) = customers.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ChurnNet();
                model.Fit(train, validation, new FitOptions { Epochs = 40 });
                Report("Churn model", model, {|#0:train|});
            }
        }
        """), "MLDSL0027");

    // Fit on every screening and score on every screening (a Cross Validated question "98% accuracy on Pima, too good
    // to be true?"); the reused variable `data` carries the same rows to both calls.
    [Fact]
    public Task Fit_and_evaluate_on_every_screening_is_reported() => Expect(Program("""
        public static class DiabetesNotebook
        {
            public static void Main()
            {
                IReadOnlyList<Screening> data = CsvFile.Read<Screening>("diabetes.csv");
                data = data.Where(s => s.Glucose > 0 && s.Bmi > 0).ToList();
                using var net = new ScreeningNet();
                net.Fit(data, null, new FitOptions { Epochs = 300 });
                var result = net.Evaluate({|#0:data|});
                Console.WriteLine($"accuracy {result.Accuracy:P1}");
            }
        }
        """), "MLDSL0027");

    // Rows split off the training part only to stop training early, then reported as the held-out score while the
    // real test part is never used (Data Science SE "early stopping on the validation set then reporting it").
    [Fact]
    public Task Early_stopping_rows_reported_as_the_held_out_score_is_reported() => Expect(Program("""
        public static class HousePrices
        {
            public static void Main()
            {
                var listings = CsvFile.Read<Listing>("train.csv");
                var split = listings.Split(new SplitOptions { Seed = 8 });
                var inner = split.Train.Split(new SplitOptions { Validation = 0.0, Test = 0.15, Seed = 8 });
                var fitRows = inner.Train;
                var stopRows = inner.Test;
                using var reg = new DeepListingNet();
                reg.Fit(fitRows, stopRows, new FitOptions { Epochs = 500, EarlyStoppingPatience = 20 });
                Console.WriteLine($"held-out MAE {reg.Evaluate({|#0:stopRows|}).MeanAbsoluteError:F0}");
            }
        }
        """), "MLDSL0027");

    // The fix: train on the training part, watch validation, report the test part once. The epoch reports' training
    // accuracy is printed too, labelled as such (a learning curve, not the score).
    [Fact]
    public Task Training_curve_printed_and_test_reported_once_stays_silent() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var (train, validation, test) = customers.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ChurnNet();
                var history = model.Fit(train, validation, new FitOptions { Epochs = 40 });
                foreach (var epoch in history.Epochs)
                    Console.WriteLine($"epoch {epoch.Epoch}: train {epoch.TrainAccuracy:P1} validation {epoch.Validation?.Accuracy:P1}");
                Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P2}");
            }
        }
        """));

    // Cross-validated estimate first, then the model to ship refitted on every screening and saved without a score
    // (the scikit-learn user guide's "refit on all data after model selection").
    [Fact]
    public Task Refit_on_every_screening_after_cross_validation_without_a_score_stays_silent() => Expect(Program("""
        public static class DiabetesNotebook
        {
            public static void Main()
            {
                var screenings = CsvFile.Read<Screening>("diabetes.csv");
                var cv = CrossValidation.Run(screenings, CrossValidation.TrainModel<Screening, ScreeningNet>(() => new ScreeningNet(),
                    new FitOptions { Epochs = 50 }), new FoldOptions { Kind = FoldKind.Stratified, Folds = 10 });
                Console.WriteLine($"10-fold accuracy {cv.Mean:P1} ± {cv.StandardDeviation:P1}");
                using var final = new ScreeningNet();
                final.Fit(screenings, null, new FitOptions { Epochs = 50 });
                final.Save("diabetes.mldsl");
            }
        }
        """));

    // Validation rows only watched (no early stopping, fixed epochs) and their score printed as the validation
    // accuracy: those rows never steered training.
    [Fact]
    public Task Validation_rows_only_watched_and_scored_stay_silent() => Expect(Program("""
        public static class HousePrices
        {
            public static void Main()
            {
                var listings = CsvFile.Read<Listing>("train.csv");
                var (train, validation, test) = listings.Split(new SplitOptions { Seed = 8 });
                using var reg = new DeepListingNet();
                reg.Fit(train, validation, new FitOptions { Epochs = 120 });
                Console.WriteLine($"validation MAE {reg.Evaluate(validation).MeanAbsoluteError:F0}");
                Console.WriteLine($"test MAE {reg.Evaluate(test).MeanAbsoluteError:F0}");
            }
        }
        """));

    // Kaggle "stacking" kernels that fit a first-level model on the whole frame and add its predicted probability as a
    // feature before the split (Kapoor & Narayanan L1.2-style preprocessing with a model; in-sample predictions).
    [Fact]
    public Task Churn_probability_of_a_net_fitted_on_every_subscriber_as_a_feature_is_reported() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                using var level0 = new WideChurnNet();
                level0.Fit(customers, null, new FitOptions { Epochs = 15 });
                var stacked = new List<Subscriber>();
                foreach (var c in customers)
                    stacked.Add(c with { PlanRate = {|#0:level0.PredictProbabilities(c)|}[1] });
                var split = stacked.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var level1 = new ChurnNet();
                level1.Fit(split.Train, split.Validation);
                Console.WriteLine(level1.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0028");

    // Blending two regressors fitted on every listing into the StreetPrice column through a helper, then splitting
    // (a Kaggle House Prices "ensemble as feature" notebook).
    [Fact]
    public Task Blend_of_two_regressors_fitted_on_every_listing_as_a_feature_is_reported() => Expect(Program("""
        public static class HousePrices
        {
            static List<Listing> WithBlend(ListingNet a, DeepListingNet b, IEnumerable<Listing> rows) =>
                rows.Select(l => l with { StreetPrice = 0.5f * (a.Predict(l) + b.Predict(l)) }).ToList();

            public static void Main()
            {
                var listings = CsvFile.Read<Listing>("train.csv");
                using var a = new ListingNet();
                using var b = new DeepListingNet();
                a.Fit(listings, null);
                b.Fit(listings, null);
                var blended = {|#0:WithBlend(a, b, listings)|};
                var (train, validation, test) = blended.Split(new SplitOptions { Seed = 6 });
                using var meta = new ListingNet();
                meta.Fit(train, validation);
                Console.WriteLine(meta.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0028");

    // Out-of-fold stacking over the training part (the scikit-learn StackingClassifier's cross_val_predict): each
    // training row gets a prediction from a model that did not see it; validation and test from a model fitted on train.
    [Fact]
    public Task Out_of_fold_churn_probabilities_as_a_feature_stay_silent() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var split = customers.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var oof = new Subscriber[split.Train.Count];
                foreach (var fold in Folds.Of(split.Train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }))
                {
                    using var level0 = new WideChurnNet();
                    level0.Fit(fold.Train.Select(i => split.Train[i]).ToList(), null, new FitOptions { Epochs = 15 });
                    foreach (int i in fold.Validation)
                        oof[i] = split.Train[i] with { PlanRate = level0.PredictProbabilities(split.Train[i])[1] };
                }
                using var full = new WideChurnNet();
                full.Fit(split.Train, null, new FitOptions { Epochs = 15 });
                List<Subscriber> Stack(IEnumerable<Subscriber> rows) => rows.Select(c => c with { PlanRate = full.PredictProbabilities(c)[1] }).ToList();
                using var level1 = new ChurnNet();
                level1.Fit(oof, Stack(split.Validation));
                Console.WriteLine(level1.Evaluate(Stack(split.Test)).Accuracy);
            }
        }
        """));

    // Blending on a holdout (the "blending" variant of Kaggle ensembling guides): base regressors fitted on the
    // training part, the meta model fitted on the validation part with their predictions, test scored once.
    [Fact]
    public Task Blend_fitted_on_the_validation_part_from_base_models_on_train_stays_silent() => Expect(Program("""
        public static class HousePrices
        {
            static List<Listing> WithBlend(ListingNet a, DeepListingNet b, IEnumerable<Listing> rows) =>
                rows.Select(l => l with { StreetPrice = 0.5f * (a.Predict(l) + b.Predict(l)) }).ToList();

            public static void Main()
            {
                var listings = CsvFile.Read<Listing>("train.csv");
                var (train, validation, test) = listings.Split(new SplitOptions { Seed = 6 });
                using var a = new ListingNet();
                using var b = new DeepListingNet();
                a.Fit(train, null);
                b.Fit(train, null);
                using var meta = new ListingNet();
                meta.Fit(WithBlend(a, b, validation), null);
                Console.WriteLine(meta.Evaluate(WithBlend(a, b, test)).MeanAbsoluteError);
            }
        }
        """));
}
