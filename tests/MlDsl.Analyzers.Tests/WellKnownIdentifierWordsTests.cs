using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;
using MlDsl.CodeFixes;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// MLDSL0021 on standard identifiers named without an identifier word (a phone's IMEI, a car's VIN, a book's ISBN): each
/// names one thing with many rows, so it is a group key; a measurement of one, whose last word is the measure, is not.
/// </summary>
public sealed class WellKnownIdentifierWordsTests
{
    private const string Usings = "using System;\nusing MlDsl;\n\n";

    private static DiagnosticResult Identifier(int location) => new DiagnosticResult("MLDSL0021", DiagnosticSeverity.Warning).WithLocation(location);

    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        LeakageVerifier<DatasetLeakageAnalyzer>.AnalyzerAsync(Usings + source, expected);

    [Fact]
    public Task Telecom_handset_and_subscriber_identifiers_are_reported_in_any_spelling() => Verify("""
        [Dataset]
        public sealed partial record HandsetDay
        {
            [Feature] public long {|#0:Imei|} { get; init; }
            [Feature] public long {|#1:IMSI|} { get; init; }
            [Feature] public long {|#2:device_imei|} { get; init; }
            [Feature, Column("msisdn")] public long {|#3:Subscriber|} { get; init; }
            [Feature] public string {|#4:Iccid|} { get; init; } = "";
            [Feature] public long {|#5:ImeiNumber|} { get; init; }
            [Feature] public long {|#6:PhoneNumber|} { get; init; }
            [Feature] public float DroppedCalls { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }
        """, Identifier(0).WithMessage(
            "Feature 'Imei' looks like an identifier: if it repeats across rows (a patient, a customer, a device) it is a group key — mark it [GroupKey] and split with SplitKind.Grouped so no group is on both sides; if it is unique per row, mark it [Ignore]; as a feature it only lets the model memorise"),
        Identifier(1), Identifier(2), Identifier(3), Identifier(4), Identifier(5), Identifier(6));

    [Fact]
    public Task Vehicle_book_product_and_bank_identifiers_held_as_text_are_reported() => Verify("""
        [Dataset]
        public sealed partial record Listing
        {
            [Feature] public string {|#0:Vin|} { get; init; } = "";
            [Feature] public string {|#1:LicensePlate|} { get; init; } = "";
            [Feature] public string {|#2:Isbn|} { get; init; } = "";
            [Feature] public string {|#3:ASIN|} { get; init; } = "";
            [Feature] public string {|#4:Iban|} { get; init; } = "";
            [Feature] public string {|#5:CustomerEmail|} { get; init; } = "";
            [Feature] public long {|#6:Upc|} { get; init; }
            [Feature] public int {|#7:Sku|} { get; init; }
            [Feature] public float Price { get; init; }
            [Label(Classes = 2)] public int Returned { get; init; }
        }
        """, Identifier(0), Identifier(1), Identifier(2), Identifier(3), Identifier(4), Identifier(5), Identifier(6), Identifier(7));

    [Fact]
    public Task Hospital_and_person_identifiers_are_reported() => Verify("""
        [Dataset]
        public sealed partial record Claim
        {
            [Feature] public long {|#0:Mrn|} { get; init; }
            [Feature] public long {|#1:ProviderNpi|} { get; init; }
            [Feature] public int {|#2:SSN|} { get; init; }
            [Feature] public long {|#3:MedicalRecordNumber|} { get; init; }
            [Feature, Column("serial_number")] public long {|#4:Pump|} { get; init; }
            [Feature] public float Amount { get; init; }
            [Label(Classes = 2)] public int Denied { get; init; }
        }
        """, Identifier(0), Identifier(1), Identifier(2), Identifier(3), Identifier(4));

    [Fact]
    public Task A_well_known_identifier_with_declared_categories_is_still_reported() => Verify("""
        [Dataset]
        public sealed partial record Handset
        {
            [Feature, Categories("356938035643809", "490154203237518")] public string {|#0:Imei|} { get; init; } = "";
            [Feature] public float DataMegabytes { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }
        """, Identifier(0));

    [Fact]
    public Task An_imei_becomes_a_group_key() => LeakageVerifier<DatasetLeakageAnalyzer>.CodeFixAsync<MarkGroupKeyCodeFix>("""
        using MlDsl;

        [Dataset]
        public sealed partial record DeviceDay
        {
            [Feature] public long {|MLDSL0021:Imei|} { get; init; }
            [Feature] public float DroppedCalls { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }
        """, """
        using MlDsl;

        [Dataset]
        public sealed partial record DeviceDay
        {
            [GroupKey] public long Imei { get; init; }
            [Feature] public float DroppedCalls { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }
        """);

    [Fact]
    public Task Look_alike_measurements_of_identifiers_are_silent() => Verify("""
        [Dataset]
        public sealed partial record DeviceCheck
        {
            [Feature] public int ImeiLength { get; init; }
            [Feature] public int VinCheckDigitCount { get; init; }
            [Feature] public int EmailDomainLength { get; init; }
            [Feature] public int IsbnPrefix { get; init; }
            [Feature] public int PhoneNumberDigits { get; init; }
            [Feature] public float SkuShare { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }
        """);

    [Fact]
    public Task Look_alike_numbers_named_like_text_only_identifiers_and_words_containing_their_letters_are_silent() => Verify("""
        [Dataset]
        public sealed partial record Signal
        {
            [Feature] public float Asin { get; init; }
            [Feature] public int Email { get; init; }
            [Feature] public int Vin { get; init; }
            [Feature] public int Tin { get; init; }
            [Feature] public int Mac { get; init; }
            [Feature] public float Protein { get; init; }
            [Feature] public float Mean { get; init; }
            [Feature] public int Ocean { get; init; }
            [Feature] public int HomeAddress { get; init; }
            [Label(Classes = 2)] public int Positive { get; init; }
        }
        """);
}
