using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.LeakageSources;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// The leakage kinds that need following the data through a program: for each, buggy programs that
/// fire on the leaking line, the minimal fix, and look-alikes that must stay silent.
/// </summary>
public sealed class LeakageFlowTests
{
    private static DiagnosticResult Warning(string id, int location) => new DiagnosticResult(id, DiagnosticSeverity.Warning).WithLocation(location);

    private static Task Verify(string body, params DiagnosticResult[] expected) => LeakageVerifier<LeakageAnalyzer>.AnalyzerAsync(Script(body), expected);

    // ---- Statistics learned from rows that later reach validation or test (MLDSL0016) ----

    [Fact]
    public Task Fitting_applying_and_then_splitting_the_transformed_rows_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var scaler = Standardizer.Fit({|#0:all|});
                var scaled = scaler.Apply(all);
                var split = scaled.Split();
                using var model = new ReadingNet();
                model.Fit(split.Train, split.Validation);
                var score = model.Evaluate(split.Test);
            }
        """, Warning("MLDSL0016", 0));

    [Fact]
    public Task The_largest_value_over_all_rows_rescaling_a_feature_before_the_split_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                float max = {|#0:all.Max(r => r.Heart)|};
                var scaled = all.Select(r => r with { Heart = r.Heart / max }).ToList();
                var (train, validation, test) = scaled.Split();
                using var model = new ReadingNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        """, Warning("MLDSL0016", 0).WithMessage(
            "Max over 'all' learns from every row, which is split on line 16, and the result changes the rows the model sees: the validation and test rows leak into training; compute it from the training rows only"));

    [Fact]
    public Task A_helper_that_fits_on_its_argument_leaks_at_the_call() => Verify("""
            private static Reading[] Normalize(IReadOnlyList<Reading> rows)
            {
                var scaler = MinMaxScaler.Fit(rows);
                return scaler.Apply(rows);
            }

            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = {|#0:Normalize(all)|}.Split();
                using var model = new ReadingNet();
                model.Fit(split.Train, split.Validation);
                model.Evaluate(split.Test);
            }
        """, Warning("MLDSL0016", 0));

    [Fact]
    public Task A_mean_per_group_computed_on_all_rows_and_used_as_a_feature_leaks() => Verify("""
            public static void Run(IReadOnlyList<Visit> visits)
            {
                var rate = {|#0:visits.GroupBy(v => v.Patient).ToDictionary(g => g.Key, g => g.Average(v => v.Sick))|};
                var encoded = visits.Select(v => v with { {|#1:Age = (float)rate[v.Patient]|} }).ToArray();
                var split = encoded.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new VisitNet();
                model.Fit(split.Train, split.Validation);
                model.Evaluate(split.Test);
            }
        """, Warning("MLDSL0016", 0), Warning("MLDSL0017", 1)); // the rate of each visit's own patient, its own label in it: in-sample target encoding

    [Fact]
    public Task A_statistic_of_the_test_labels_used_to_build_training_rows_leaks() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                double rate = {|#0:split.Test.Average(r => r.Sick)|};
                var train = split.Train.Select(r => r with { Heart = (float)rate }).ToList();
                using var model = new ReadingNet();
                model.Fit(train, split.Validation);
            }
        """, Warning("MLDSL0016", 0));

    [Fact]
    public Task Rows_read_twice_from_one_file_are_one_source() => Verify("""
            public static void Run()
            {
                var scaler = Standardizer.Fit({|#0:CsvFile.Read<Reading>("readings.csv")|});
                var split = CsvFile.Read<Reading>("readings.csv").Split();
                using var model = new ReadingNet();
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                model.Evaluate(scaler.Apply(split.Test));
            }
        """, Warning("MLDSL0016", 0));

    [Fact]
    public Task Statistics_from_the_training_rows_are_silent() => Verify("""
            private static Reading[] Normalize(IReadOnlyList<Reading> rows, IReadOnlyList<Reading> fitOn) => MinMaxScaler.Fit(fitOn).Apply(rows);

            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                float max = split.Train.Max(r => r.Heart);
                var scaler = Standardizer.Fit(split);
                var train = scaler.Apply(split.Train).Select(r => r with { Heart = r.Heart / max }).ToList();
                var test = Normalize(split.Test, split.Train);
                using var model = new ReadingNet();
                model.Fit(train, scaler.Apply(split.Validation));
                model.Evaluate(test);
            }
        """);

    [Fact]
    public Task A_fit_for_a_printout_and_a_final_refit_on_all_rows_are_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                Console.WriteLine(Standardizer.Fit(all).Shift[0]);
                Console.WriteLine(all.Average(r => r.Heart));
                var split = all.Split();
                var scaler = Standardizer.Fit(split);
                using var model = new ReadingNet();
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Accuracy);

                // Chosen and tested: now train the model to ship on every row.
                var finalScaler = Standardizer.Fit(all);
                using var final = new ReadingNet();
                final.Fit(finalScaler.Apply(all));
                final.Save("reading.mldsl");
            }
        """);

    [Fact]
    public Task An_ingest_method_that_fits_on_every_row_leaks_because_its_pipeline_splits_them() =>
        LeakageVerifier<LeakageAnalyzer>.AnalyzerAsync(Usings + """
            [Pipeline(typeof(ReadingNet))]
            public sealed partial class ReadingPipeline
            {
                [Ingest] private static IReadOnlyList<Reading> Load()
                {
                    var rows = CsvFile.Read<Reading>("readings.csv");
                    return Standardizer.Fit({|#0:rows|}).Apply(rows);
                }
            }
            """ + Visit, Warning("MLDSL0016", 0));

    // ---- Rows multiplied or invented before the split (MLDSL0026) ----

    [Fact]
    public Task Oversampling_by_concatenation_before_the_split_copies_rows_across_it() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var balanced = {|#0:all.Concat(all.Where(r => r.Sick == 1))|}.ToList();
                var split = balanced.Split();
            }
        """, Warning("MLDSL0026", 0));

    [Fact]
    public Task Augmenting_every_row_before_the_split_copies_rows_across_it() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var augmented = {|#0:all.SelectMany(r => new[] { r, r with { Heart = r.Heart + 0.5f } })|}.ToList();
                var (train, validation, test) = augmented.Split();
            }
        """, Warning("MLDSL0026", 0));

    [Fact]
    public Task A_list_filled_with_rows_and_their_copies_then_split_copies_rows_across_it() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var rows = new List<Reading>();
                foreach (Reading reading in all)
                {
                    rows.Add(reading);
                    if (reading.Sick == 1) {|#0:rows.Add(reading with { Heart = reading.Heart * 1.01f })|};
                }
                var split = rows.Split();
            }
        """, Warning("MLDSL0026", 0));

    [Fact]
    public Task A_method_declared_to_multiply_rows_before_the_split_copies_rows_across_it() => Verify("""
            [MultipliesRows("rows")]
            private static List<Reading> Oversample(IReadOnlyList<Reading> rows) => rows.ToList();

            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = {|#0:Oversample(all)|}.Split();
            }
        """, Warning("MLDSL0026", 0));

    [Fact]
    public Task Audio_augmentation_of_every_row_before_the_split_copies_rows_across_it() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var options = new MlDsl.Audio.Augmentation.AudioAugmentOptions { SampleRate = 8000, NoiseSnrDb = 10, PitchShiftSemitones = 2 };
                var augmented = {|#0:MlDsl.Audio.Augmentation.AudioAugmentation.Augment(all, options)|};
                var split = augmented.Split();
                using var model = new ReadingNet();
                model.Fit(split.Train, split.Validation);
            }
        """, Warning("MLDSL0026", 0));

    [Fact]
    public Task Audio_augmentation_of_the_training_split_only_is_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var options = new MlDsl.Audio.Augmentation.AudioAugmentOptions { SampleRate = 8000, TimeStretch = 0.1, BandPassLowHz = 300, BandPassHighHz = 3400 };
                var train = MlDsl.Audio.Augmentation.AudioAugmentation.Augment(split.Train, options);
                using var model = new ReadingNet();
                model.Fit(train, split.Validation);
                model.Evaluate(split.Test);
            }
        """);

    [Fact]
    public Task Oversampling_the_training_rows_and_concatenating_disjoint_parts_are_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var ordered = all.Where(r => r.Sick == 0).Concat(all.Where(r => r.Sick == 1)).ToList();
                var split = ordered.Split();
                var train = split.Train.Concat(split.Train.Where(r => r.Sick == 1)).ToList();
                using var model = new ReadingNet();
                model.Fit(train, split.Validation);
                model.Evaluate(split.Test);
                var everything = split.Train.Concat(split.Validation).ToList();
            }
        """);

    // ---- The test part steering a choice (MLDSL0018) ----

    [Fact]
    public Task Two_models_evaluated_on_test_and_the_better_kept_is_selection_on_test() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var small = new ReadingNet(1);
                small.Fit(split.Train, split.Validation);
                var large = new ReadingNet(2);
                large.Fit(split.Train, split.Validation);
                double smallScore = small.Evaluate({|#0:split.Test|}).Accuracy;
                double largeScore = large.Evaluate({|#1:split.Test|}).Accuracy;
                var best = smallScore >= largeScore ? small : large;
            }
        """, Warning("MLDSL0018", 0), Warning("MLDSL0018", 1));

    [Fact]
    public Task A_threshold_chosen_from_test_predictions_is_selection_on_test() => Verify("""
            private static double Agreement(int[] predicted, double threshold) => predicted.Average() * threshold;

            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, validation, test) = all.Split();
                using var model = new ReadingNet();
                model.Fit(train, validation);
                double best = 0, chosen = 0;
                foreach (double threshold in new[] { 0.3, 0.5, 0.7 })
                {
                    double score = Agreement(model.Predict({|#0:test|}), threshold);
                    if (score > best) { best = score; chosen = threshold; }
                }
            }
        """, Warning("MLDSL0018", 0));

    [Fact]
    public Task A_learning_rate_set_from_a_test_score_steers_training_by_test() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                using var first = new ReadingNet();
                first.Fit(split.Train, split.Validation);
                double rate = first.Evaluate({|#0:split.Test|}).Accuracy < 0.9 ? 1e-2 : 1e-3;
                using var second = new ReadingNet();
                second.Fit(split.Train, split.Validation, new FitOptions { LearningRate = rate });
            }
        """, Warning("MLDSL0018", 0));

    [Fact]
    public Task A_held_out_file_named_test_passed_as_validation_is_selection_on_test() => Verify("""
            public static void Run()
            {
                var train = CsvFile.Read<Reading>("train.csv");
                var test = CsvFile.Read<Reading>("test.csv");
                using var model = new ReadingNet();
                model.Fit(train, {|#0:test|});
            }
        """, Warning("MLDSL0018", 0));

    [Fact]
    public Task Cross_validation_averaging_fold_scores_a_gate_and_choosing_on_validation_are_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var scores = new List<double>();
                for (int k = 0; k < 5; k++)
                {
                    var fold = split.Train.Split(new SplitOptions { Seed = k });
                    using var candidate = new ReadingNet();
                    candidate.Fit(fold.Train, fold.Validation);
                    scores.Add(candidate.Evaluate(fold.Test).Accuracy);
                }
                Console.WriteLine(scores.Average());

                double best = 0, bestRate = 1e-3;
                foreach (double rate in new[] { 1e-2, 1e-3 })
                {
                    using var tuned = new ReadingNet();
                    tuned.Fit(split.Train, options: new FitOptions { LearningRate = rate });
                    double score = tuned.Evaluate(split.Validation).Accuracy;
                    if (score > best) { best = score; bestRate = rate; }
                }

                using var final = new ReadingNet();
                final.Fit(split.Train, split.Validation, new FitOptions { LearningRate = bestRate });
                double trainScore = final.Evaluate(split.Train).Accuracy, testScore = final.Evaluate(split.Test).Accuracy;
                if (trainScore > testScore + 0.1) Console.WriteLine("overfitting");
                if (testScore < 0.9) throw new InvalidOperationException("below the bar");
            }
        """);

    // ---- Scores on rows the model trained on (MLDSL0027) ----

    [Fact]
    public Task Evaluating_on_the_training_rows_as_the_score_is_flagged() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                using var model = new ReadingNet();
                model.Fit(split.Train);
                Console.WriteLine(model.Evaluate({|#0:split.Train|}).Accuracy);
            }
        """, Warning("MLDSL0027", 0).WithMessage(
            "ReadingNet is evaluated on rows it was trained on ('split.Train'): that score measures memorisation, not how it does on new rows; evaluate on the test split"));

    [Fact]
    public Task Fitting_and_evaluating_on_all_rows_is_flagged() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                using var model = new ReadingNet();
                model.Fit(all);
                var score = model.Evaluate({|#0:all|});
            }
        """, Warning("MLDSL0027", 0));

    [Fact]
    public Task Reporting_the_early_stopping_rows_score_is_flagged() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, validation, test) = all.Split();
                using var model = new ReadingNet();
                model.Fit(train, validation, new FitOptions { EarlyStoppingPatience = 3 });
                Console.WriteLine($"accuracy {model.Evaluate({|#0:validation|}).Accuracy}");
            }
        """, Warning("MLDSL0027", 0));

    // ---- In-sample stacking (MLDSL0028) ----

    [Fact]
    public Task Predictions_of_a_model_fitted_on_all_rows_as_features_are_in_sample() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                using var first = new ReadingNet();
                first.Fit(all);
                var stacked = all.Select(r => r with { Heart = {|#0:first.Predict(r)|} }).ToList();
                var split = stacked.Split();
            }
        """, Warning("MLDSL0028", 0));

    [Fact]
    public Task Predictions_for_rows_the_first_model_never_saw_are_silent() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, validation, test) = all.Split();
                using var first = new ReadingNet();
                first.Fit(train);
                var validationStacked = validation.Select(r => r with { Heart = first.Predict(r) }).ToList();
                var testStacked = test.Select(r => r with { Heart = first.Predict(r) }).ToList();
                using var second = new ReadingNet();
                second.Fit(validationStacked);
                second.Evaluate(testStacked);
            }
        """);

    // ---- The same rows for training and validation through split parts (MLDSL0020) ----

    [Fact]
    public Task The_training_part_as_validation_is_flagged() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                using var model = new ReadingNet();
                model.Fit(split.Train, {|#0:split.Train|});
            }
        """, Warning("MLDSL0020", 0).WithMessage(
            "'split.Train' is both the training and the validation data of ReadingNet.Fit, so validation scores only measure memorisation; validate on rows the model does not train on"));

    [Fact]
    public Task Validation_rows_inside_the_training_rows_are_flagged() => Verify("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                using var model = new ReadingNet();
                model.Fit(all, {|#0:split.Validation|});
            }
        """, Warning("MLDSL0020", 0));
}
