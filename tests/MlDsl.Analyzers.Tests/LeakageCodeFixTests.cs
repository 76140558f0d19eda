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
}
