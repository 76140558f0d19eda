using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// MLDSL0021 for an identifier copied into a feature slot outside the row type: a projection or a helper that fills a
/// [Feature] with the row's [GroupKey] or with an identifier member (directly, converted, parsed or as text) makes that
/// feature an id as surely as declaring the id a feature. Values computed from an id (a count of its rows, its history)
/// and copies into metadata, the group key or the label stay silent.
/// </summary>
public sealed class IdentifierCopiedIntoFeatureTests
{
    private const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing MlDsl;\n\n";

    private const string Rows = """

        [Dataset]
        public sealed partial record Impression
        {
            [GroupKey] public int User { get; init; }
            [Feature] public float Position { get; init; }
            [Feature] public float DeviceType { get; init; }
            [Feature] public float UserClicks { get; init; }
            [Slice] public string Segment { get; init; } = "";
            [Label(Classes = 2)] public int Clicked { get; init; }
        }

        public sealed class RawVisit
        {
            public string PatientId { get; set; } = "";
            public int WardNumber { get; set; }
            public float Temperature { get; set; }
            public int Readmitted { get; set; }
        }

        [Dataset]
        public sealed partial record Visit
        {
            [Feature] public float Clinic { get; init; }
            [Feature] public float Temperature { get; init; }
            [Ignore] public string Patient { get; init; } = "";
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }
        """;

    private static DiagnosticResult Identifier(int location) => new DiagnosticResult("MLDSL0021", DiagnosticSeverity.Warning).WithLocation(location);

    private static Task Verify(string source, params DiagnosticResult[] expected) =>
        LeakageVerifier<DatasetLeakageAnalyzer>.AnalyzerAsync(Usings + source + Rows, expected);

    [Fact]
    public Task Group_key_copied_into_a_feature_by_a_with_projection_is_reported_on_the_copy() => Verify("""
        public static class Clicks
        {
            public static List<Impression> Keyed(IEnumerable<Impression> rows) =>
                rows.Select(i => i with { DeviceType = {|#0:i.User|} }).ToList();
        }
        """, Identifier(0).WithMessage(
            "Feature 'DeviceType' of Impression is a copy of 'User', the rows' [GroupKey]: the model learns which group a row belongs to, not what it shows, and cannot generalise to new groups; fill the feature from a measurement, and keep the id as [GroupKey] (split with SplitKind.Grouped) or [Ignore]"));

    [Fact]
    public Task An_identifier_of_raw_records_copied_converted_or_parsed_into_a_feature_is_reported() => Verify("""
        public static class Visits
        {
            public static Visit Parsed(RawVisit raw) => new Visit
            {
                Clinic = {|#0:float.Parse(raw.PatientId)|},
                Temperature = raw.Temperature,
                Readmitted = raw.Readmitted,
            };

            public static Visit Converted(RawVisit raw) => new Visit
            {
                Clinic = {|#1:Convert.ToSingle(raw.PatientId)|},
                Temperature = raw.Temperature,
                Readmitted = raw.Readmitted,
            };

            public static Impression Cast(Impression row) => row with { UserClicks = {|#2:(float)row.User|} };
        }
        """, Identifier(0), Identifier(1), Identifier(2));

    [Fact]
    public Task Fix_measurements_in_feature_slots_and_the_id_kept_as_metadata_are_silent() => Verify("""
        public static class Visits
        {
            public static Visit Parsed(RawVisit raw) => new Visit
            {
                Clinic = raw.WardNumber,
                Temperature = raw.Temperature,
                Patient = raw.PatientId,
                Readmitted = raw.Readmitted,
            };

            public static Impression Segmented(Impression row) => row with { Segment = row.User.ToString() };
        }
        """);

    [Fact]
    public Task Values_computed_from_an_id_are_not_copies_and_stay_silent() => Verify("""
        public static class Clicks
        {
            public static List<Impression> WithHistory(List<Impression> rows)
            {
                Dictionary<int, int> shown = rows.GroupBy(i => i.User).ToDictionary(g => g.Key, g => g.Count());
                return rows.Select(i => i with { UserClicks = shown[i.User], Position = i.Position + 1 }).ToList();
            }
        }
        """);

    [Fact]
    public Task A_feature_copied_from_another_feature_or_itself_is_silent() => Verify("""
        public static class Clicks
        {
            public static Impression Copy(Impression row) => row with { DeviceType = row.DeviceType, UserClicks = row.Position };
        }
        """);
}
