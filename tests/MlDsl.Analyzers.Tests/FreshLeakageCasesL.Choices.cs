namespace MlDsl.Analyzers.Tests;

/// <summary>Set L, kind 3: the test part steering a choice, next to choices made on validation and a single gate.</summary>
public sealed partial class FreshLeakageCasesL
{
    // Keras issue threads where `validation_data=(x_test, y_test)` drives EarlyStopping: a training helper watches the
    // rows it is given, and the notebook gives it the test part; the one score then comes from the rows that stopped it.
    [Fact]
    public Task Early_stopping_watching_the_test_applications_through_a_helper_is_reported() => Expect(Program("""
        public static class CreditNotebook
        {
            static ApplicantNet Train(IReadOnlyList<Applicant> rows, IReadOnlyList<Applicant> watch)
            {
                var net = new ApplicantNet();
                net.Fit(rows, watch, new FitOptions { Epochs = 200, EarlyStoppingPatience = 10 });
                return net;
            }

            public static void Main()
            {
                var applicants = CsvFile.Read<Applicant>("applications.csv");
                var (train, validation, test) = applicants.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = Train(train, {|#0:test|});
                Console.WriteLine(model.Evaluate({|#1:test|}).Accuracy);
            }
        }
        """), "MLDSL0018", "MLDSL0027");

    // Cawley & Talbot, "On over-fitting in model selection" (JMLR 2010), in its most common notebook form: a learning-rate
    // sweep whose results (a list of tuples) are ordered by the test error and the first kept.
    [Fact]
    public Task Learning_rate_kept_by_the_lowest_test_error_in_a_list_of_tuples_is_reported() => Expect(Program("""
        public static class Forecast
        {
            public static void Main()
            {
                var days = CsvFile.Read<ShopDay>("shop.csv");
                var (train, validation, test) = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                var results = new List<(double Rate, double Error)>();
                foreach (var rate in new[] { 1e-4, 1e-3, 1e-2 })
                {
                    var net = new ShopNet();
                    net.Fit(train, validation, new FitOptions { LearningRate = rate, Epochs = 40 });
                    results.Add((rate, net.Evaluate({|#0:test|}).MeanAbsoluteError));
                }
                var best = results.OrderBy(r => r.Error).First();
                Console.WriteLine($"best rate {best.Rate} with MAE {best.Error:F1}");
            }
        }
        """), "MLDSL0018");

    // Clinical prediction papers criticised for choosing the alert threshold on the evaluation cohort (e.g. the Epic
    // sepsis model discussion): the threshold that maximises test accuracy is swept on the test probabilities.
    [Fact]
    public Task Sepsis_alert_threshold_swept_on_the_test_probabilities_is_reported() => Expect(Program("""
        public static class SepsisNotebook
        {
            public static void Main()
            {
                var admissions = CsvFile.Read<Admission>("admissions.csv");
                var split = admissions.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new AdmissionNet();
                model.Fit(split.Train, split.Validation);
                float[][] probabilities = model.PredictProbabilities({|#0:split.Test|});
                float bestThreshold = 0.5f;
                int bestCorrect = -1;
                for (float threshold = 0.05f; threshold < 0.95f; threshold += 0.05f)
                {
                    int correct = 0;
                    for (int i = 0; i < probabilities.Length; i++)
                        if ((probabilities[i][1] >= threshold ? 1 : 0) == split.Test[i].Sepsis)
                            correct++;
                    if (correct > bestCorrect) { bestCorrect = correct; bestThreshold = threshold; }
                }
                Console.WriteLine($"alert above {bestThreshold:F2}: {bestCorrect} of {split.Test.Count} right");
            }
        }
        """), "MLDSL0018");

    // Kaggle "compare models" cells: several training lengths scored on the test tickets, kept in a dictionary by name,
    // and the best name picked with MaxBy.
    [Fact]
    public Task Training_length_picked_from_a_dictionary_of_test_accuracies_is_reported() => Expect(Program("""
        public static class Triage
        {
            public static void Main()
            {
                var tickets = CsvFile.Read<Ticket>("tickets.csv");
                var (train, validation, test) = tickets.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var lengths = new Dictionary<string, int> { ["short"] = 5, ["medium"] = 20, ["long"] = 60 };
                var scores = new Dictionary<string, double>();
                foreach (var (name, epochs) in lengths)
                {
                    using var net = new TicketNet();
                    net.Fit(train, validation, new FitOptions { Epochs = epochs });
                    scores[name] = net.Evaluate({|#0:test|}).Accuracy;
                }
                Console.WriteLine($"ship the {scores.MaxBy(kv => kv.Value).Key} schedule");
            }
        }
        """), "MLDSL0018");

    // Class weights "balanced" from the wrong frame (a Stack Overflow answer computing class_weight on y_test): the
    // pneumonia share of the test x-rays feeds the training options.
    [Fact]
    public Task Class_weights_from_the_test_pneumonia_share_is_reported() => Expect(Program("""
        public static class ChestXrays
        {
            public static void Main()
            {
                var xrays = CsvFile.Read<Xray>("xrays.csv");
                var split = xrays.Split(new SplitOptions { Kind = SplitKind.Stratified });
                float positive = (float){|#0:split.Test.Average(x => x.Pneumonia)|};
                using var model = new XrayNet();
                model.Fit(split.Train, split.Validation, new FitOptions { ClassWeights = new[] { positive, 1f - positive } });
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0018");

    // Forecasting homework that "de-means" the target with the level of the evaluation period: the test sales mean is
    // subtracted from the training labels.
    [Fact]
    public Task Training_sales_centred_on_the_test_sales_mean_is_reported() => Expect(Program("""
        public static class Forecast
        {
            public static void Main()
            {
                var days = CsvFile.Read<ShopDay>("shop.csv");
                var (train, validation, test) = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                float level = {|#0:test.Average(d => d.Sales)|};
                var centred = train.Select(d => d with { Sales = d.Sales - level }).ToList();
                using var model = new ShopNet();
                model.Fit(centred, validation);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    // Feature-count sweeps scored on the held-out speakers (Ambroise & McLachlan, PNAS 2002, "selection bias"): the
    // number of MFCC bands kept is the one with the best test accuracy.
    [Fact]
    public Task Number_of_bands_chosen_by_test_accuracy_is_reported() => Expect(Program("""
        public static class SpokenDigits
        {
            public static void Main()
            {
                var utterances = CsvFile.Read<Utterance>("digits.csv");
                var split = utterances.Split(new SplitOptions { Kind = SplitKind.Grouped });
                int bestK = 0;
                double bestAccuracy = 0;
                foreach (int k in new[] { 8, 16, 24, 41 })
                {
                    var picker = SelectKBest.Fit(split.Train, ScoreFunction.AnovaF, k);
                    using var net = new UtteranceNet();
                    net.Fit(picker.Apply(split.Train), picker.Apply(split.Validation));
                    double accuracy = net.Evaluate({|#0:picker.Apply(split.Test)|}).Accuracy;
                    if (accuracy > bestAccuracy) { bestAccuracy = accuracy; bestK = k; }
                }
                Console.WriteLine($"keep {bestK} bands");
            }
        }
        """), "MLDSL0018");

    // Look-alike (the same sweep done right, as in Raschka's "Model evaluation, model selection" 2018): the rate is
    // chosen by validation error, then one test evaluation.
    [Fact]
    public Task Learning_rate_chosen_on_validation_then_one_test_score_is_silent() => Expect(Program("""
        public static class Forecast
        {
            public static void Main()
            {
                var days = CsvFile.Read<ShopDay>("shop.csv");
                var (train, validation, test) = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                var results = new List<(double Rate, double Error)>();
                foreach (var rate in new[] { 1e-4, 1e-3, 1e-2 })
                {
                    using var net = new ShopNet();
                    net.Fit(train, validation, new FitOptions { LearningRate = rate, Epochs = 40 });
                    results.Add((rate, net.Evaluate(validation).MeanAbsoluteError));
                }
                var best = results.OrderBy(r => r.Error).First();
                using var final = new ShopNet();
                final.Fit(train, validation, new FitOptions { LearningRate = best.Rate, Epochs = 40 });
                Console.WriteLine($"rate {best.Rate}: test MAE {final.Evaluate(test).MeanAbsoluteError:F1}");
            }
        }
        """));

    // Look-alike (MLOps release checklists, "a single go/no-go on the holdout"): the test accuracy is compared with a
    // fixed bar once, and the model is saved or not.
    [Fact]
    public Task One_go_no_go_gate_on_test_accuracy_is_silent() => Expect(Program("""
        public static class SepsisRelease
        {
            public static int Main()
            {
                var admissions = CsvFile.Read<Admission>("admissions.csv");
                var split = admissions.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new AdmissionNet();
                model.Fit(split.Train, split.Validation, new FitOptions { EarlyStoppingPatience = 5 });
                double accuracy = model.Evaluate(split.Test).Accuracy;
                if (accuracy < 0.85)
                {
                    Console.Error.WriteLine($"accuracy {accuracy:P1} below the 85% bar; not released");
                    return 4;
                }
                model.Save("sepsis.pt");
                return 0;
            }
        }
        """));

    // Look-alike (scikit-learn's TunedThresholdClassifierCV idea by hand): the spam threshold is swept on the validation
    // probabilities, and the test e-mails are scored once with it.
    [Fact]
    public Task Spam_threshold_swept_on_validation_then_one_test_count_is_silent() => Expect(Program("""
        public static class SpamFilter
        {
            static int Correct(float[][] probabilities, IReadOnlyList<Email> rows, float threshold) =>
                rows.Where((e, i) => (probabilities[i][1] >= threshold ? 1 : 0) == e.Spam).Count();

            public static void Main()
            {
                var emails = CsvFile.Read<Email>("emails.csv");
                var (train, validation, test) = emails.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new EmailNet();
                model.Fit(train, validation);
                var validationProbabilities = model.PredictProbabilities(validation);
                float threshold = Enumerable.Range(1, 19).Select(t => t / 20f)
                    .MaxBy(t => Correct(validationProbabilities, validation, t));
                int right = Correct(model.PredictProbabilities(test), test, threshold);
                Console.WriteLine($"threshold {threshold:F2}: {right} of {test.Count} test e-mails right");
            }
        }
        """));

    // Look-alike (the library's own search): a grid search scored on the validation speakers, then one test score.
    [Fact]
    public Task Grid_search_on_validation_speakers_then_one_test_score_is_silent() => Expect(Program("""
        public static class SpokenDigits
        {
            public static void Main()
            {
                var utterances = CsvFile.Read<Utterance>("digits.csv");
                var split = utterances.Split(new SplitOptions { Kind = SplitKind.Grouped });
                var grid = GridSearch.Grid(new[] { 1e-3, 3e-3 }, new[] { 32, 128 });
                var search = GridSearch.OnValidation(split, grid,
                    p => CrossValidation.TrainModel<Utterance, UtteranceNet>(() => new UtteranceNet(), new FitOptions { LearningRate = p.Item1, BatchSize = p.Item2 }));
                var (rate, batch) = search.BestParameters;
                using var model = new UtteranceNet();
                model.Fit(split.Train, split.Validation, new FitOptions { LearningRate = rate, BatchSize = batch });
                Console.WriteLine($"test accuracy {model.Evaluate(split.Test).Accuracy:P1}");
            }
        }
        """));
}
