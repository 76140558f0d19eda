using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.LeakageSources;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Leaks restated from scikit-learn's "common pitfalls", Kaggle notebooks and Q&amp;A threads, written
/// the way data scientists write them (helpers, loops, local functions, LINQ), against MlDsl's API;
/// each kind has buggy programs that must fire on the leaking line and look-alikes that must stay silent.
/// </summary>
public sealed class AdversarialLeakageTests
{
    /// <summary>A second-stage dataset with a slot for a first model's prediction (stacking).</summary>
    private const string Case = """

        [Dataset]
        public sealed partial record Case
        {
            [Feature] public float Heart { get; init; }
            [Feature] public float Age { get; init; }
            [Feature] public float Score { get; init; }
            [Label(Classes = 2)] public int Sick { get; init; }
        }

        [Model(typeof(Case))]
        public sealed partial class CaseNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """;

    private static DiagnosticResult Warning(string id, int location = 0) => new DiagnosticResult(id, DiagnosticSeverity.Warning).WithLocation(location);

    private static Task Verify(string body, params DiagnosticResult[] expected) =>
        LeakageVerifier<LeakageAnalyzer>.AnalyzerAsync(Script(body) + Case, expected);

    /// <summary>MLDSL0017 outside the record: both leakage analyzers run in a build, so neither may miss it silently.</summary>
    private static async Task VerifyEntanglement(string body, params DiagnosticResult[] expected)
    {
        await LeakageVerifier<DatasetLeakageAnalyzer>.AnalyzerAsync(Script(body) + Case, expected);
        await LeakageVerifier<LeakageAnalyzer>.AnalyzerAsync(Script(body) + Case);
    }

    // ==== 1. Statistics learned from rows that later reach validation or test (MLDSL0016) ====

    [Fact]
    public Task A_helper_that_divides_by_the_maximum_of_every_row_before_the_split_leaks() => Verify("""
            static List<Reading> NormalizeByMax(IReadOnlyList<Reading> rows)
            {
                float max = rows.Max(r => r.Heart);
                return rows.Select(r => r with { Heart = r.Heart / max }).ToList();
            }

            public static void Run(IReadOnlyList<Reading> all)
            {
                var normalized = {|#0:NormalizeByMax(all)|};
                var (train, validation, test) = normalized.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
                var model = new ReadingNet(seed: 1);
                model.Fit(train, validation);
                Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P1}");
            }
        """, Warning("MLDSL0016"));

    [Fact]
    public Task A_scaler_fitted_on_train_and_test_concatenated_leaks() => Verify("""
            public static void Run()
            {
                var rows = CsvFile.Read<Reading>("heart.csv");
                var split = rows.Split(new SplitOptions { Validation = 0.1, Test = 0.2 });
                // "fit on everything we have so the ranges cover the test set too"
                var scaler = MinMaxScaler.Fit({|#0:split.Train.Concat(split.Test).ToList()|});
                var model = new ReadingNet();
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }
        """, Warning("MLDSL0016"));

    [Fact]
    public Task A_mean_summed_in_a_foreach_over_all_rows_and_subtracted_before_the_split_leaks() => Verify("""
            public static void Run()
            {
                var rows = CsvFile.Read<Reading>("heart.csv");
                double sum = 0;
                foreach (var r in rows)
                {
                    sum += r.Heart;
                }
                float mean = (float)(sum / rows.Count);
                var centred = rows.Select(r => r with { Heart = {|#0:r.Heart - mean|} }).ToList();
                var split = centred.Split();
                var model = new ReadingNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """, Warning("MLDSL0016"));

    [Fact]
    public Task A_local_function_that_fits_and_applies_a_standardizer_on_all_rows_before_the_split_leaks() => Verify("""
            public static void Run()
            {
                IReadOnlyList<Reading> Prepare(IReadOnlyList<Reading> rows)
                {
                    var scaler = Standardizer.Fit(rows);
                    return scaler.Apply(rows);
                }

                var prepared = {|#0:Prepare(CsvFile.Read<Reading>("heart.csv"))|};
                var (train, validation, test) = prepared.Split();
                var model = new ReadingNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        """, Warning("MLDSL0016"));

    [Fact]
    public Task A_scaler_fitted_on_a_file_read_again_after_the_split_leaks() => Verify("""
            public static void Run()
            {
                var split = CsvFile.Read<Reading>("heart.csv").Split();
                var scaler = Standardizer.Fit({|#0:CsvFile.Read<Reading>("heart.csv")|});
                var model = new ReadingNet();
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }
        """, Warning("MLDSL0016"));

    [Fact]
    public Task A_scaler_fitted_on_the_training_split_and_applied_to_every_part_is_silent() => Verify("""
            public static void Run()
            {
                var rows = CsvFile.Read<Reading>("heart.csv");
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scaler = Standardizer.Fit(train);
                var model = new ReadingNet();
                model.Fit(scaler.Apply(train), scaler.Apply(validation));
                Console.WriteLine(model.Evaluate(scaler.Apply(test)).Accuracy);
            }
        """);

    [Fact]
    public Task A_maximum_of_the_training_rows_rescaling_every_part_is_silent() => Verify("""
            static List<Reading> Rescale(IReadOnlyList<Reading> rows, float max) =>
                rows.Select(r => r with { Heart = r.Heart / max }).ToList();

            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                float max = split.Train.Max(r => r.Heart);
                var model = new ReadingNet();
                model.Fit(Rescale(split.Train, max), Rescale(split.Validation, max));
                Console.WriteLine(model.Evaluate(Rescale(split.Test, max)).Accuracy);
            }
        """);

    [Fact]
    public Task A_scaler_fitted_on_all_rows_only_to_print_the_ranges_is_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var overview = MinMaxScaler.Fit(all);
                Console.WriteLine($"heart rate spans {overview.Scale[0]} from {overview.Shift[0]}");
                Console.WriteLine($"mean heart rate {all.Average(r => r.Heart)}");
                var split = all.Split();
                var scaler = Standardizer.Fit(split);
                var model = new ReadingNet();
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }
        """);

    [Fact]
    public Task Refitting_the_scaler_on_all_rows_to_ship_after_the_test_score_is_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var scaler = Standardizer.Fit(split);
                var model = new ReadingNet();
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Accuracy);

                var shipped = Standardizer.Fit(all);
                shipped.Save("scaler.json");
            }
        """);

    // ==== 2. Rows multiplied or invented before the split (MLDSL0026) ====

    [Fact]
    public Task Oversampling_the_sick_rows_three_times_in_a_loop_before_the_split_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var balanced = new List<Reading>(all);
                var sick = all.Where(r => r.Sick == 1).ToList();
                for (int copy = 0; copy < 3; copy++)
                {
                    {|#0:balanced.AddRange(sick)|};
                }
                var (train, validation, test) = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var model = new ReadingNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        """, Warning("MLDSL0026"));

    [Fact]
    public Task Jitter_augmentation_with_SelectMany_before_the_split_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var random = new Random(0);
                var augmented = {|#0:all.SelectMany(r => new[] { r, r with { Heart = r.Heart + (float)random.NextDouble() } })|}.ToList();
                var split = augmented.Split();
                var model = new ReadingNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """, Warning("MLDSL0026"));

    [Fact]
    public Task An_oversampling_helper_called_before_the_split_leaks() => Verify("""
            static List<Reading> Upsample(IReadOnlyList<Reading> rows)
            {
                var minority = rows.Where(r => r.Sick == 1).ToList();
                var majority = rows.Where(r => r.Sick == 0).ToList();
                var result = new List<Reading>(majority);
                while (result.Count < 2 * majority.Count)
                {
                    result.AddRange(minority);
                }
                return result;
            }

            public static void Run()
            {
                var rows = {|#0:Upsample(CsvFile.Read<Reading>("heart.csv"))|};
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var model = new ReadingNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """, Warning("MLDSL0026"));

    [Fact]
    public Task A_user_smote_marked_MultipliesRows_before_the_split_leaks() => Verify("""
            [MultipliesRows("rows")]
            static IReadOnlyList<Reading> Smote(IReadOnlyList<Reading> rows, int k) => rows;

            public static void Run(IReadOnlyList<Reading> all)
            {
                var synthetic = {|#0:Smote(all, 5)|};
                var split = synthetic.Split();
                var model = new ReadingNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """, Warning("MLDSL0026"));

    [Fact]
    public Task Oversampling_only_the_training_rows_in_a_loop_is_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, validation, test) = all.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var balanced = new List<Reading>(train);
                var sick = train.Where(r => r.Sick == 1).ToList();
                for (int copy = 0; copy < 3; copy++)
                {
                    balanced.AddRange(sick);
                }
                var model = new ReadingNet();
                model.Fit(balanced, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        """);

    [Fact]
    public Task Reordering_rows_by_class_with_disjoint_parts_before_the_split_is_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var ordered = all.Where(r => r.Sick == 0).Concat(all.Where(r => r.Sick != 0)).ToList();
                var split = ordered.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var model = new ReadingNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """);

    [Fact]
    public Task Augmenting_the_training_rows_after_the_split_and_refitting_on_train_plus_validation_is_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var augmented = split.Train.SelectMany(r => new[] { r, r with { Heart = r.Heart * 1.01f } }).ToList();
                var model = new ReadingNet();
                model.Fit(augmented, split.Validation);
                var final = new ReadingNet();
                final.Fit(split.Train.Concat(split.Validation).ToList());
                Console.WriteLine(final.Evaluate(split.Test).Accuracy);
            }
        """);

    // ==== 3. The test part steering a choice (MLDSL0018) ====

    [Fact]
    public Task Early_stopping_on_a_separate_holdout_file_leaks() => Verify("""
            public static void Run()
            {
                var train = CsvFile.Read<Reading>("train.csv");
                var holdout = CsvFile.Read<Reading>("holdout.csv");
                var model = new ReadingNet();
                model.Fit(train, {|#0:holdout|}, new FitOptions { EarlyStoppingPatience = 5, Epochs = 100 });
                Console.WriteLine(model.Evaluate({|#1:holdout|}).Accuracy); // also a score on the early-stopping rows
            }
        """, Warning("MLDSL0018", 0), Warning("MLDSL0027", 1));

    [Fact]
    public Task Choosing_the_learning_rate_by_test_accuracy_with_LINQ_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, validation, test) = all.Split();
                double[] rates = { 1e-2, 1e-3, 1e-4 };
                var best = rates
                    .Select(rate =>
                    {
                        var candidate = new ReadingNet();
                        candidate.Fit(train, validation, new FitOptions { LearningRate = rate });
                        return (Rate: rate, Accuracy: candidate.Evaluate({|#0:test|}).Accuracy);
                    })
                    .OrderByDescending(result => result.Accuracy)
                    .First();
                Console.WriteLine($"best rate {best.Rate} with test accuracy {best.Accuracy}");
            }
        """, Warning("MLDSL0018"));

    [Fact]
    public Task Two_models_compared_on_test_and_the_better_one_saved_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var shallow = new ReadingNet(seed: 1);
                shallow.Fit(split.Train, split.Validation, new FitOptions { Epochs = 5 });
                var deep = new ReadingNet(seed: 2);
                deep.Fit(split.Train, split.Validation, new FitOptions { Epochs = 50 });
                var shallowScore = shallow.Evaluate({|#0:split.Test|});
                var deepScore = deep.Evaluate({|#1:split.Test|});
                var chosen = shallowScore.Accuracy >= deepScore.Accuracy ? shallow : deep;
                chosen.Save("model.mldsl");
            }
        """, Warning("MLDSL0018", 0), Warning("MLDSL0018", 1));

    [Fact]
    public Task The_epoch_count_kept_from_the_best_test_score_in_a_for_loop_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, validation, test) = all.Split();
                int bestEpochs = 0;
                double bestAccuracy = 0;
                for (int epochs = 5; epochs <= 50; epochs += 5)
                {
                    var candidate = new ReadingNet();
                    candidate.Fit(train, validation, new FitOptions { Epochs = epochs });
                    double accuracy = candidate.Evaluate({|#0:test|}).Accuracy;
                    if (accuracy > bestAccuracy)
                    {
                        bestAccuracy = accuracy;
                        bestEpochs = epochs;
                    }
                }
                var final = new ReadingNet();
                final.Fit(train, validation, new FitOptions { Epochs = bestEpochs });
                final.Save("model.mldsl");
            }
        """, Warning("MLDSL0018"));

    [Fact]
    public Task A_decision_threshold_chosen_from_predictions_on_test_leaks() => Verify("""
            public static void Run(IReadOnlyList<Sale> sales)
            {
                var (train, validation, test) = sales.Split(new SplitOptions { Kind = SplitKind.ByTime });
                var model = new SaleNet();
                model.Fit(train, validation);
                float[] predicted = model.Predict({|#0:test|});
                float bestThreshold = 0;
                int bestHits = -1;
                foreach (float threshold in new[] { 5f, 10f, 20f })
                {
                    int hits = 0;
                    for (int i = 0; i < test.Count; i++)
                    {
                        if ((predicted[i] > threshold) == (test[i].Units > threshold)) hits++;
                    }
                    if (hits > bestHits)
                    {
                        bestHits = hits;
                        bestThreshold = threshold;
                    }
                }
                Console.WriteLine($"restock above {bestThreshold}");
            }
        """, Warning("MLDSL0018"));

    [Fact]
    public Task A_go_no_go_gate_on_the_test_score_is_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var model = new ReadingNet();
                model.Fit(split.Train, split.Validation);
                var score = model.Evaluate(split.Test);
                if (score.Accuracy < 0.8)
                {
                    throw new InvalidOperationException($"accuracy {score.Accuracy} is below the release bar");
                }
                model.Save("model.mldsl");
            }
        """);

    [Fact]
    public Task Tuning_the_learning_rate_by_averaged_fold_scores_inside_the_training_rows_then_testing_once_is_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split(new SplitOptions { Kind = SplitKind.Stratified });
                double bestRate = 0, bestMean = double.MinValue;
                foreach (double rate in new[] { 1e-2, 1e-3 })
                {
                    var scores = new List<double>();
                    for (int fold = 0; fold < 5; fold++)
                    {
                        var (foldTrain, foldValidation, foldTest) = split.Train.Split(new SplitOptions { Seed = fold, Validation = 0.1, Test = 0.2 });
                        var candidate = new ReadingNet();
                        candidate.Fit(foldTrain, foldValidation, new FitOptions { LearningRate = rate });
                        scores.Add(candidate.Evaluate(foldTest).Accuracy);
                    }
                    if (scores.Average() > bestMean)
                    {
                        bestMean = scores.Average();
                        bestRate = rate;
                    }
                }
                var final = new ReadingNet();
                final.Fit(split.Train, split.Validation, new FitOptions { LearningRate = bestRate });
                Console.WriteLine(final.Evaluate(split.Test).Accuracy);
            }
        """);

    [Fact]
    public Task Choosing_epochs_on_validation_then_one_test_score_and_an_overfitting_diagnosis_is_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, validation, test) = all.Split();
                ReadingNet? best = null;
                double bestValidation = -1;
                foreach (int epochs in new[] { 5, 20, 50 })
                {
                    var candidate = new ReadingNet();
                    candidate.Fit(train, validation, new FitOptions { Epochs = epochs });
                    double accuracy = candidate.Evaluate(validation).Accuracy;
                    if (accuracy > bestValidation)
                    {
                        bestValidation = accuracy;
                        best = candidate;
                    }
                }
                double trainAccuracy = best!.Evaluate(train).Accuracy;
                double testAccuracy = best.Evaluate(test).Accuracy;
                Console.WriteLine(trainAccuracy - testAccuracy > 0.1 ? "overfitting" : "fine");
            }
        """);

    // ==== 4. Scores on rows the model trained on (MLDSL0027) ====

    [Fact]
    public Task Reporting_the_accuracy_on_the_deconstructed_training_rows_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, _, _) = all.Split();
                var model = new ReadingNet();
                model.Fit(train);
                var score = model.Evaluate({|#0:train|});
                Console.WriteLine($"Accuracy: {score.Accuracy:P2}");
            }
        """, Warning("MLDSL0027"));

    [Fact]
    public Task Fitting_and_scoring_one_csv_file_read_twice_leaks() => Verify("""
            public static void Run()
            {
                var model = new ReadingNet();
                model.Fit(CsvFile.Read<Reading>("heart.csv"));
                Console.WriteLine(model.Evaluate({|#0:CsvFile.Read<Reading>("heart.csv")|}).Accuracy);
            }
        """, Warning("MLDSL0027"));

    [Fact]
    public Task Reporting_only_the_early_stopping_rows_score_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, validation, _) = all.Split();
                var model = new ReadingNet();
                model.Fit(train, validation, new FitOptions { EarlyStoppingPatience = 3, Epochs = 200 });
                Console.WriteLine($"final accuracy {model.Evaluate({|#0:validation|}).Accuracy}");
            }
        """, Warning("MLDSL0027"));

    [Fact]
    public Task Scoring_the_training_rows_through_a_reporting_helper_leaks() => Verify("""
            static void Report(ReadingNet model, IReadOnlyList<Reading> rows) =>
                Console.WriteLine($"accuracy {model.Evaluate(rows).Accuracy:P1} on {rows.Count} rows");

            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var model = new ReadingNet();
                model.Fit(split.Train);
                Report(model, {|#0:split.Train|});
            }
        """, Warning("MLDSL0027"));

    [Fact]
    public Task A_training_score_beside_a_test_score_is_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, validation, test) = all.Split();
                var model = new ReadingNet();
                model.Fit(train, validation);
                Console.WriteLine($"train {model.Evaluate(train).Accuracy}, test {model.Evaluate(test).Accuracy}");
            }
        """);

    [Fact]
    public Task Refitting_on_train_plus_validation_and_scoring_test_is_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var trainAndValidation = split.Train.Concat(split.Validation).ToList();
                var model = new ReadingNet();
                model.Fit(trainAndValidation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """);

    [Fact]
    public Task Scoring_a_different_model_on_the_rows_another_model_trained_on_is_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, validation, test) = all.Split();
                var first = new ReadingNet(seed: 1);
                first.Fit(validation);
                var second = new ReadingNet(seed: 2);
                second.Fit(train);
                Console.WriteLine(second.Evaluate(validation).Accuracy);
                Console.WriteLine(first.Evaluate(test).Accuracy);
            }
        """);

    // ==== 5. In-sample stacking (MLDSL0028) ====

    [Fact]
    public Task Predictions_of_a_model_fitted_on_all_cases_written_into_new_rows_leak() => Verify("""
            public static void Run(IReadOnlyList<Case> cases)
            {
                var first = new CaseNet(seed: 1);
                first.Fit(cases);
                var stacked = cases.Select(c => new Case { Heart = c.Heart, Age = c.Age, Score = {|#0:first.Predict(c)|}, Sick = c.Sick }).ToList();
                var split = stacked.Split();
                var second = new CaseNet(seed: 2);
                second.Fit(split.Train, split.Validation);
                Console.WriteLine(second.Evaluate(split.Test).Accuracy);
            }
        """, Warning("MLDSL0028"));

    [Fact]
    public Task Batch_predictions_on_all_cases_joined_back_by_index_leak() => Verify("""
            public static void Run(IReadOnlyList<Case> cases)
            {
                var first = new CaseNet(seed: 1);
                first.Fit(cases);
                int[] predicted = {|#0:first.Predict(cases)|};
                var stacked = cases.Select((c, i) => c with { Score = predicted[i] }).ToList();
                var (train, validation, test) = stacked.Split();
                var second = new CaseNet(seed: 2);
                second.Fit(train, validation);
                Console.WriteLine(second.Evaluate(test).Accuracy);
            }
        """, Warning("MLDSL0028"));

    [Fact]
    public Task Predictions_on_the_first_models_own_training_rows_added_in_a_loop_leak() => Verify("""
            public static void Run(IReadOnlyList<Case> cases)
            {
                var split = cases.Split();
                var first = new CaseNet(seed: 1);
                first.Fit(split.Train);
                var stackedTrain = new List<Case>();
                foreach (var c in split.Train)
                {
                    stackedTrain.Add(c with { Score = {|#0:first.Predict(c)|} });
                }
                var stackedTest = split.Test.Select(c => c with { Score = first.Predict(c) }).ToList();
                var second = new CaseNet(seed: 2);
                second.Fit(stackedTrain);
                Console.WriteLine(second.Evaluate(stackedTest).Accuracy);
            }
        """, Warning("MLDSL0028"));

    [Fact]
    public Task Stacking_on_rows_the_first_model_never_saw_is_silent() => Verify("""
            public static void Run(IReadOnlyList<Case> cases)
            {
                var (train, validation, test) = cases.Split();
                var first = new CaseNet(seed: 1);
                first.Fit(train);
                var validationStacked = validation.Select(c => c with { Score = first.Predict(c) }).ToList();
                var testStacked = test.Select(c => c with { Score = first.Predict(c) }).ToList();
                var second = new CaseNet(seed: 2);
                second.Fit(validationStacked);
                Console.WriteLine(second.Evaluate(testStacked).Accuracy);
            }
        """);

    [Fact]
    public Task Out_of_fold_predictions_from_two_halves_of_the_training_rows_are_silent() => Verify("""
            public static void Run(IReadOnlyList<Case> cases)
            {
                var split = cases.Split();
                var half = split.Train.Count / 2;
                var foldA = split.Train.Take(half).ToList();
                var foldB = split.Train.Skip(half).ToList();
                var onA = new CaseNet(seed: 1);
                onA.Fit(foldA);
                var onB = new CaseNet(seed: 2);
                onB.Fit(foldB);
                var stacked = foldB.Select(c => c with { Score = onA.Predict(c) })
                    .Concat(foldA.Select(c => c with { Score = onB.Predict(c) }))
                    .ToList();
                var second = new CaseNet(seed: 3);
                second.Fit(stacked);
                var testStacked = split.Test.Select(c => c with { Score = onA.Predict(c) }).ToList();
                Console.WriteLine(second.Evaluate(testStacked).Accuracy);
            }
        """);

    [Fact]
    public Task A_prediction_of_a_model_fitted_on_all_rows_only_printed_is_silent() => Verify("""
            public static void Run(IReadOnlyList<Case> cases)
            {
                var split = cases.Split();
                var model = new CaseNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
                var shipped = new CaseNet();
                shipped.Fit(cases);
                Console.WriteLine($"first case predicted {shipped.Predict(cases[0])}");
            }
        """);

    // ==== 6. Label and feature entangled outside the record (MLDSL0017) ====

    [Fact]
    public Task Relabelling_through_a_diagnose_helper_reading_a_feature_leaks() => VerifyEntanglement("""
            static int Diagnose(Reading r) => r.Heart > 100 ? 1 : 0;

            public static void Run(IReadOnlyList<Reading> all)
            {
                var relabelled = all.Select(r => r with { {|#0:Sick = Diagnose(r)|} }).ToList();
                var (train, validation, test) = relabelled.Split();
                var model = new ReadingNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        """, Warning("MLDSL0017"));

    [Fact]
    public Task A_feature_shifted_by_the_label_in_a_projection_leaks() => VerifyEntanglement("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var engineered = all.Select(r => r with { {|#0:Heart = r.Heart + 10f * r.Sick|} }).ToList();
                var (train, validation, test) = engineered.Split();
                var model = new ReadingNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        """, Warning("MLDSL0017"));

    [Fact]
    public Task A_label_made_from_the_pulse_a_feature_is_read_from_in_a_loop_leaks() => VerifyEntanglement("""
            public static void Run(IReadOnlyList<Raw> raws)
            {
                var rows = new List<Reading>();
                foreach (var raw in raws)
                {
                    rows.Add(new Reading { Heart = raw.Pulse, {|#0:Sick = raw.Pulse > 120 ? 1 : 0|} });
                }
                var (train, validation, test) = rows.Split();
                var model = new ReadingNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        """, Warning("MLDSL0017"));

    [Fact]
    public Task A_label_computed_into_a_local_in_a_row_building_helper_leaks() => VerifyEntanglement("""
            static Reading ToRow(Raw raw)
            {
                int tachycardic = raw.Pulse > 120 ? 1 : 0;
                return new Reading { Heart = raw.Pulse, {|#0:Sick = tachycardic|} };
            }

            public static void Run(IReadOnlyList<Raw> raws)
            {
                var rows = raws.Select(ToRow).ToList();
                var (train, validation, test) = rows.Split();
                var model = new ReadingNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        """, Warning("MLDSL0017"));

    [Fact]
    public Task Rows_built_from_the_recorded_outcome_through_a_helper_are_silent() => VerifyEntanglement("""
            static Reading ToRow(Raw raw)
            {
                int outcome = raw.Outcome;
                return new Reading { Heart = raw.Pulse, Sick = outcome };
            }

            public static void Run(IReadOnlyList<Raw> raws)
            {
                var rows = raws.Where(raw => raw.Pulse > 0).Select(ToRow).ToList();
                var (train, validation, test) = rows.Split();
                var model = new ReadingNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        """);

    [Fact]
    public Task A_lag_feature_from_the_previous_days_units_in_a_loop_is_silent() => VerifyEntanglement("""
            public static void Run(IReadOnlyList<Sale> sales)
            {
                var ordered = sales.OrderBy(s => s.Day).ToList();
                var lagged = new List<Sale> { ordered[0] };
                for (int i = 1; i < ordered.Count; i++)
                {
                    lagged.Add(ordered[i] with { PreviousUnits = ordered[i - 1].Units });
                }
                var (train, validation, test) = lagged.Split(new SplitOptions { Kind = SplitKind.ByTime });
                var model = new SaleNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        """);

    [Fact]
    public Task Cleaning_the_label_from_the_label_and_filtering_by_a_feature_is_silent() => VerifyEntanglement("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var cleaned = all.Where(r => r.Heart > 20)
                    .Select(r => r with { Sick = r.Sick > 1 ? 1 : r.Sick })
                    .ToList();
                var (train, validation, test) = cleaned.Split();
                var model = new ReadingNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        """);

    // ==== 7. Same rows for training and validation (MLDSL0020) ====

    [Fact]
    public Task A_copy_pasted_scaled_validation_that_applies_to_train_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var scaler = Standardizer.Fit(split);
                var scaledTrain = scaler.Apply(split.Train);
                var scaledValidation = scaler.Apply(split.Train);
                var model = new ReadingNet();
                model.Fit(scaledTrain, {|#0:scaledValidation|});
                Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }
        """, Warning("MLDSL0020"));

    [Fact]
    public Task Validating_on_the_first_hundred_training_rows_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, _, test) = all.Split();
                var validation = train.Take(100).ToList();
                var model = new ReadingNet();
                model.Fit(train, {|#0:validation|}, new FitOptions { EarlyStoppingPatience = 3 });
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        """, Warning("MLDSL0020"));

    [Fact]
    public Task Training_on_train_plus_validation_while_validating_on_validation_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var everything = split.Train.Concat(split.Validation).ToList();
                var model = new ReadingNet();
                model.Fit(everything, {|#0:split.Validation|});
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """, Warning("MLDSL0020"));

    [Fact]
    public Task Validating_on_an_inner_split_of_the_training_rows_is_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var outer = all.Split(new SplitOptions { Validation = 0, Test = 0.2 });
                var inner = outer.Train.Split(new SplitOptions { Validation = 0.2, Test = 0 });
                var model = new ReadingNet();
                model.Fit(inner.Train, inner.Validation);
                Console.WriteLine(model.Evaluate(outer.Test).Accuracy);
            }
        """);

    [Fact]
    public Task Scaled_training_and_validation_parts_from_one_scaler_are_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var scaler = Standardizer.Fit(split.Train);
                var scaledTrain = scaler.Apply(split.Train);
                var scaledValidation = scaler.Apply(split.Validation);
                var model = new ReadingNet();
                model.Fit(scaledTrain, scaledValidation);
                Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }
        """);

    [Fact]
    public Task Validating_on_rows_dropped_from_training_is_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, _, test) = all.Split();
                var validation = train.Take(100).ToList();
                var rest = train.Skip(100).ToList();
                var model = new ReadingNet();
                model.Fit(rest, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        """);

    // ==== Further probes: state across methods, training loops, helpers that fit and score ====

    [Fact]
    public Task A_scaler_kept_in_a_static_field_fitted_on_all_rows_in_another_method_leaks() => Verify("""
            static Standardizer? scaler;

            static void Prepare(IReadOnlyList<Reading> rows) => scaler = Standardizer.Fit(rows);

            public static void Run(IReadOnlyList<Reading> all)
            {
                {|#0:Prepare(all)|};
                var split = all.Split();
                var model = new ReadingNet();
                model.Fit(scaler!.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }
        """, Warning("MLDSL0016"));

    [Fact]
    public Task Stopping_a_manual_epoch_loop_when_the_test_accuracy_is_high_enough_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, validation, test) = all.Split();
                var model = new ReadingNet();
                for (int epoch = 0; epoch < 100; epoch++)
                {
                    model.Fit(train, validation, new FitOptions { Epochs = 1, Resume = true, CheckpointDirectory = "ckpt" });
                    if (model.Evaluate({|#0:test|}).Accuracy > 0.95)
                    {
                        break;
                    }
                }
                model.Save("model.mldsl");
            }
        """, Warning("MLDSL0018"));

    [Fact]
    public Task A_learning_rate_derived_from_a_test_score_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, validation, test) = all.Split();
                var probe = new ReadingNet();
                probe.Fit(train, validation);
                double rate = probe.Evaluate({|#0:test|}).Accuracy < 0.7 ? 1e-2 : 1e-3;
                var final = new ReadingNet();
                final.Fit(train, validation, new FitOptions { LearningRate = rate });
                final.Save("model.mldsl");
            }
        """, Warning("MLDSL0018"));

    [Fact]
    public Task Training_and_validating_on_one_csv_file_read_twice_leaks() => Verify("""
            public static void Run()
            {
                var model = new ReadingNet();
                model.Fit(CsvFile.Read<Reading>("heart.csv"), {|#0:CsvFile.Read<Reading>("heart.csv")|});
                Console.WriteLine(model.Evaluate(CsvFile.Read<Reading>("test.csv")).Accuracy);
            }
        """, Warning("MLDSL0020"));

    [Fact]
    public Task A_helper_that_fits_and_scores_the_same_rows_leaks() => Verify("""
            static double TrainAndScore(IReadOnlyList<Reading> rows)
            {
                var model = new ReadingNet();
                model.Fit(rows);
                return model.Evaluate({|#0:rows|}).Accuracy;
            }

            public static void Run(IReadOnlyList<Reading> all) => Console.WriteLine($"accuracy {TrainAndScore(all):P1}");
        """, Warning("MLDSL0027"));

    [Fact]
    public Task Adding_a_jittered_copy_of_each_sick_row_in_a_foreach_before_the_split_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var rows = new List<Reading>();
                foreach (var r in all)
                {
                    rows.Add(r);
                    if (r.Sick == 1)
                    {
                        {|#0:rows.Add(r with { Heart = r.Heart + 1f })|};
                    }
                }
                var split = rows.Split();
                var model = new ReadingNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """, Warning("MLDSL0026"));

    [Fact]
    public Task Scaling_with_the_statistics_of_the_test_rows_themselves_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var trainScaler = Standardizer.Fit(split.Train);
                var testScaler = Standardizer.Fit({|#0:split.Test|});
                var model = new ReadingNet();
                model.Fit(trainScaler.Apply(split.Train), trainScaler.Apply(split.Validation));
                Console.WriteLine(model.Evaluate(testScaler.Apply(split.Test)).Accuracy);
            }
        """, Warning("MLDSL0016"));

    [Fact]
    public Task One_AddRange_of_the_sick_rows_onto_a_copy_of_all_rows_before_the_split_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var balanced = all.ToList();
                {|#0:balanced.AddRange(all.Where(r => r.Sick == 1))|};
                var split = balanced.Split();
                var model = new ReadingNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """, Warning("MLDSL0026"));
}
