using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// A feature declared as a field (<c>[Feature] public float customer_id;</c>, as rows mapped from CSV columns are often
/// written; [Feature] allows fields) is judged by its declaration as a property is: an identifier or the group key as a
/// feature (MLDSL0021), a value declared known only with or after the label (MLDSL0029).
/// </summary>
public sealed class FieldFeatureDeclarationTests
{
    private const string Usings = "using System;\nusing MlDsl;\n\n";

    private static DiagnosticResult Identifier(int location) => new DiagnosticResult("MLDSL0021", DiagnosticSeverity.Warning).WithLocation(location);

    private static DiagnosticResult KnownLate(int location) => new DiagnosticResult("MLDSL0029", DiagnosticSeverity.Error).WithLocation(location);

    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        LeakageVerifier<DatasetLeakageAnalyzer>.AnalyzerAsync(Usings + source, expected);

    [Fact]
    public Task Identifier_fields_are_reported() => Verify("""
        [Dataset]
        public sealed partial record Visit
        {
            [Feature] public float {|#0:customer_id|};
            [Feature] public int {|#1:PatientNumber|}, {|#2:device_imei|};
            [Feature] public float page_views;
            [Label(Classes = 2)] public int purchased;
        }
        """, Identifier(0), Identifier(1), Identifier(2));

    [Fact]
    public Task Group_key_field_also_used_as_a_feature_is_reported() => Verify("""
        [Dataset]
        public sealed partial record Reading
        {
            [Feature, GroupKey] public int {|#0:pump|};
            [Feature] public float pressure;
            [Label(Classes = 2)] public int failed;
        }
        """, Identifier(0).WithMessage(
            "Feature 'pump' is also the [GroupKey]: the model learns which group a row belongs to, not what it shows, and cannot generalise to new groups; drop [Feature]"));

    [Fact]
    public Task Field_declared_known_after_the_label_is_reported() => Verify("""
        [Dataset]
        public sealed partial record Loan
        {
            [Feature] public float income;
            [Feature, KnownAt(FeatureTiming.AfterLabel)] public float {|#0:recoveries|};
            [Label(Classes = 2)] public int charged_off;
        }
        """, KnownLate(0));

    // The fixes and look-alikes: the key as [GroupKey] only, a late value kept as [Ignore], counts and measures as fields.
    [Fact]
    public Task Fixed_and_look_alike_fields_are_silent() => Verify("""
        [Dataset]
        public sealed partial record Visit
        {
            [GroupKey] public int customer_id;
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float refund;
            [Feature] public float number_of_rooms, body_mass_index, seconds_on_site;
            [Feature] public float distinct_cell_ids;
            [Label(Classes = 2)] public int purchased;
        }
        """);

    // A field of a class that is no [Dataset] row is nobody's feature.
    [Fact]
    public Task Identifier_field_outside_a_dataset_is_silent() => Verify("""
        public sealed class Export
        {
            [Feature] public float customer_id;
        }
        """);
}
