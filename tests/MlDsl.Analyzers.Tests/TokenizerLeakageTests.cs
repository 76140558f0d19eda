using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.LeakageSources;

namespace MlDsl.Analyzers.Tests;

/// <summary>A tokenizer's vocabulary is learned from rows like any fitted statistic: learned from rows that reach validation or test, it leaks their words.</summary>
public sealed class TokenizerLeakageTests
{
    private static Task Verify(string source, params DiagnosticResult[] expected) => LeakageVerifier<LeakageAnalyzer>.AnalyzerAsync(source, expected);

    [Fact]
    public Task Fitting_a_tokenizer_on_all_rows_before_the_split_is_preprocessing_leakage() => Verify(Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var tokenizer = MlDsl.Data.Text.Tokenizer.Fit({|#0:all|}, row => row.Heart.ToString());
                var split = all.Split(new SplitOptions { Kind = SplitKind.Stratified });
            }
        """),
        new DiagnosticResult("MLDSL0016", DiagnosticSeverity.Warning).WithLocation(0));

    [Fact]
    public Task Fitting_a_tokenizer_on_the_training_rows_is_silent() => Verify(Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var tokenizer = MlDsl.Data.Text.Tokenizer.Fit(split, row => row.Heart.ToString());
                var again = MlDsl.Data.Text.Tokenizer.Fit(split.Train, row => row.Heart.ToString());
                int[] ids = tokenizer.Encode("a new text");
            }
        """));

    [Fact]
    public Task Fitting_a_tokenizer_on_the_test_rows_is_leakage() => Verify(Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var tokenizer = MlDsl.Data.Text.Tokenizer.Fit({|#0:split.Test|}, row => row.Heart.ToString());
            }
        """),
        new DiagnosticResult("MLDSL0016", DiagnosticSeverity.Warning).WithLocation(0));
}
