using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;
using MlDsl.CodeFixes;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// The declaration leakage rules judged by kind, each in a style of its own next to look-alikes that must
/// stay silent: which side of an entangled label/feature pair is derived (MLDSL0017), what names an
/// identifier (MLDSL0021), and timing flowing through computed members (MLDSL0029).
/// </summary>
public sealed class DeclarationLeakageKindTests
{
    private const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing MlDsl;\n\n";

    private const string Rows = """

        [Dataset]
        public sealed partial record Reading
        {
            [Feature] public float Heart { get; init; }
            [Label(Classes = 2)] public int Sick { get; init; }
        }

        public sealed record RawStay(float Pulse, string Status, int Outcome);
        """;

    private static DiagnosticResult Warning(string id, int location) => new DiagnosticResult(id, DiagnosticSeverity.Warning).WithLocation(location);

    private static DiagnosticResult Error(string id, int location) => new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(location);

    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        LeakageVerifier<DatasetLeakageAnalyzer>.AnalyzerAsync(Usings + source, expected);

    private static Task VerifyScript(string body, params DiagnosticResult[] expected) =>
        Verify("public static class Script\n{\n" + body + "\n}\n" + Rows, expected);

    // ---- MLDSL0017: the recorded outcome decides which side is derived, not the order of the assignments ----

    [Fact]
    public Task A_feature_mixing_in_the_recoded_status_the_label_is_taken_from_is_reported_on_the_feature() => VerifyScript("""
            static Reading ToRow(RawStay raw) => new Reading
            {
                {|#0:Heart = raw.Pulse + (raw.Status == "Died" ? 40f : 0f)|},
                Sick = raw.Status == "Died" ? 1 : 0,
            };

            public static List<Reading> Run(IEnumerable<RawStay> raws) => raws.Select(ToRow).ToList();
        """, Warning("MLDSL0017", 0).WithMessage(
            "Feature 'Heart' of Reading is computed from 'Status', the recorded outcome its label 'Sick' is taken from: the model sees the answer during training and cannot at prediction time; compute it from other inputs"));

    [Fact]
    public Task A_feature_assigned_after_a_label_switched_from_the_outcome_is_reported_on_the_feature() => VerifyScript("""
            public static List<Reading> Run(IEnumerable<RawStay> raws) =>
                raws.Select(r => new Reading { Sick = r.Outcome switch { 2 => 1, _ => 0 }, {|#0:Heart = r.Pulse * (1 + r.Outcome)|} }).ToList();
        """, Warning("MLDSL0017", 0));

    [Fact]
    public Task A_label_thresholded_from_a_measurement_a_scaled_feature_reads_is_still_reported_on_the_label() => VerifyScript("""
            public static List<Reading> Run(IEnumerable<RawStay> raws) =>
                raws.Select(r => new Reading { Heart = r.Pulse * 1.1f, {|#0:Sick = r.Pulse > 120 ? 1 : 0|} }).ToList();
        """, Warning("MLDSL0017", 0));

    [Fact]
    public Task Look_alike_a_recoded_outcome_label_beside_features_from_other_inputs_is_silent() => VerifyScript("""
            public static List<Reading> Run(IEnumerable<RawStay> raws) =>
                raws.Select(r => new Reading { Heart = r.Pulse * 0.5f + 10f, Sick = r.Outcome == 2 ? 1 : 0 }).ToList();
        """);

    [Fact]
    public Task Look_alike_the_previous_stays_outcome_in_a_feature_is_silent() => VerifyScript("""
            public static List<Reading> Run(IReadOnlyList<RawStay> raws) =>
                raws.Select((r, i) => new Reading { Heart = r.Pulse + (i > 0 ? raws[i - 1].Outcome : 0), Sick = r.Outcome }).ToList();
        """);

    // ---- MLDSL0021: what names an identifier ----

    [Fact]
    public Task Entity_numbers_codes_and_keys_are_identifiers_in_any_spelling() => Verify("""
        [Dataset]
        public sealed partial record Employee
        {
            [Feature] public int {|#0:EmployeeNumber|} { get; init; }
            [Feature] public long {|#1:AccountNo|} { get; init; }
            [Feature, Column("customer_nr")] public int {|#2:Customer|} { get; init; }
            [Feature] public int {|#3:UnitNumber|} { get; init; }
            [Feature] public int {|#4:StockCode|} { get; init; }
            [Feature] public long {|#5:customer_key|} { get; init; }
            [Feature] public float Satisfaction { get; init; }
            [Label(Classes = 2)] public int Attrition { get; init; }
        }
        """, Warning("MLDSL0021", 0), Warning("MLDSL0021", 1), Warning("MLDSL0021", 2), Warning("MLDSL0021", 3),
        Warning("MLDSL0021", 4), Warning("MLDSL0021", 5));

    [Fact]
    public Task Row_numbers_and_a_bare_index_are_reported_as_unique_per_row() => Verify("""
        [Dataset]
        public sealed partial record Bank
        {
            [Feature] public int {|#0:Index|} { get; init; }
            [Feature, Column("")] public int {|#1:Position|} { get; init; }
            [Feature] public long {|#2:RecordId|} { get; init; }
            [Feature] public float Balance { get; init; }
            [Label(Classes = 2)] public int Exited { get; init; }
        }
        """,
        Warning("MLDSL0021", 0).WithMessage(
            "Feature 'Index' numbers the rows (a row number or a written-out DataFrame index): it is unique per row, so the model can only memorise it or learn the order the rows were recorded in; mark it [Ignore]"),
        Warning("MLDSL0021", 1), Warning("MLDSL0021", 2));

    [Fact]
    public Task Look_alike_counts_quantities_ordinals_and_musical_keys_are_not_identifiers() => Verify("""
        [Dataset]
        public sealed partial record Listing
        {
            [Feature] public int NumberOfRooms { get; init; }
            [Feature] public int NumOfProducts { get; init; }
            [Feature] public int NumberOfVisits { get; init; }
            [Feature] public int KeyPresses { get; init; }
            [Feature] public float BodyMassIndex { get; init; }
            [Feature] public int PriceIndex { get; init; }
            [Feature] public int UvIndex { get; init; }
            [Feature] public int RoomNumber { get; init; }
            [Feature] public int WeekNumber { get; init; }
            [Feature] public int AtomicNumber { get; init; }
            [Feature] public int Key { get; init; }
            [Feature] public int ZipCode { get; init; }
            [Feature] public float OrderNumber { get; init; }
            [Feature, Categories("E11", "I10")] public string DiagnosisCode { get; init; } = "";
            [Label] public float Price { get; init; }
        }
        """);

    [Fact]
    public Task Look_alike_words_ending_in_id_letters_are_not_identifiers() => Verify("""
        [Dataset]
        public sealed partial record Auction
        {
            [Feature] public int Bid { get; init; }
            [Feature] public int Paid { get; init; }
            [Feature] public int Covid { get; init; }
            [Feature] public float Humid { get; init; }
            [Feature] public int Valid { get; init; }
            [Feature] public int Android { get; init; }
            [Label(Classes = 2)] public int Sold { get; init; }
        }
        """);

    [Fact]
    public Task A_patient_number_becomes_a_group_key() => LeakageVerifier<DatasetLeakageAnalyzer>.CodeFixAsync<MarkGroupKeyCodeFix>("""
        using MlDsl;

        [Dataset]
        public sealed partial record Visit
        {
            [Feature] public int {|MLDSL0021:PatientNumber|} { get; init; }
            [Feature] public float Heart { get; init; }
            [Label(Classes = 2)] public int Sick { get; init; }
        }
        """, """
        using MlDsl;

        [Dataset]
        public sealed partial record Visit
        {
            [GroupKey] public int PatientNumber { get; init; }
            [Feature] public float Heart { get; init; }
            [Label(Classes = 2)] public int Sick { get; init; }
        }
        """);

    [Fact]
    public Task A_row_number_read_from_the_pandas_index_column_is_asked_to_be_ignored_not_grouped() => Verify("""
        [Dataset]
        public sealed partial record Sensor
        {
            [Feature, Column("Unnamed: 0")] public int {|#0:Reading|} { get; init; }
            [Feature] public float Temperature { get; init; }
            [Label(Classes = 2)] public int Fault { get; init; }
        }
        """, Warning("MLDSL0021", 0).WithMessage(
            "Feature 'Reading' numbers the rows (a row number or a written-out DataFrame index): it is unique per row, so the model can only memorise it or learn the order the rows were recorded in; mark it [Ignore]"));

    // ---- MLDSL0029: timing flows through computed members ----

    [Fact]
    public Task A_feature_whose_getter_calls_a_helper_reading_a_value_known_with_the_label_is_reported() => Verify("""
        [Dataset]
        public sealed partial record Card
        {
            [Feature] public float Amount { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float ChargeBack { get; init; }
            [Feature] public float {|#0:Risk|} { get { return Ratio(); } }
            [Label(Classes = 2)] public int Fraud { get; init; }
            private float Ratio() => Amount > 0 ? ChargeBack / Amount : 0f;
        }
        """, Error("MLDSL0029", 0).WithMessage(
            "Feature 'Risk' is computed from 'ChargeBack' (through Ratio), declared [KnownAt(FeatureTiming.WithLabel)]: it is not known when the model predicts either, so training on it learns from the outcome itself; compute it from values known before the label, or keep it as metadata ([Ignore] or [Slice])"));

    [Fact]
    public Task A_feature_reading_a_late_value_through_an_unmarked_computed_property_is_reported() => Verify("""
        [Dataset]
        public sealed partial record Loan
        {
            [Feature] public float Principal { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float Recoveries { get; init; }
            private float Net => Principal - Recoveries;
            [Feature] public float {|#0:NetShare|} => Principal > 0 ? Net / Principal : 0f;
            [Label(Classes = 2)] public int Default { get; init; }
        }
        """, Error("MLDSL0029", 0));

    [Fact]
    public Task Look_alike_computed_features_from_values_known_before_the_label_are_silent() => Verify("""
        [Dataset]
        public sealed partial record Payment
        {
            [Feature] public float Amount { get; init; }
            [Feature, KnownAt(FeatureTiming.BeforeLabel)] public float PriorRefunds { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float RefundAmount { get; init; }
            [Feature] public float PriorShare => Amount > 0 ? PriorRefunds / Amount : 0f;
            [Feature] public float RefundAmountLastYear { get; init; }
            [Ignore] public float RefundShare => Amount > 0 ? RefundAmount / Amount : 0f;
            [Label(Classes = 2)] public int Fraud { get; init; }
        }
        """);
}
