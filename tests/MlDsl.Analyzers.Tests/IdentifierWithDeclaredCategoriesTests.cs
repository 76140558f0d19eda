using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// MLDSL0021 on <c>…Id</c> members with declared <c>[Categories]</c>: after a noun that classifies or has no records of its
/// own (an admission type, a discharge disposition, a payment method) the id is a code of a closed set of kinds, a
/// category; after an entity (a customer, a patient, a transaction), or the row itself, it still identifies.
/// </summary>
public sealed class IdentifierWithDeclaredCategoriesTests
{
    private const string Usings = "using System;\nusing MlDsl;\n\n";

    private static DiagnosticResult Identifier(int location) => new DiagnosticResult("MLDSL0021", DiagnosticSeverity.Warning).WithLocation(location);

    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        LeakageVerifier<DatasetLeakageAnalyzer>.AnalyzerAsync(Usings + source, expected);

    [Fact]
    public Task Entity_and_row_ids_with_declared_categories_are_still_reported() => Verify("""
        [Dataset]
        public sealed partial record Visit
        {
            [Feature, Categories("c1", "c2", "c3")] public string {|#0:CustomerId|} { get; init; } = "";
            [Feature, Categories("t1", "t2")] public string {|#1:TransactionId|} { get; init; } = "";
            [Feature, Categories("p1", "p2")] public string {|#2:PatientId|} { get; init; } = "";
            [Feature, Categories("r1", "r2")] public string {|#3:RecordId|} { get; init; } = "";
            [Feature, Categories("a", "b")] public string {|#4:Id|} { get; init; } = "";
            [Feature] public float Spend { get; init; }
            [Label(Classes = 2)] public int Returned { get; init; }
        }
        """, Identifier(0), Identifier(1), Identifier(2), Identifier(3), Identifier(4));

    [Fact]
    public Task Ids_of_classifying_nouns_without_declared_categories_are_still_reported() => Verify("""
        [Dataset]
        public sealed partial record Encounter
        {
            [Feature] public int {|#0:AdmissionTypeId|} { get; init; }
            [Feature] public float TimeInHospital { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }
        """, Identifier(0));

    [Fact]
    public Task Look_alike_category_codes_ending_in_id_with_declared_categories_are_silent() => Verify("""
        [Dataset]
        public sealed partial record Encounter
        {
            [Feature, Column("admission_type_id"), Categories("1", "2", "3", "4", "5", "6", "7", "8")] public string AdmissionTypeId { get; init; } = "";
            [Feature, Column("discharge_disposition_id"), Categories("1", "2", "3")] public string DischargeDispositionId { get; init; } = "";
            [Feature, Column("admission_source_id"), Categories("1", "7", "17")] public string AdmissionSourceId { get; init; } = "";
            [Feature, Categories("card", "cash", "wire")] public string PaymentMethodId { get; init; } = "";
            [Feature, Categories("sedan", "suv", "van")] public string BodyStyleId { get; init; } = "";
            [Feature, Categories("A", "B", "C")] public string RiskLevelId { get; init; } = "";
            [Feature, Categories("1", "2")] public string GenreUuid { get; init; } = "";
            [Feature] public float TimeInHospital { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }
        """);
}
