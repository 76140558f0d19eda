using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// MLDSL0021 on identifiers typed as floating point (CSV loaders read every column as a number): judged only by words that
/// cannot name a measurement (<c>Id</c>, <c>Uid</c>, <c>Uuid</c>, <c>Guid</c>, the standard identifiers); <c>Number</c>,
/// <c>Index</c>, <c>Code</c> and <c>Key</c> on a float stay measurements.
/// </summary>
public sealed class IdentifierTypedAsFloatTests
{
    private const string Usings = "using System;\nusing MlDsl;\n\n";

    private static DiagnosticResult Identifier(int location) => new DiagnosticResult("MLDSL0021", DiagnosticSeverity.Warning).WithLocation(location);

    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        LeakageVerifier<DatasetLeakageAnalyzer>.AnalyzerAsync(Usings + source, expected);

    [Fact]
    public Task Identifiers_typed_as_float_double_or_decimal_are_reported() => Verify("""
        [Dataset]
        public sealed partial record Purchase
        {
            [Feature] public float {|#0:CustomerId|} { get; init; }
            [Feature] public double {|#1:TransactionID|} { get; init; }
            [Feature] public decimal {|#2:store_uid|} { get; init; }
            [Feature, Column("session_uuid")] public float {|#3:Session|} { get; init; }
            [Feature] public double {|#4:Imei|} { get; init; }
            [Feature] public double {|#5:Isbn|} { get; init; }
            [Feature] public float {|#6:Id|} { get; init; }
            [Feature] public float Basket { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }
        """, Identifier(0).WithMessage(
            "Feature 'CustomerId' looks like an identifier: if it repeats across rows (a patient, a customer, a device) it is a group key — mark it [GroupKey] and split with SplitKind.Grouped so no group is on both sides; if it is unique per row, mark it [Ignore]; as a feature it only lets the model memorise"),
        Identifier(1), Identifier(2), Identifier(3), Identifier(4), Identifier(5), Identifier(6));

    [Fact]
    public Task A_record_id_typed_as_double_is_reported_as_unique_per_row() => Verify("""
        [Dataset]
        public sealed partial record Admission
        {
            [Feature] public double {|#0:RecordId|} { get; init; }
            [Feature] public float LengthOfStay { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }
        """, Identifier(0).WithMessage(
            "Feature 'RecordId' numbers the rows (a row number or a written-out DataFrame index): it is unique per row, so the model can only memorise it or learn the order the rows were recorded in; mark it [Ignore]"));

    [Fact]
    public Task Fix_the_float_customer_id_as_a_group_key_is_silent() => Verify("""
        [Dataset]
        public sealed partial record Purchase
        {
            [GroupKey] public float CustomerId { get; init; }
            [Feature] public float Basket { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }
        """);

    [Fact]
    public Task Look_alike_float_numbers_indexes_codes_and_keys_are_measurements() => Verify("""
        [Dataset]
        public sealed partial record Flow
        {
            [Feature] public float ReynoldsNumber { get; init; }
            [Feature] public double BodyMassIndex { get; init; }
            [Feature] public float PriceIndex { get; init; }
            [Feature] public float OrderNumber { get; init; }
            [Feature] public float PatientIndex { get; init; }
            [Feature] public float StoreCode { get; init; }
            [Feature] public float Key { get; init; }
            [Feature] public float Index { get; init; }
            [Feature] public decimal ZipCode { get; init; }
            [Label] public float Drag { get; init; }
        }
        """);

    [Fact]
    public Task Look_alike_float_measurements_of_ids_and_words_ending_in_id_letters_are_silent() => Verify("""
        [Dataset]
        public sealed partial record Weather
        {
            [Feature] public float IdLengthMm { get; init; }
            [Feature] public float CustomerIdShare { get; init; }
            [Feature] public double Humid { get; init; }
            [Feature] public float Lipid { get; init; }
            [Feature] public float Fluid { get; init; }
            [Feature] public decimal Paid { get; init; }
            [Feature] public float Asin { get; init; }
            [Label] public float Rain { get; init; }
        }
        """);
}
