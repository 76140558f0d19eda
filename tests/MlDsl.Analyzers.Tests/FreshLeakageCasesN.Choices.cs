namespace MlDsl.Analyzers.Tests;

/// <summary>Set N, kind 3: the test part steering a choice, and choices made on validation or folds.</summary>
public sealed partial class FreshLeakageCasesN
{
    // Keras notebooks with `model.fit(X_train, y_train, validation_data=(X_test, y_test), callbacks=[EarlyStopping])`
    // (Data Science SE "Is it OK to use the test set as validation data?"): the deconstructed test part, renamed
    // `holdout`, stops training, and is then reported as the score.
    [Fact]
    public Task Holdout_from_deconstruction_used_for_early_stopping_is_reported() => Expect(Program("""
        public static class DiabetesNotebook
        {
            public static void Main()
            {
                var screenings = CsvFile.Read<Screening>("diabetes.csv");
                var (train, _, holdout) = screenings.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.0, Test = 0.2 });
                using var net = new ScreeningNet();
                var history = net.Fit(train, {|#0:holdout|}, new FitOptions { Epochs = 200, EarlyStoppingPatience = 10 });
                Console.WriteLine($"stopped at {history.StoppedEarlyAt}");
                Console.WriteLine($"holdout accuracy {net.Evaluate({|#1:holdout|}).Accuracy:P1}");
            }
        }
        """), "MLDSL0018", "MLDSL0027");

    // Kapoor & Narayanan's "multi-test" leakage (Yang et al. ASE 2022): two architectures scored on the test part one
    // after the other, the better one kept with a conditional expression, no loop.
    [Fact]
    public Task Better_of_two_nets_by_test_accuracy_kept_with_a_conditional_is_reported() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var split = customers.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var small = new ChurnNet();
                var wide = new WideChurnNet();
                small.Fit(split.Train, split.Validation);
                wide.Fit(split.Train, split.Validation);
                double smallAcc = small.Evaluate({|#0:split.Test|}).Accuracy;
                double wideAcc = wide.Evaluate({|#1:split.Test|}).Accuracy;
                Console.WriteLine($"small {smallAcc:P1} wide {wideAcc:P1}");
                if (wideAcc > smallAcc) wide.Save("churn.mldsl");
                else small.Save("churn.mldsl");
            }
        }
        """), "MLDSL0018", "MLDSL0018");

    // Cross Validated "Choosing the optimal cut-off with Youden's J on the test set": thresholds scanned over the test
    // screenings' probabilities in a for loop that keeps the best.
    [Fact]
    public Task Cutoff_by_youdens_j_on_test_screenings_is_reported() => Expect(Program("""
        public static class DiabetesNotebook
        {
            public static void Main()
            {
                var screenings = CsvFile.Read<Screening>("diabetes.csv");
                var (train, validation, test) = screenings.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ScreeningNet();
                net.Fit(train, validation);
                var p = net.PredictProbabilities({|#0:test|});
                float bestCut = 0.5f; double bestJ = -1;
                for (float cut = 0.05f; cut < 0.95f; cut += 0.05f)
                {
                    int tp = 0, fn = 0, tn = 0, fp = 0;
                    for (int i = 0; i < test.Count; i++)
                    {
                        bool yes = p[i][1] >= cut;
                        if (test[i].Diabetic == 1) { if (yes) tp++; else fn++; } else { if (yes) fp++; else tn++; }
                    }
                    double j = (double)tp / Math.Max(1, tp + fn) + (double)tn / Math.Max(1, tn + fp) - 1;
                    if (j > bestJ) { bestJ = j; bestCut = cut; }
                }
                Console.WriteLine($"cut-off {bestCut:F2}, J {bestJ:F3}");
            }
        }
        """), "MLDSL0018");

    // A hyperparameter sweep whose results go into a list of tuples sorted by test error, the first kept (Cawley &
    // Talbot 2010; scikit-learn "Common pitfalls" on tuning with the test set).
    [Fact]
    public Task Learning_rate_kept_from_a_list_of_test_errors_sorted_is_reported() => Expect(Program("""
        public static class HousePrices
        {
            public static void Main()
            {
                var listings = CsvFile.Read<Listing>("train.csv");
                var split = listings.Split(new SplitOptions { Seed = 4 });
                var results = new List<(double Rate, int Epochs, double Mae)>();
                foreach (var (rate, epochs) in GridSearch.Grid(new[] { 1e-3, 3e-3, 1e-2 }, new[] { 50, 100 }))
                {
                    using var reg = new ListingNet();
                    reg.Fit(split.Train, split.Validation, new FitOptions { LearningRate = rate, Epochs = epochs });
                    results.Add((rate, epochs, reg.Evaluate({|#0:split.Test|}).MeanAbsoluteError));
                }
                var best = results.OrderBy(r => r.Mae).First();
                Console.WriteLine($"best rate {best.Rate} epochs {best.Epochs}: MAE {best.Mae:F0}");
            }
        }
        """), "MLDSL0018");

    // GridSearch handed the test part as its "validation" (a notebook that reuses `X_test` as the eval set of a
    // hyperparameter search); the search chooses by test scores.
    [Fact]
    public Task Grid_search_scored_on_the_test_listings_is_reported() => Expect(Program("""
        public static class HousePrices
        {
            public static void Main()
            {
                var listings = CsvFile.Read<Listing>("train.csv");
                var (train, validation, test) = listings.Split(new SplitOptions { Seed = 4 });
                var search = GridSearch.OnValidation(train, {|#0:test|}, new[] { 1e-3, 3e-3, 1e-2 },
                    rate => CrossValidation.TrainModel<Listing, ListingNet>(() => new ListingNet(), new FitOptions { LearningRate = rate }));
                Console.WriteLine($"chosen rate {search.BestParameters}");
            }
        }
        """), "MLDSL0018");

    // A label built from a statistic of the test labels: prices rescaled by the mean test price ("normalise the
    // target by the holdout mean so errors are relative"), a Kaggle discussion mistake. Reported as MLDSL0016 (a
    // statistic of test rows changing rows the model sees), as set L's test-mean centring is; first written as MLDSL0018.
    [Fact]
    public Task Training_prices_divided_by_the_mean_test_price_is_reported() => Expect(Program("""
        public static class HousePrices
        {
            public static void Main()
            {
                var listings = CsvFile.Read<Listing>("train.csv");
                var (train, validation, test) = listings.Split(new SplitOptions { Seed = 4 });
                float level = {|#0:test.Average(l => l.Price)|};
                List<Listing> Relative(IEnumerable<Listing> rows) => rows.Select(l => l with { Price = l.Price / level }).ToList();
                using var reg = new ListingNet();
                reg.Fit(Relative(train), Relative(validation));
                Console.WriteLine(reg.Evaluate(Relative(test)).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    // The fix to the two-architecture case: the better one is chosen by validation accuracy, and only the winner is
    // evaluated once on test (scikit-learn "Common pitfalls": the test set for the final estimate only).
    [Fact]
    public Task Better_of_two_nets_by_validation_then_one_test_score_stays_silent() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var split = customers.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var small = new ChurnNet();
                var wide = new WideChurnNet();
                small.Fit(split.Train, split.Validation);
                wide.Fit(split.Train, split.Validation);
                double smallAcc = small.Evaluate(split.Validation).Accuracy;
                double wideAcc = wide.Evaluate(split.Validation).Accuracy;
                Console.WriteLine($"validation: small {smallAcc:P1} wide {wideAcc:P1}");
                double test = wideAcc > smallAcc ? wide.Evaluate(split.Test).Accuracy : small.Evaluate(split.Test).Accuracy;
                Console.WriteLine($"test accuracy of the chosen net {test:P1}");
            }
        }
        """));

    // Youden's J cut-off chosen on the validation screenings, then applied once to the test probabilities.
    [Fact]
    public Task Cutoff_chosen_on_validation_then_applied_once_to_test_stays_silent() => Expect(Program("""
        public static class DiabetesNotebook
        {
            static double YoudenJ(float[][] p, IReadOnlyList<Screening> rows, float cut)
            {
                int tp = 0, fn = 0, tn = 0, fp = 0;
                for (int i = 0; i < rows.Count; i++)
                {
                    bool yes = p[i][1] >= cut;
                    if (rows[i].Diabetic == 1) { if (yes) tp++; else fn++; } else { if (yes) fp++; else tn++; }
                }
                return (double)tp / Math.Max(1, tp + fn) + (double)tn / Math.Max(1, tn + fp) - 1;
            }

            public static void Main()
            {
                var screenings = CsvFile.Read<Screening>("diabetes.csv");
                var (train, validation, test) = screenings.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ScreeningNet();
                net.Fit(train, validation);
                var pv = net.PredictProbabilities(validation);
                float cut = Enumerable.Range(1, 18).Select(i => i * 0.05f).MaxBy(c => YoudenJ(pv, validation, c));
                var pt = net.PredictProbabilities(test);
                Console.WriteLine($"cut-off {cut:F2}: test J {YoudenJ(pt, test, cut):F3}");
            }
        }
        """));

    // Grid search scored by cross-validation over the training listings, the best rate refitted and the test part
    // evaluated once (the scikit-learn GridSearchCV workflow).
    [Fact]
    public Task Grid_search_by_cross_validation_then_one_test_score_stays_silent() => Expect(Program("""
        public static class HousePrices
        {
            public static void Main()
            {
                var listings = CsvFile.Read<Listing>("train.csv");
                var (train, validation, test) = listings.Split(new SplitOptions { Seed = 4 });
                var search = GridSearch.CrossValidate(train, new[] { 1e-3, 3e-3, 1e-2 },
                    rate => CrossValidation.TrainModel<Listing, ListingNet>(() => new ListingNet(), new FitOptions { LearningRate = rate }));
                foreach (var candidate in search.Candidates)
                    Console.WriteLine($"{candidate.Parameters}: {candidate.Score}");
                using var reg = new ListingNet();
                reg.Fit(train, validation, new FitOptions { LearningRate = search.BestParameters });
                Console.WriteLine($"test MAE {reg.Evaluate(test).MeanAbsoluteError:F0}");
            }
        }
        """));

    // Test accuracy over five seeds, only averaged and printed with its spread (a reporting practice Cross Validated
    // recommends); no seed is picked.
    [Fact]
    public Task Test_accuracy_over_seeds_only_averaged_stays_silent() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var split = customers.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var accuracies = new List<double>();
                foreach (int seed in Enumerable.Range(0, 5))
                {
                    using var model = new ChurnNet();
                    model.Fit(split.Train, split.Validation, new FitOptions { Seed = seed, Epochs = 20 });
                    accuracies.Add(model.Evaluate(split.Test).Accuracy);
                }
                double mean = accuracies.Average();
                double sd = Math.Sqrt(accuracies.Average(a => (a - mean) * (a - mean)));
                Console.WriteLine($"test accuracy {mean:P1} ± {sd:P1} over {accuracies.Count} seeds");
            }
        }
        """));

    // Class weights from the training labels' churn rate (the usual `compute_class_weight` on y_train).
    [Fact]
    public Task Class_weights_from_the_training_churn_rate_stay_silent() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var (train, validation, test) = customers.Split(new SplitOptions { Kind = SplitKind.Stratified });
                double rate = train.Average(c => c.Churned);
                var options = new FitOptions { Epochs = 30, ClassWeights = new[] { (float)(0.5 / (1 - rate)), (float)(0.5 / rate) } };
                using var model = new ChurnNet();
                model.Fit(train, validation, options);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """));
}
