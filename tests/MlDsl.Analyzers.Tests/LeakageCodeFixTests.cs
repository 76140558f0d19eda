using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;
using MlDsl.CodeFixes;
using static MlDsl.Analyzers.Tests.Infrastructure.LeakageSources;

namespace MlDsl.Analyzers.Tests;

public sealed class LeakageCodeFixTests
{
    [Fact]
    public Task A_fit_on_the_test_split_moves_to_the_training_split() => LeakageVerifier<LeakageAnalyzer>.CodeFixAsync<FitOnTrainingSplitCodeFix>(
        Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var scaler = MinMaxScaler.Fit({|MLDSL0016:split.Test|});
            }
        """),
        Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var scaler = MinMaxScaler.Fit(split.Train);
            }
        """));

    [Fact]
    public Task A_fit_before_the_split_moves_after_it_and_fits_on_the_split() => LeakageVerifier<LeakageAnalyzer>.CodeFixAsync<FitAfterSplitCodeFix>(
        Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var scaler = Standardizer.Fit({|MLDSL0016:all|});
                var split = all.Split(new SplitOptions { Kind = SplitKind.Stratified, Test = 0.2 });
                var train = scaler.Apply(split.Train);
            }
        """),
        Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split(new SplitOptions { Kind = SplitKind.Stratified, Test = 0.2 });
                var scaler = Standardizer.Fit(split);
                var train = scaler.Apply(split.Train);
            }
        """));

    [Fact]
    public Task A_min_max_fit_moves_with_its_comments_past_unrelated_statements() => LeakageVerifier<LeakageAnalyzer>.CodeFixAsync<FitAfterSplitCodeFix>(
        Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                // Scale to [0, 1].
                var minMax = MinMaxScaler.Fit({|MLDSL0016:all|}); // before the model sees it
                int count = all.Count;
                var split = all.Split();
                var train = minMax.Apply(split.Train);
            }
        """),
        Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                int count = all.Count;
                var split = all.Split();
                // Scale to [0, 1].
                var minMax = MinMaxScaler.Fit(split); // before the model sees it
                var train = minMax.Apply(split.Train);
            }
        """));

    [Fact]
    public Task A_fit_before_a_deconstructed_split_fits_on_the_training_rows() => LeakageVerifier<LeakageAnalyzer>.CodeFixAsync<FitAfterSplitCodeFix>(
        Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var scaler = Standardizer.Fit({|MLDSL0016:all|});
                var (train, validation, test) = all.Split();
                var scaled = scaler.Apply(train);
            }
        """),
        Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var (train, validation, test) = all.Split();
                var scaler = Standardizer.Fit(train);
                var scaled = scaler.Apply(train);
            }
        """));

    [Fact]
    public Task A_fit_used_before_the_split_is_not_moved() => LeakageVerifier<LeakageAnalyzer>.CodeFixAsync<FitAfterSplitCodeFix>(
        Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var scaler = Standardizer.Fit({|MLDSL0016:all|});
                var scaled = scaler.Apply(all);
                var split = all.Split();
            }
        """),
        Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var scaler = Standardizer.Fit({|MLDSL0016:all|});
                var scaled = scaler.Apply(all);
                var split = all.Split();
            }
        """));

    [Fact]
    public Task A_fit_in_another_block_than_the_split_is_not_moved() => LeakageVerifier<LeakageAnalyzer>.CodeFixAsync<FitAfterSplitCodeFix>(
        Script("""
            public static void Run(IReadOnlyList<Reading> all, bool scale)
            {
                if (scale)
                {
                    var scaler = Standardizer.Fit({|MLDSL0016:all|});
                }
                var split = all.Split();
            }
        """),
        Script("""
            public static void Run(IReadOnlyList<Reading> all, bool scale)
            {
                if (scale)
                {
                    var scaler = Standardizer.Fit({|MLDSL0016:all|});
                }
                var split = all.Split();
            }
        """));

    [Fact]
    public Task A_fit_after_the_split_is_not_moved_by_this_fix() => LeakageVerifier<LeakageAnalyzer>.CodeFixAsync<FitAfterSplitCodeFix>(
        Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var scaler = Standardizer.Fit({|MLDSL0016:all|});
            }
        """),
        Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                var scaler = Standardizer.Fit({|MLDSL0016:all|});
            }
        """));

    [Fact]
    public Task A_random_split_of_grouped_rows_becomes_a_grouped_split() => LeakageVerifier<LeakageAnalyzer>.CodeFixAsync<SplitKindCodeFix>(
        Script("""
            public static void Run(IReadOnlyList<Visit> visits)
            {
                var split = visits.Split({|MLDSL0019:new SplitOptions { Kind = SplitKind.Stratified, Test = 0.2 }|});
            }
        """),
        Script("""
            public static void Run(IReadOnlyList<Visit> visits)
            {
                var split = visits.Split(new SplitOptions { Kind = SplitKind.Grouped, Test = 0.2 });
            }
        """));

    [Fact]
    public Task Options_without_a_kind_get_one() => LeakageVerifier<LeakageAnalyzer>.CodeFixAsync<SplitKindCodeFix>(
        Script("""
            public static void Run(IReadOnlyList<Visit> visits)
            {
                var split = visits.Split({|MLDSL0019:new SplitOptions { Test = 0.2 }|});
            }
        """),
        Script("""
            public static void Run(IReadOnlyList<Visit> visits)
            {
                var split = visits.Split(new SplitOptions { Kind = SplitKind.Grouped, Test = 0.2 });
            }
        """));

    [Fact]
    public Task A_stratified_split_of_a_regression_label_becomes_random() => LeakageVerifier<LeakageAnalyzer>.CodeFixAsync<SplitKindCodeFix>(
        Script("""
            public static void Run(IReadOnlyList<Stay> stays)
            {
                var split = stays.Split({|MLDSL0025:new SplitOptions { Kind = SplitKind.Stratified, Test = 0.2 }|});
            }
        """),
        Script("""
            public static void Run(IReadOnlyList<Stay> stays)
            {
                var split = stays.Split(new SplitOptions { Kind = SplitKind.Random, Test = 0.2 });
            }
        """));
}
