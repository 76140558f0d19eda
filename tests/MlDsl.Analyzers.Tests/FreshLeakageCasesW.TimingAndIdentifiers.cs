namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set W, feature timing (MLDSL0029) and identifiers (MLDSL0021): a post-closure satisfaction survey steering a ticket's
/// priority through a switch in a FeatureEngineering helper, adverse events logged at a participant's exit visit added to
/// the features through <c>Zip</c> with a positional copy, a locomotive's serial number and a support case's reference
/// declared as features, an account number parsed into a feature (the "every column to numeric" notebook habit); beside
/// the survey kept in a [Slice] band, screening-visit values zipped from another file, a fire's incident number kept as
/// metadata beside fire-weather indices and a fuel type code, and a count of an account's earlier tickets computed from
/// its number.
/// </summary>
public sealed partial class FreshLeakageCasesW
{
    private const string SupportCase = """

        [Dataset]
        public sealed partial record SupportCase
        {
            [Feature] public float Priority { get; init; }
            [Feature] public float Replies { get; init; }
            [Feature] public float PriorTickets { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float SurveyScore { get; init; }
            [Slice] public string SurveyBand { get; init; } = "";
            [Label(Classes = 2)] public int Escalated { get; init; }
        }

        [Model(typeof(SupportCase))]
        public sealed partial class CaseNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        """;

    private const string TrialVisit = """

        [Dataset]
        public sealed partial record TrialVisit
        {
            [GroupKey] public string Site { get; init; } = "";
            [Feature] public float Age { get; init; }
            [Feature] public float AdverseEvents { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float ExitAdverseEvents { get; init; }
            [Label(Classes = 2)] public int DroppedOut { get; init; }
        }

        [Model(typeof(TrialVisit))]
        public sealed partial class VisitNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        """;

    [Fact]
    public Task Post_closure_survey_steering_priority_through_a_switch_in_a_helper_is_reported() => Expect(Declarations(SupportCase + """
        public static class FeatureEngineering
        {
            public static SupportCase Enrich(SupportCase c) => c with
            {
                {|#0:Priority = c.SurveyScore switch { < 3f => c.Priority + 1f, _ => c.Priority }|},
            };
        }

        public static class CaseStudy
        {
            public static void Run(string path)
            {
                List<SupportCase> cases = CsvFile.Read<SupportCase>(path).Select(FeatureEngineering.Enrich).ToList();
                var (train, validation, test) = cases.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new CaseNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0029");

    [Fact]
    public Task Post_closure_survey_banded_into_a_slice_through_a_switch_in_a_helper_stays_silent() => Expect(Declarations(SupportCase + """
        public static class FeatureEngineering
        {
            public static SupportCase Enrich(SupportCase c) => c with
            {
                SurveyBand = c.SurveyScore switch { < 3f => "unhappy", < 4f => "neutral", _ => "happy" },
            };
        }

        public static class CaseStudy
        {
            public static void Run(string path)
            {
                List<SupportCase> cases = CsvFile.Read<SupportCase>(path).Select(FeatureEngineering.Enrich).ToList();
                var (train, validation, test) = cases.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new CaseNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Exit_visit_adverse_events_zipped_back_onto_each_participant_are_reported() => Expect(Declarations(TrialVisit + """
        public static class DropoutStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<TrialVisit> visits = CsvFile.Read<TrialVisit>(path);
                float[] atExit = visits.Select(v => v.ExitAdverseEvents).ToArray();
                List<TrialVisit> enriched = visits.Zip(atExit, (v, exit) => v with { {|#0:AdverseEvents = v.AdverseEvents + exit|} }).ToList();
                var (train, validation, test) = enriched.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new VisitNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0029");

    [Fact]
    public Task Screening_visit_adverse_events_zipped_from_another_file_stay_silent() => Expect(Declarations(TrialVisit + """
        public static class DropoutStudy
        {
            public static void Run(string path, string screeningPath)
            {
                IReadOnlyList<TrialVisit> visits = CsvFile.Read<TrialVisit>(path);
                float[] atScreening = File.ReadLines(screeningPath).Skip(1).Select(line => float.Parse(line.Split(',')[1])).ToArray();
                List<TrialVisit> enriched = visits.Zip(atScreening, (v, screening) => v with { AdverseEvents = v.AdverseEvents + screening }).ToList();
                var (train, validation, test) = enriched.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new VisitNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Locomotive_serial_number_declared_as_a_feature_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Haul
        {
            [Timestamp] public DateTime Departure { get; init; }
            [Feature] public float Cars { get; init; }
            [Feature] public float GradePercent { get; init; }
            [Feature] public float {|#0:LocomotiveSerialNo|} { get; init; }
            [Label] public float DelayMinutes { get; init; }
        }
        """), "MLDSL0021");

    [Fact]
    public Task Support_case_reference_declared_as_a_feature_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record HelpdeskCase
        {
            [Feature] public int {|#0:CaseRef|} { get; init; }
            [Feature] public float Replies { get; init; }
            [Feature] public float Priority { get; init; }
            [Label(Classes = 2)] public int Escalated { get; init; }
        }
        """), "MLDSL0021");

    [Fact]
    public Task Account_number_parsed_into_a_feature_is_reported() => Expect(Declarations(SupportCase + """
        public sealed record ExportedCase(string AccountNo, float Priority, float Replies, int Escalated);

        public static class CaseStudy
        {
            public static void Run(IReadOnlyList<ExportedCase> export)
            {
                List<SupportCase> cases = export.Select(e => new SupportCase
                {
                    Priority = e.Priority,
                    Replies = e.Replies,
                    PriorTickets = {|#0:float.Parse(e.AccountNo)|},
                    Escalated = e.Escalated,
                }).ToList();
                var (train, validation, test) = cases.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new CaseNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0021");

    [Fact]
    public Task Count_of_an_accounts_earlier_tickets_computed_from_its_number_stays_silent() => Expect(Declarations(SupportCase + """
        public sealed record ExportedCase(string AccountNo, DateTime Opened, float Priority, float Replies, int Escalated);

        public static class CaseStudy
        {
            public static void Run(IReadOnlyList<ExportedCase> export)
            {
                var seen = new Dictionary<string, int>();
                var cases = new List<SupportCase>();
                foreach (ExportedCase e in export.OrderBy(e => e.Opened))
                {
                    int earlier = seen.GetValueOrDefault(e.AccountNo);
                    cases.Add(new SupportCase { Priority = e.Priority, Replies = e.Replies, PriorTickets = earlier, Escalated = e.Escalated });
                    seen[e.AccountNo] = earlier + 1;
                }
                var (train, validation, test) = cases.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new CaseNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Incident_number_kept_as_metadata_beside_fire_weather_indices_and_a_fuel_type_code_stays_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record FirePerimeterCell
        {
            [GroupKey] public string Fire { get; init; } = "";
            [Ignore] public string IncidentNumber { get; init; } = "";
            [Slice] public string Agency { get; init; } = "";
            [Feature] public float BuildupIndex { get; init; }
            [Feature] public float InitialSpreadIndex { get; init; }
            [Feature] public int FuelTypeCode { get; init; }
            [Label(Classes = 2)] public int Burned { get; init; }
        }
        """));
}
