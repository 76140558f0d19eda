using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixold's kind (issue 15, "Identifiers"): an integer or text feature whose name ends in a word things are looked up by
/// (Code, Key, Ref) after a noun naming a thing identifies that thing, whatever the noun: a school, a herd, a hospital ward's
/// bed... Rows about one such thing share it, so it is a group key (MLDSL0021, with the [GroupKey] fix). Look-alikes stay
/// silent: codes of a category or a place (a status, a zip area, a currency), a measurement of a code (its last word is the
/// measure), a code kept as a float, declared categories, and counting or ordering words after nouns with no records of their own.
/// </summary>
public sealed class IdentifierLookupCodesTests
{
    private const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing MlDsl;\n\n";

    private static DiagnosticResult Warning(int location) => new DiagnosticResult("MLDSL0021", DiagnosticSeverity.Warning).WithLocation(location);

    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        LeakageVerifier<DatasetLeakageAnalyzer>.AnalyzerAsync(Usings + source, expected);

    [Fact]
    public Task Codes_keys_and_refs_of_things_of_any_name_are_group_keys() => Verify("""
        [Dataset]
        public sealed partial record Survey
        {
            [Feature] public int {|#0:SchoolCode|} { get; init; }
            [Feature] public long {|#1:HerdKey|} { get; init; }
            [Feature] public string {|#2:FarmRef|} { get; init; } = "";
            [Feature, Column("clinic_code")] public int {|#3:Clinic|} { get; init; }
            [Feature] public int {|#4:RespondentHouseholdReference|} { get; init; }
            [Feature] public float Yield { get; init; }
            [Label(Classes = 2)] public int Outbreak { get; init; }
        }
        """, Warning(0), Warning(1), Warning(2), Warning(3), Warning(4));

    // The fix: the key marked as such (and split by group), or ignored.
    [Fact]
    public Task A_school_code_marked_as_the_group_key_or_ignored_is_silent() => Verify("""
        [Dataset]
        public sealed partial record Survey
        {
            [GroupKey] public int SchoolCode { get; init; }
            [Ignore] public long HerdKey { get; init; }
            [Feature] public float Yield { get; init; }
            [Label(Classes = 2)] public int Outbreak { get; init; }
        }
        """);

    [Fact]
    public Task Look_alike_codes_of_categories_and_places_are_silent() => Verify("""
        [Dataset]
        public sealed partial record Visit
        {
            [Feature] public int StatusCode { get; init; }
            [Feature] public int ErrorCode { get; init; }
            [Feature] public int PostalCode { get; init; }
            [Feature] public string CountryCode { get; init; } = "";
            [Feature] public string CurrencyCode { get; init; } = "";
            [Feature] public int HomeZipCode { get; init; }
            [Feature] public int SortKey { get; init; }
            [Feature, Categories("A", "B", "C")] public string WardCode { get; init; } = "";
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }
        """);

    [Fact]
    public Task Look_alike_measurements_of_codes_floats_and_numbers_of_unknown_things_are_silent() => Verify("""
        [Dataset]
        public sealed partial record Trip
        {
            [Feature] public int ZipCodeDistance { get; init; }
            [Feature] public int CodeLength { get; init; }
            [Feature] public int IdleTime { get; init; }
            [Feature] public int Identity { get; init; }
            [Feature] public float SchoolCode { get; init; }
            [Feature] public int LapNumber { get; init; }
            [Feature] public int GearIndex { get; init; }
            [Feature] public int Key { get; init; }
            [Feature] public int A1Code { get; init; }
            [Label] public float Fare { get; init; }
        }
        """);
}
