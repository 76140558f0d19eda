using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;
using MlDsl.CodeFixes;
using static MlDsl.Analyzers.Tests.Infrastructure.LeakageSources;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Leakage declared with the data: labels and features entangled in projections, features known only
/// after the label, identifiers that are group keys, and pipelines that split grouped or timed rows at random.
/// </summary>
public sealed class LeakageDeclarationTests
{
    private static DiagnosticResult Warning(string id, int location) => new DiagnosticResult(id, DiagnosticSeverity.Warning).WithLocation(location);

    private static Task VerifyRows(string body, params DiagnosticResult[] expected) =>
        LeakageVerifier<DatasetLeakageAnalyzer>.AnalyzerAsync(Script(body), expected);

    // ---- Label and feature entangled outside the record (MLDSL0017) ----

    [Fact]
    public Task A_feature_computed_from_the_same_rows_label_in_a_projection_leaks() => VerifyRows("""
            public static List<Reading> Run(IReadOnlyList<Reading> all) =>
                all.Select(r => r with { {|#0:Heart = r.Sick * 10f + r.Heart|} }).ToList();
        """, Warning("MLDSL0017", 0).WithMessage(
            "Feature 'Heart' of Reading is computed from the label 'Sick' of the same row: the model sees the answer during training and cannot at prediction time; compute it from other inputs (an earlier row's label is fine)"));

    [Fact]
    public Task A_label_computed_from_a_feature_in_a_projection_leaks() => VerifyRows("""
            public static List<Reading> Run(IReadOnlyList<Reading> all) =>
                all.Select(r => r with { {|#0:Sick = r.Heart > 100 ? 1 : 0|} }).ToList();
        """, Warning("MLDSL0017", 0));

    [Fact]
    public Task A_label_computed_from_the_raw_value_a_feature_is_read_from_leaks() => VerifyRows("""
            public static List<Reading> Run(IEnumerable<Raw> raws) =>
                raws.Select(raw => new Reading { Heart = raw.Pulse, {|#0:Sick = raw.Pulse > 120 ? 1 : 0|} }).ToList();
        """, Warning("MLDSL0017", 0));

    [Fact]
    public Task A_label_computed_by_a_helper_from_a_feature_leaks() => VerifyRows("""
            private static int Diagnose(Reading reading) => reading.Heart > 100 ? 1 : 0;

            public static List<Reading> Run(IReadOnlyList<Reading> all) =>
                all.Select(r => r with { {|#0:Sick = Diagnose(r)|} }).ToList();
        """, Warning("MLDSL0017", 0));

    [Fact]
    public Task A_lagged_label_the_recorded_outcome_and_a_copied_label_are_silent() => VerifyRows("""
            public static void Run(IReadOnlyList<Sale> sales, IEnumerable<Raw> raws)
            {
                var lagged = sales.Select((sale, i) => i == 0 ? sale : sale with { PreviousUnits = sales[i - 1].Units }).ToList();
                var readings = raws.Select(raw => new Reading { Heart = raw.Pulse, Sick = raw.Outcome }).ToList();
                var relabelled = readings.Select(r => r with { Sick = 1 - r.Sick }).ToList();
            }
        """);

    // ---- Feature timing (MLDSL0029) ----

    [Fact]
    public Task A_feature_known_only_after_the_label_is_an_error() => LeakageVerifier<DatasetLeakageAnalyzer>.AnalyzerAsync("""
        using MlDsl;

        [Dataset]
        public sealed partial record Admission
        {
            [Feature] public float Age { get; init; }
            [Feature, KnownAt(FeatureTiming.AfterLabel)] public float {|#0:FollowUpVisits|} { get; init; }
            [Feature, KnownAt(FeatureTiming.WithLabel)] public float {|#1:DischargeCode|} { get; init; }
            [Feature, KnownAt(FeatureTiming.BeforeLabel)] public float Referral { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float Refund { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }
        """,
        new DiagnosticResult("MLDSL0029", DiagnosticSeverity.Error).WithLocation(0).WithMessage(
            "Feature 'FollowUpVisits' is declared [KnownAt(FeatureTiming.AfterLabel)]: it is not known when the model predicts, so training on it learns from the outcome itself; keep it as metadata ([Ignore] or [Slice]) instead of [Feature]"),
        new DiagnosticResult("MLDSL0029", DiagnosticSeverity.Error).WithLocation(1));

    // ---- Identifiers are group keys (MLDSL0021) ----

    [Fact]
    public Task An_identifier_feature_becomes_a_group_key() => LeakageVerifier<DatasetLeakageAnalyzer>.CodeFixAsync<MarkGroupKeyCodeFix>("""
        using MlDsl;

        [Dataset]
        public sealed partial record Claim
        {
            [Feature] public long {|MLDSL0021:CustomerId|} { get; init; }
            [Feature] public float Amount { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }
        """, """
        using MlDsl;

        [Dataset]
        public sealed partial record Claim
        {
            [GroupKey] public long CustomerId { get; init; }
            [Feature] public float Amount { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }
        """);

    // ---- Group and time leakage in the declarative form (MLDSL0019) ----

    private static string Pipeline(string attributes, string model = "VisitNet", string row = "Visit") => Usings + $$"""
        [Pipeline(typeof({{model}}))]
        {{attributes}}
        public sealed partial class Clinic
        {
            [Ingest] private static IReadOnlyList<{{row}}> Load() => CsvFile.Read<{{row}}>("rows.csv");
        }
        """ + Visit;

    [Fact]
    public Task A_random_split_of_grouped_rows_in_a_pipeline_is_group_leakage() => LeakageVerifier<LeakageAnalyzer>.AnalyzerAsync(
        Pipeline("[{|#0:Split(Kind = SplitKind.Random, Test = 0.2)|}]"),
        Warning("MLDSL0019", 0).WithMessage(
            "Visit has a [GroupKey], but pipeline Clinic splits it with SplitKind.Random: rows of one group can land in both training and test, so the test score measures recognising the group; use [Split(Kind = SplitKind.Grouped)]"));

    [Fact]
    public Task A_pipeline_without_a_split_over_timed_rows_splits_at_random() => LeakageVerifier<LeakageAnalyzer>.AnalyzerAsync(
        Usings + """
        [{|#0:Pipeline(typeof(SaleNet))|}]
        public sealed partial class Shop
        {
            [Ingest] private static IReadOnlyList<Sale> Load() => CsvFile.Read<Sale>("sales.csv");
        }
        """ + Visit, Warning("MLDSL0019", 0));

    [Fact]
    public Task Grouped_and_by_time_pipeline_splits_and_rows_without_groups_are_silent() => LeakageVerifier<LeakageAnalyzer>.AnalyzerAsync(
        Usings + """
        [Pipeline(typeof(VisitNet))]
        [Split(Kind = SplitKind.Grouped)]
        public sealed partial class Clinic
        {
            [Ingest] private static IReadOnlyList<Visit> Load() => CsvFile.Read<Visit>("visits.csv");
        }

        [Pipeline(typeof(SaleNet))]
        [Split(Kind = SplitKind.ByTime)]
        public sealed partial class Shop
        {
            [Ingest] private static IReadOnlyList<Sale> Load() => CsvFile.Read<Sale>("sales.csv");
        }

        [Pipeline(typeof(ReadingNet))]
        [Split(Kind = SplitKind.Stratified)]
        public sealed partial class Ward
        {
            [Ingest] private static IReadOnlyList<Reading> Load() => CsvFile.Read<Reading>("readings.csv");
        }
        """ + Visit);

    [Fact]
    public Task The_pipeline_split_fix_sets_the_grouped_kind() => LeakageVerifier<LeakageAnalyzer>.CodeFixAsync<SplitKindCodeFix>(
        Pipeline("[{|MLDSL0019:Split(Kind = SplitKind.Random, Test = 0.2)|}]"),
        Pipeline("[Split(Kind = SplitKind.Grouped, Test = 0.2)]"));

    // ---- Code fix: pass validation instead of test (MLDSL0018) ----

    [Fact]
    public Task The_test_split_passed_as_validation_becomes_the_validation_split() => LeakageVerifier<LeakageAnalyzer>.CodeFixAsync<PassValidationCodeFix>(
        Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                using var model = new ReadingNet();
                model.Fit(split.Train, {|MLDSL0018:split.Test|});
                var (train, validation, test) = all.Split();
                model.Fit(train, {|MLDSL0018:test|});
            }
        """),
        Script("""
            public static void Run(IReadOnlyList<Reading> all)
            {
                var split = all.Split();
                using var model = new ReadingNet();
                model.Fit(split.Train, split.Validation);
                var (train, validation, test) = all.Split();
                model.Fit(train, validation);
            }
        """));
}
