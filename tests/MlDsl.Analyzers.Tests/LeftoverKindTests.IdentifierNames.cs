using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Leftover kind 6b (MLDSL0021): a store (shop, outlet) has records of its own, a row per store and day, so its number is an
/// identifier (<c>int StoreNumber</c>, <c>ShopNo</c>, as <c>LotNumber</c>); <c>Msisdn</c> (a subscriber's number) was already
/// standard. A bare <c>Serial</c> is left as it was: set S's <c>LotSerial</c>, a copy of the group key, is reported once at the
/// copy, and a name rule would report it a second time on its declaration. Measurements named after them end in their own
/// word and stay silent (<c>StoreSize</c>, <c>SerialCorrelation</c>), as does a float store number (a measurement by the page).
/// </summary>
public sealed partial class LeftoverKindTests
{
    private static DiagnosticResult IdentifierAt(int location) => new DiagnosticResult("MLDSL0021", DiagnosticSeverity.Warning).WithLocation(location);

    private static Task VerifyIdentifiers(string source, params DiagnosticResult[] expected) =>
        LeakageVerifier<DatasetLeakageAnalyzer>.AnalyzerAsync("using System;\nusing MlDsl;\n\n" + source, expected);

    [Fact]
    public Task Store_numbers_and_serials_are_reported() => VerifyIdentifiers("""
        [Dataset]
        public sealed partial record StoreDay
        {
            [Feature] public int {|#0:StoreNumber|} { get; init; }
            [Feature] public int {|#1:ShopNo|} { get; init; }
            [Feature] public long {|#2:Msisdn|} { get; init; }
            [Feature] public float Promo { get; init; }
            [Label] public float Units { get; init; }
        }
        """, IdentifierAt(0), IdentifierAt(1), IdentifierAt(2));

    [Fact]
    public Task Store_size_serial_correlation_and_a_float_store_number_stay_silent() => VerifyIdentifiers("""
        [Dataset]
        public sealed partial record StoreDay
        {
            [Feature] public float StoreSize { get; init; }
            [Feature] public int StoreCount { get; init; }
            [Feature] public float SerialCorrelation { get; init; }
            [Feature] public float StoreNumber { get; init; }
            [Feature] public float Promo { get; init; }
            [Label] public float Units { get; init; }
        }
        """);
}
