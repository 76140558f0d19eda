using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.LeakageSources;

namespace MlDsl.Analyzers.Tests;

/// <summary>Every leakage rule fires on its buggy script and stays silent on the correct twin.</summary>
public sealed class LeakageRuleTests
{
    private static DiagnosticResult Warning(string id) => new(id, DiagnosticSeverity.Warning);

    private static Task Verify(string source, params DiagnosticResult[] expected) => LeakageVerifier<LeakageAnalyzer>.AnalyzerAsync(source, expected);

    [Fact]
    public Task A_stratified_split_of_a_regression_label_is_an_error() => Verify(Script("""
            public static void Run(IReadOnlyList<Stay> stays)
            {
                var split = stays.Split({|#0:new SplitOptions { Kind = SplitKind.Stratified }|});
            }
        """),
        new DiagnosticResult("MLDSL0025", DiagnosticSeverity.Error).WithLocation(0).WithMessage(
            "Stay.Days is a number to predict (regression), not a class, so there are no class shares for a stratified split to keep; split randomly (or by group or time)"));

    [Fact]
    public Task A_random_split_of_a_regression_label_and_a_stratified_split_of_classes_are_silent() => Verify(Script("""
            public static void Run(IReadOnlyList<Stay> stays, IReadOnlyList<Reading> readings)
            {
                var split = stays.Split(new SplitOptions { Kind = SplitKind.Random });
                var classes = readings.Split(new SplitOptions { Kind = SplitKind.Stratified });
            }
        """));

    [Fact]
    public Task Fitting_a_scaler_before_splitting_the_same_rows_is_preprocessing_leakage() => Verify(Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var scaler = Standardizer.Fit({|#0:all|});
                var split = all.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var train = scaler.Apply(split.Train);
            }
        """),
        Warning("MLDSL0016").WithLocation(0).WithMessage(
            "Standardizer is fitted on 'all', which is split on line 15: its statistics include the validation and test rows; fit it on the split's training rows (Standardizer.Fit(split))"));

    [Fact]
    public Task Fitting_on_the_split_is_silent() => Verify(Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scaler = Standardizer.Fit(split);
                var minMax = MinMaxScaler.Fit(split.Train);
                var test = scaler.Apply(split.Test);
            }
        """));

    [Fact]
    public Task Fitting_on_the_test_split_is_leakage() => Verify(Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var scaler = MinMaxScaler.Fit({|#0:split.Test|});
            }
        """),
        Warning("MLDSL0016").WithLocation(0).WithMessage(
            "MinMaxScaler is fitted on the test split: its statistics must come from the training split only, or the test score is no longer honest"));

    [Fact]
    public Task Fitting_on_a_deconstructed_validation_split_is_leakage() => Verify(Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, validation, test) = all.Split();
                var scaler = Standardizer.Fit({|#0:validation|});
            }
        """),
        Warning("MLDSL0016").WithLocation(0));

    [Fact]
    public Task A_random_split_of_grouped_rows_is_group_leakage() => Verify(Script("""
            public static void Run(IReadOnlyList<Visit> visits)
            {
                var split = visits.Split({|#0:new SplitOptions { Test = 0.2 }|});
            }
        """),
        Warning("MLDSL0019").WithLocation(0).WithMessage(
            "Visit has a [GroupKey], but this is a Random split: rows of one group can land in both training and test, so the test score measures recognising the group; use SplitKind.Grouped"));

    [Fact]
    public Task A_grouped_split_of_grouped_rows_is_silent() => Verify(Script("""
            public static void Run(IReadOnlyList<Visit> visits)
            {
                var split = visits.Split(new SplitOptions { Kind = SplitKind.Grouped, Test = 0.2 });
            }
        """));

    [Fact]
    public Task A_random_split_of_readings_without_groups_or_time_is_silent() => Verify(Script("""
            public static void Run(IReadOnlyList<Reading> readings)
            {
                var split = readings.Split(new SplitOptions { Kind = SplitKind.Random });
            }
        """));

    [Fact]
    public Task The_test_split_as_validation_is_selection_on_the_test_set() => Verify(Script("""
            public static void Run(IReadOnlyList<Visit> visits)
            {
                var split = visits.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new VisitNet();
                model.Fit(split.Train, {|#0:split.Test|});
            }
        """),
        Warning("MLDSL0018").WithLocation(0));

    [Fact]
    public Task The_validation_split_as_validation_is_silent() => Verify(Script("""
            public static void Run(IReadOnlyList<Visit> visits)
            {
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new VisitNet();
                model.Fit(train, validation);
                var score = model.Evaluate(test);
            }
        """));

    [Fact]
    public Task Evaluating_test_inside_a_loop_that_trains_is_model_selection_on_test() => Verify(Script("""
            public static void Run(IReadOnlyList<Visit> visits)
            {
                var split = visits.Split(new SplitOptions { Kind = SplitKind.Grouped });
                double best = 0;
                foreach (double rate in new[] { 1e-2, 1e-3 })
                {
                    using var model = new VisitNet();
                    model.Fit(split.Train, split.Validation, new FitOptions { LearningRate = rate });
                    best = Math.Max(best, model.Evaluate({|#0:split.Test|}).Accuracy);
                }
            }
        """),
        Warning("MLDSL0018").WithLocation(0).WithMessage(
            "The test split is evaluated inside a loop that trains models: choosing among them by this score selects on the test set; compare candidates on the validation split and evaluate the chosen one on test once, after the loop"));

    [Fact]
    public Task The_same_rows_for_training_and_validation_are_flagged() => Verify(Script("""
            public static void Run(IReadOnlyList<Visit> visits)
            {
                using var model = new VisitNet();
                model.Fit(visits, {|#0:visits|});
            }
        """),
        Warning("MLDSL0020").WithLocation(0).WithMessage(
            "'visits' is both the training and the validation data of VisitNet.Fit, so validation scores only measure memorisation; validate on rows the model does not train on"));
}

public sealed class BatchSizeRuleTests
{
    private const string Net = """

        [Dataset]
        public sealed partial record Patch
        {
            [Feature, Shape(1, 8, 8)] public required float[] Pixels { get; init; }
            [Label(Classes = 2)] public int Kind { get; init; }
        }

        [Model(typeof(Patch))]
        public sealed partial class PatchNet
        {
            [Conv2d(4, Kernel = 3), BatchNorm2d, Relu] Layer stem;
            [Flatten, Linear(2)] Layer head;
        }
        """;

    [Fact]
    public Task Batch_norm_on_a_map_trained_one_example_at_a_time_is_a_suggestion() => LeakageVerifier<BatchSizeAnalyzer>.AnalyzerAsync(
        Usings + "public static class Script\n{\n    public static void Run(IReadOnlyList<Patch> rows)\n    {\n        using var model = new PatchNet();\n"
            + "        model.Fit(rows, options: new FitOptions { Epochs = 2, {|#0:BatchSize = 1|} });\n        model.Fit(rows, options: new FitOptions { BatchSize = 32 });\n    }\n}\n" + Net,
        new DiagnosticResult("MLDSL0024", DiagnosticSeverity.Info).WithLocation(0).WithMessage(
            "'PatchNet' has batch-normalisation layers (stemBatchNorm2d) but trains with BatchSize = 1: statistics of a single example are noisy and unlike the running averages used at prediction; batches of 16 or more train more steadily"));

    // The model is parsed once per compilation and shared between calls: every call is still checked, and each model keeps its own layers.
    [Fact]
    public Task Every_fit_of_a_batch_norm_model_with_batches_of_one_is_flagged_and_a_model_without_batch_norm_is_not() => LeakageVerifier<BatchSizeAnalyzer>.AnalyzerAsync(
        Usings + """
            public static class Script
            {
                public static void First(IReadOnlyList<Patch> rows)
                {
                    using var model = new PatchNet();
                    model.Fit(rows, options: new FitOptions { {|#0:BatchSize = 1|} });
                }

                public static void Second(IReadOnlyList<Patch> rows)
                {
                    using var model = new PatchNet();
                    model.Fit(rows, options: new FitOptions { {|#1:BatchSize = 1|} });
                    using var plain = new PlainNet();
                    plain.Fit(rows, options: new FitOptions { BatchSize = 1 });
                }
            }

            [Model(typeof(Patch))]
            public sealed partial class PlainNet
            {
                [Flatten, Linear(2)] Layer head;
            }
            """ + Net,
        new DiagnosticResult("MLDSL0024", DiagnosticSeverity.Info).WithLocation(0),
        new DiagnosticResult("MLDSL0024", DiagnosticSeverity.Info).WithLocation(1));
}
