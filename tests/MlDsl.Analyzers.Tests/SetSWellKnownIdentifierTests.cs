using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set S, kind 4 (MLDSL0021): standard identifiers of ships, aircraft, freight, energy supply points and oil wells (a
/// vessel's MMSI and IMO number, a flight's number, a container's number, a supply point's MPAN) name one thing that data
/// sets keep many rows about, with no identifier word; measurements and classes named after them (ImoClass, MeterReading,
/// LotSize, ApiGravity) end in their own word and stay silent.
/// </summary>
public sealed class SetSWellKnownIdentifierTests
{
    private const string Usings = "using System;\nusing MlDsl;\n\n";

    private static DiagnosticResult Identifier(int location) => new DiagnosticResult("MLDSL0021", DiagnosticSeverity.Warning).WithLocation(location);

    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        LeakageVerifier<DatasetLeakageAnalyzer>.AnalyzerAsync(Usings + source, expected);

    [Fact]
    public Task Ship_and_aircraft_identifiers_are_reported() => Verify("""
        [Dataset]
        public sealed partial record Movement
        {
            [Feature] public long {|#0:Mmsi|} { get; init; }
            [Feature] public int {|#1:ImoNumber|} { get; init; }
            [Feature] public float {|#2:IMO|} { get; init; }
            [Feature] public string {|#3:CallSign|} { get; init; } = "";
            [Feature] public string {|#4:Icao24|} { get; init; } = "";
            [Feature] public string {|#5:TailNumber|} { get; init; } = "";
            [Feature] public int {|#6:FlightNumber|} { get; init; }
            [Feature] public string {|#7:aircraft_registration|} { get; init; } = "";
            [Feature] public float SpeedKnots { get; init; }
            [Label] public float DelayHours { get; init; }
        }
        """, Identifier(0), Identifier(1), Identifier(2), Identifier(3), Identifier(4), Identifier(5), Identifier(6), Identifier(7));

    [Fact]
    public Task Freight_energy_and_well_identifiers_are_reported() => Verify("""
        [Dataset]
        public sealed partial record Reading
        {
            [Feature] public string {|#0:ContainerNumber|} { get; init; } = "";
            [Feature] public long {|#1:AwbNumber|} { get; init; }
            [Feature] public string {|#2:TrackingNo|} { get; init; } = "";
            [Feature] public long {|#3:Mpan|} { get; init; }
            [Feature] public long {|#4:MPRN|} { get; init; }
            [Feature] public float {|#5:MeterNumber|} { get; init; }
            [Feature] public long {|#6:ApiNumber|} { get; init; }
            [Feature] public string {|#7:Uwi|} { get; init; } = "";
            [Feature] public int {|#8:LotNumber|} { get; init; }
            [Feature] public float Kwh { get; init; }
            [Label] public float Loss { get; init; }
        }
        """, Identifier(0), Identifier(1), Identifier(2), Identifier(3), Identifier(4), Identifier(5), Identifier(6), Identifier(7), Identifier(8));

    [Fact]
    public Task Business_record_numbers_held_as_integers_or_text_are_reported() => Verify("""
        [Dataset]
        public sealed partial record Case
        {
            [Feature] public int {|#0:ClaimNumber|} { get; init; }
            [Feature] public int {|#1:InvoiceNo|} { get; init; }
            [Feature] public string {|#2:TicketNumber|} { get; init; } = "";
            [Feature] public int {|#3:EmployeeNumber|} { get; init; }
            [Feature] public int {|#4:StudentNumber|} { get; init; }
            [Feature] public long {|#5:MemberNumber|} { get; init; }
            [Feature] public long {|#6:NhsNumber|} { get; init; }
            [Feature] public int {|#7:PolicyNo|} { get; init; }
            [Feature] public float Amount { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }
        """, Identifier(0), Identifier(1), Identifier(2), Identifier(3), Identifier(4), Identifier(5), Identifier(6), Identifier(7));

    [Fact]
    public Task A_vessel_mmsi_kept_as_the_group_key_or_ignored_stays_silent() => Verify("""
        [Dataset]
        public sealed partial record PortVisit
        {
            [GroupKey] public long Mmsi { get; init; }
            [Ignore] public int ImoNumber { get; init; }
            [Feature] public float Draught { get; init; }
            [Label] public float DelayHours { get; init; }
        }
        """);

    [Fact]
    public Task Look_alike_measurements_classes_and_ordinals_named_after_identifiers_stay_silent() => Verify("""
        [Dataset]
        public sealed partial record Shipment
        {
            [Feature] public int ImoClass { get; init; }
            [Feature] public float TicketPrice { get; init; }
            [Feature] public float OrderTotal { get; init; }
            [Feature] public float MeterReading { get; init; }
            [Feature] public float LotSize { get; init; }
            [Feature] public float RainNo { get; init; }
            [Feature] public int RainNo2 { get; init; }
            [Feature] public float ApiGravity { get; init; }
            [Feature] public float CallDuration { get; init; }
            [Feature] public float FlightHours { get; init; }
            [Feature] public float OrderNumber { get; init; }
            [Feature] public int ContainerNumber { get; init; }
            [Feature] public string Icao { get; init; } = "";
            [Feature] public string Awb { get; init; } = "";
            [Feature] public int MeterCount { get; init; }
            [Label] public float Cost { get; init; }
        }
        """);
}
