namespace MlDsl.Analyzers.Tests;

/// <summary>Set L, kinds 4 and 5: scores on rows the model trained on and in-sample stacking, with their correct twins.</summary>
public sealed partial class FreshLeakageCasesL
{
    // Stack Overflow "why is my accuracy 100%?" (scored on the training set): a report helper prints the accuracy of the
    // rows it is given, and the notebook gives it the training speakers only.
    [Fact]
    public Task Report_helper_given_the_training_utterances_is_reported() => Expect(Program("""
        public static class SpokenDigits
        {
            static void Report(UtteranceNet model, IReadOnlyList<Utterance> rows, string name) =>
                Console.WriteLine($"{name}: {model.Evaluate(rows).Accuracy:P1} on {rows.Count} clips");

            public static void Main()
            {
                var utterances = CsvFile.Read<Utterance>("digits.csv");
                var (train, validation, test) = utterances.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new UtteranceNet();
                model.Fit(train);
                Report(model, {|#0:train|}, "accuracy");
            }
        }
        """), "MLDSL0027");

    // A forecasting helper that returns the model with the days it saw (a named tuple), and the notebook scores the
    // model on those days as if they were new.
    [Fact]
    public Task Model_scored_on_the_days_its_helper_trained_on_through_a_tuple_is_reported() => Expect(Program("""
        public static class Forecast
        {
            static (ShopNet Model, IReadOnlyList<ShopDay> Seen) TrainOn(IReadOnlyList<ShopDay> days)
            {
                var net = new ShopNet();
                net.Fit(days);
                return (net, days);
            }

            public static void Main()
            {
                var days = CsvFile.Read<ShopDay>("shop.csv");
                var split = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                var run = TrainOn(split.Train);
                Console.WriteLine($"MAE {run.Model.Evaluate({|#0:run.Seen|}).MeanAbsoluteError:F1}");
            }
        }
        """), "MLDSL0027");

    // "Refit on train + validation, report the validation score" (a frequent Kaggle kernel slip): the rows scored are
    // inside the final model's training rows.
    [Fact]
    public Task Refit_on_training_and_validation_applications_scored_on_validation_is_reported() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var applicants = CsvFile.Read<Applicant>("applications.csv");
                var (train, validation, test) = applicants.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ApplicantNet();
                model.Fit(train.Concat(validation).ToList(), null, new FitOptions { Epochs = 30 });
                Console.WriteLine($"validation accuracy {model.Evaluate({|#0:validation|}).Accuracy:P1}");
            }
        }
        """), "MLDSL0027");

    // Keras users reporting `val_accuracy` of the early-stopped model as its final score (Chollet, "Deep Learning with
    // Python", 5.2: the validation set leaks through the choices made on it): the only score is the validation one.
    [Fact]
    public Task Early_stopped_spam_model_scored_only_on_its_validation_emails_is_reported() => Expect(Program("""
        public static class SpamFilter
        {
            public static void Main()
            {
                var emails = CsvFile.Read<Email>("emails.csv");
                var split = emails.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new EmailNet();
                model.Fit(split.Train, split.Validation, new FitOptions { Epochs = 100, EarlyStoppingPatience = 6 });
                Console.WriteLine($"final accuracy {model.Evaluate({|#0:split.Validation|}).Accuracy:P1}");
            }
        }
        """), "MLDSL0027");

    // Look-alike (the learning-curve diagnosis in Ng's "Machine Learning Yearning"): the training score printed beside the
    // test score to see the gap.
    [Fact]
    public Task Training_score_beside_the_test_score_of_the_speakers_model_is_silent() => Expect(Program("""
        public static class SpokenDigits
        {
            static void Report(UtteranceNet model, IReadOnlyList<Utterance> rows, string name) =>
                Console.WriteLine($"{name}: {model.Evaluate(rows).Accuracy:P1} on {rows.Count} clips");

            public static void Main()
            {
                var utterances = CsvFile.Read<Utterance>("digits.csv");
                var (train, validation, test) = utterances.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new UtteranceNet();
                model.Fit(train);
                Report(model, train, "train");
                Report(model, test, "unseen speakers");
            }
        }
        """));

    // Look-alike (scikit-learn's cross_val_score with a Pipeline, by hand): folds over the training applications, a
    // scaler fitted per fold, the fold scores averaged, then the test part scored once.
    [Fact]
    public Task Hand_written_folds_over_training_applications_averaged_is_silent() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var applicants = CsvFile.Read<Applicant>("applications.csv");
                var (train, validation, test) = applicants.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scores = new List<double>();
                foreach (var fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }))
                {
                    var foldTrain = fold.Train.Select(i => train[i]).ToList();
                    var foldValidation = fold.Validation.Select(i => train[i]).ToList();
                    var scaler = Standardizer.Fit(foldTrain);
                    using var net = new ApplicantNet();
                    net.Fit(scaler.Apply(foldTrain));
                    scores.Add(net.Evaluate(scaler.Apply(foldValidation)).Accuracy);
                }
                Console.WriteLine($"cross-validated accuracy {scores.Average():P1}");
                var final = Standardizer.Fit(train);
                using var model = new ApplicantNet();
                model.Fit(final.Apply(train), final.Apply(validation));
                Console.WriteLine($"test accuracy {model.Evaluate(final.Apply(test)).Accuracy:P1}");
            }
        }
        """));

    // Look-alike (a loss-curve notebook): validation days only watched for the curve, no early stopping, and their score
    // printed; the model never learned from them.
    [Fact]
    public Task Validation_days_only_watched_and_scored_is_silent() => Expect(Program("""
        public static class Forecast
        {
            public static void Main()
            {
                var days = CsvFile.Read<ShopDay>("shop.csv");
                var (train, validation, test) = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new ShopNet();
                model.Fit(train, validation, new FitOptions { Epochs = 25, OnEpoch = e => Console.WriteLine(e) });
                Console.WriteLine($"validation MAE {model.Evaluate(validation).MeanAbsoluteError:F1}");
            }
        }
        """));

    // Wolpert's stacked generalisation done in-sample (the pitfall the mlxtend StackingCVClassifier docs warn about): a
    // first model fitted on every application writes its own prediction into each row, then the rows are split.
    [Fact]
    public Task First_model_predictions_on_every_application_as_a_feature_is_reported() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var applicants = CsvFile.Read<Applicant>("applications.csv");
                using var first = new WideApplicantNet();
                first.Fit(applicants);
                var stacked = applicants.Select(a => a with { EmployerRate = {|#0:first.PredictProbabilities(a)|}[1] }).ToList();
                var split = stacked.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var second = new ApplicantNet();
                second.Fit(split.Train, split.Validation);
                Console.WriteLine(second.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0028");

    // The same pitfall through a helper: a risk-score helper applied to the training admissions the first model fitted.
    [Fact]
    public Task Risk_helper_applied_to_the_first_models_own_training_admissions_is_reported() => Expect(Program("""
        public static class SepsisNotebook
        {
            static List<Admission> AddRisk(AdmissionNet model, IReadOnlyList<Admission> rows) =>
                rows.Select(a => a with { Risk = model.PredictProbabilities(a)[1] }).ToList();

            public static void Main()
            {
                var admissions = CsvFile.Read<Admission>("admissions.csv");
                var split = admissions.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var first = new AdmissionNet();
                first.Fit(split.Train);
                var stackedTrain = {|#0:AddRisk(first, split.Train)|};
                using var second = new AdmissionNet();
                second.Fit(stackedTrain, AddRisk(first, split.Validation));
                Console.WriteLine(second.Evaluate(AddRisk(first, split.Test)).Accuracy);
            }
        }
        """), "MLDSL0028");

    // In-sample stacking written in query syntax: the spam-word column replaced by the first model's label for the very
    // e-mails it trained on.
    [Fact]
    public Task First_spam_model_labels_of_its_own_training_emails_in_query_syntax_is_reported() => Expect(Program("""
        public static class SpamFilter
        {
            public static void Main()
            {
                var emails = CsvFile.Read<Email>("emails.csv");
                var (train, validation, test) = emails.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var first = new EmailNet();
                first.Fit(train);
                var stacked = (from e in train select e with { SpamWords = {|#0:first.Predict(e)|} }).ToList();
                using var second = new EmailNet();
                second.Fit(stacked, validation.Select(e => e with { SpamWords = first.Predict(e) }).ToList());
                Console.WriteLine(second.Evaluate(test.Select(e => e with { SpamWords = first.Predict(e) }).ToList()).Accuracy);
            }
        }
        """), "MLDSL0028");

    // Look-alike (out-of-fold stacking as in scikit-learn's StackingClassifier, cv=5): each training admission gets the
    // prediction of a model that did not train on it.
    [Fact]
    public Task Out_of_fold_risk_scores_on_training_admissions_is_silent() => Expect(Program("""
        public static class SepsisNotebook
        {
            public static void Main()
            {
                var admissions = CsvFile.Read<Admission>("admissions.csv");
                var (train, validation, test) = admissions.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var outOfFold = new Admission[train.Count];
                foreach (var fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }))
                {
                    using var model = new AdmissionNet();
                    model.Fit(fold.Train.Select(i => train[i]).ToList());
                    foreach (int i in fold.Validation)
                        outOfFold[i] = train[i] with { Risk = model.PredictProbabilities(train[i])[1] };
                }
                using var full = new AdmissionNet();
                full.Fit(train);
                Admission Score(Admission a) => a with { Risk = full.PredictProbabilities(a)[1] };
                using var second = new AdmissionNet();
                second.Fit(outOfFold, validation.Select(Score).ToList());
                Console.WriteLine(second.Evaluate(test.Select(Score).ToList()).Accuracy);
            }
        }
        """));

    // Look-alike (blending as in the Netflix Prize write-ups): the base forecaster trains on the training days, the
    // blender learns from its predictions on the validation days, and the test days are scored once.
    [Fact]
    public Task Blender_trained_on_base_predictions_for_validation_days_is_silent() => Expect(Program("""
        public static class Forecast
        {
            public static void Main()
            {
                var days = CsvFile.Read<ShopDay>("shop.csv");
                var (train, validation, test) = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var baseline = new ShopNet();
                baseline.Fit(train);
                Func<ShopDay, ShopDay> blend = d => d with { SalesLag7 = baseline.Predict(d) };
                using var blender = new ShopNet();
                blender.Fit(validation.Select(blend).ToList());
                Console.WriteLine(blender.Evaluate(test.Select(blend).ToList()).MeanAbsoluteError);
            }
        }
        """));
}
