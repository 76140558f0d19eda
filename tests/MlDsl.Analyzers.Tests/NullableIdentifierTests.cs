using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// MLDSL0021 on identifiers declared nullable (an optional id, pandas' nullable integer column read with its gaps):
/// <c>Nullable&lt;T&gt;</c> is judged as <c>T</c>, so <c>int? CustomerId</c> identifies like <c>int CustomerId</c>, and a
/// nullable measurement stays a measurement.
/// </summary>
public sealed class NullableIdentifierTests
{
    private const string Usings = "using System;\nusing MlDsl;\n\n";

    private static DiagnosticResult Identifier(int location) => new DiagnosticResult("MLDSL0021", DiagnosticSeverity.Warning).WithLocation(location);

    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        LeakageVerifier<DatasetLeakageAnalyzer>.AnalyzerAsync(Usings + source, expected);

    [Fact]
    public Task Nullable_retail_identifiers_are_reported_as_group_keys() => Verify("""
        [Dataset]
        public sealed partial record Purchase
        {
            [Feature] public int? {|#0:CustomerId|} { get; init; }
            [Feature] public long? {|#1:OrderNumber|} { get; init; }
            [Feature] public Nullable<int> {|#2:StoreCode|} { get; init; }
            [Feature] public float Basket { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }
        """, Identifier(0).WithMessage(
            "Feature 'CustomerId' looks like an identifier: if it repeats across rows (a patient, a customer, a device) it is a group key — mark it [GroupKey] and split with SplitKind.Grouped so no group is on both sides; if it is unique per row, mark it [Ignore]; as a feature it only lets the model memorise"),
        Identifier(1), Identifier(2));

    [Fact]
    public Task Nullable_telecom_and_session_identifiers_are_reported() => Verify("""
        [Dataset]
        public sealed partial record Usage
        {
            [Feature] public long? {|#0:Imei|} { get; init; }
            [Feature] public Guid? {|#1:SessionGuid|} { get; init; }
            [Feature] public Guid? {|#2:Handset|} { get; init; }
            [Feature] public string? {|#3:Msisdn|} { get; init; }
            [Feature] public float MinutesUsed { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }
        """, Identifier(0), Identifier(1), Identifier(2), Identifier(3));

    [Fact]
    public Task Nullable_hospital_identifiers_typed_as_float_are_reported_by_words_that_cannot_measure() => Verify("""
        [Dataset]
        public sealed partial record Admission
        {
            [Feature] public float? {|#0:PatientId|} { get; init; }
            [Feature] public double? {|#1:Mrn|} { get; init; }
            [Feature] public int? {|#2:RowNumber|} { get; init; }
            [Feature] public float? LengthOfStay { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }
        """, Identifier(0), Identifier(1), Identifier(2).WithMessage(
            "Feature 'RowNumber' numbers the rows (a row number or a written-out DataFrame index): it is unique per row, so the model can only memorise it or learn the order the rows were recorded in; mark it [Ignore]"));

    [Fact]
    public Task A_nullable_identifier_read_from_an_id_column_is_reported() => Verify("""
        [Dataset]
        public sealed partial record Claim
        {
            [Feature, Column("member_id")] public int? {|#0:Member|} { get; init; }
            [Feature] public float Amount { get; init; }
            [Label(Classes = 2)] public int Denied { get; init; }
        }
        """, Identifier(0));

    [Fact]
    public Task Fix_nullable_identifiers_marked_group_key_or_ignore_are_silent() => Verify("""
        [Dataset]
        public sealed partial record Admission
        {
            [GroupKey] public int? PatientId { get; init; }
            [Ignore] public long? Imei { get; init; }
            [Ignore] public Guid? SessionGuid { get; init; }
            [Feature] public float? LengthOfStay { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }
        """);

    [Fact]
    public Task Look_alike_nullable_counts_quantities_and_ordinals_are_silent() => Verify("""
        [Dataset]
        public sealed partial record House
        {
            [Feature] public int? NumberOfRooms { get; init; }
            [Feature] public float? BodyMassIndex { get; init; }
            [Feature] public double? PriceIndex { get; init; }
            [Feature] public int? WeekNumber { get; init; }
            [Feature] public int? RoomNumber { get; init; }
            [Feature] public float? ReynoldsNumber { get; init; }
            [Feature] public bool? HasId { get; init; }
            [Feature] public DateTime? ListedOn { get; init; }
            [Label] public float Price { get; init; }
        }
        """);
}
