using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// MLDSL0021 on the short spellings of the standard "… number" identifiers (<c>AccountNo</c>, <c>CardNr</c>,
/// <c>SerialNum</c>, <c>PassportNo</c>, <c>PhoneNo</c>): they name the same number as the full phrase, so they are judged
/// on every type the full phrase is (a float <c>AccountNo</c> like a float <c>AccountNumber</c>), and not where it is not.
/// </summary>
public sealed class AbbreviatedIdentifierNumberTests
{
    private const string Usings = "using System;\nusing MlDsl;\n\n";

    private static DiagnosticResult Identifier(int location) => new DiagnosticResult("MLDSL0021", DiagnosticSeverity.Warning).WithLocation(location);

    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        LeakageVerifier<DatasetLeakageAnalyzer>.AnalyzerAsync(Usings + source, expected);

    [Fact]
    public Task Short_spellings_of_standard_numbers_typed_as_float_are_reported_like_the_full_phrase() => Verify("""
        [Dataset]
        public sealed partial record Transaction
        {
            [Feature] public float {|#0:AccountNumber|} { get; init; }
            [Feature] public float {|#1:AccountNo|} { get; init; }
            [Feature] public double {|#2:CardNr|} { get; init; }
            [Feature] public float {|#3:SerialNum|} { get; init; }
            [Feature] public double {|#4:PhoneNo|} { get; init; }
            [Feature] public decimal {|#5:mobile_nbr|} { get; init; }
            [Feature, Column("accountno")] public float {|#6:Source|} { get; init; }
            [Feature] public float Amount { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }
        """, Identifier(0), Identifier(1), Identifier(2), Identifier(3), Identifier(4), Identifier(5), Identifier(6));

    [Fact]
    public Task A_text_passport_number_is_reported_in_its_short_spellings() => Verify("""
        [Dataset]
        public sealed partial record Traveller
        {
            [Feature] public string {|#0:PassportNumber|} { get; init; } = "";
            [Feature] public string {|#1:PassportNo|} { get; init; } = "";
            [Feature] public string? {|#2:passport_nr|} { get; init; }
            [Feature] public float TripsPerYear { get; init; }
            [Label(Classes = 2)] public int Flagged { get; init; }
        }
        """, Identifier(0), Identifier(1), Identifier(2));

    [Fact]
    public Task Fix_short_spelled_account_number_as_a_group_key_is_silent() => Verify("""
        [Dataset]
        public sealed partial record Transaction
        {
            [GroupKey] public float AccountNo { get; init; }
            [Ignore] public double PhoneNo { get; init; }
            [Feature] public float Amount { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }
        """);

    [Fact]
    public Task Look_alike_short_spelled_numbers_outside_the_standard_phrases_stay_silent_on_floats() => Verify("""
        [Dataset]
        public sealed partial record Batch
        {
            [Feature] public float RoomNo { get; init; }
            [Feature] public double BatchNo { get; init; }
            [Feature] public float WeekNr { get; init; }
            [Feature] public float ReynoldsNum { get; init; }
            [Feature] public int PassportNo { get; init; }
            [Feature] public float CardNoLength { get; init; }
            [Feature] public int NumberOfCards { get; init; }
            [Label] public float Yield { get; init; }
        }
        """);
}
