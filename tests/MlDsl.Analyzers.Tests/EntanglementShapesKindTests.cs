using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// The label reaches a feature through a container as surely as through a read off the row (leakage issue #15, set R):
/// the pairs a two-source Zip yields (<c>legs.Zip(legs.Skip(1))</c>: <c>Second</c> is the next leg), a table of the answers
/// filed under a tuple of the row's members (<c>(r.Tail, r.Departure)</c>), and a positional copy of the rows' late values
/// (<c>upgrades[i]</c>) read for row <c>i</c>, or a table of them filled by hand or under a tuple key (MLDSL0029). Beside each leak its fix and the look-alikes that read another
/// row, another key or a value known before the label, and stay silent.
/// </summary>
public sealed class EntanglementShapesKindTests
{
    private const string Rows = """

        [Dataset]
        public sealed partial record Leg
        {
            [Timestamp] public DateTime Departure { get; init; }
            [Feature] public float Distance { get; init; }
            [Feature] public float TaxiOut { get; init; }
            [Feature] public float InboundDelay { get; init; }
            [Label] public float ArrivalDelay { get; init; }
        }

        [Dataset]
        public sealed partial record Stay
        {
            [Ignore] public string Reference { get; init; } = "";
            [Ignore] public string PreviousReference { get; init; } = "";
            [Feature] public float LeadTime { get; init; }
            [Feature] public float DailyRate { get; init; }
            [Ignore, KnownAt(FeatureTiming.BeforeLabel)] public float PreviousStays { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float RoomUpgrade { get; init; }
            [Label(Classes = 2)] public int Cancelled { get; init; }
        }

        /// <summary>One leg as the on-time file lists it; PreviousArrival is when the aircraft's inbound leg landed.</summary>
        public sealed record RawLeg(string Tail, DateTime Departure, DateTime PreviousArrival, float Distance, float TaxiOut, float ArrivalDelay);

        public sealed record HourCount(DateTime Hour, float Temperature, float Count);

        [Dataset]
        public sealed partial record Hour
        {
            [Timestamp] public DateTime At { get; init; }
            [Feature] public float Temperature { get; init; }
            [Feature] public float CountLag24 { get; init; }
            [Label] public float Count { get; init; }
        }

        """;

    private static string Program(string code) => LeakageSources.AllUsings + code + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    private static string Pairs(string projection) => Program($$"""
        public static class Delays
        {
            public static List<Leg> From(IEnumerable<Leg> file)
            {
                List<Leg> legs = file.OrderBy(l => l.Departure).ToList();
                return legs.Zip(legs.Skip(1)){{projection}}.ToList();
            }
        }
        """);

    [Fact]
    public Task Next_leg_read_through_the_pair_of_a_two_source_zip_is_reported_on_the_read() =>
        Expect(Pairs(".Select(pair => pair.Item1 with { InboundDelay = {|#0:pair.Item2.ArrivalDelay|} })"), "MLDSL0017");

    [Fact]
    public Task Next_leg_read_through_a_filtered_pair_of_a_two_source_zip_is_reported_on_the_read() =>
        Expect(Pairs(".Where(pair => pair.First.Distance > 0f).Select(pair => pair.First with { InboundDelay = {|#0:pair.Second.ArrivalDelay|} })"), "MLDSL0017");

    /// <summary>The row made is the pair's second leg: its first is the leg before, a lag known at prediction time.</summary>
    [Fact]
    public Task Previous_leg_read_through_the_pair_of_a_two_source_zip_stays_silent() =>
        Expect(Pairs(".Select(pair => pair.Second with { InboundDelay = pair.First.ArrivalDelay })"));

    [Fact]
    public Task Next_legs_input_read_through_the_pair_of_a_two_source_zip_stays_silent() =>
        Expect(Pairs(".Select(pair => pair.First with { InboundDelay = pair.Second.TaxiOut })"));

    /// <summary>As in the result-selector form: the row also takes its label from the value read ahead, so the assignment is reported.</summary>
    [Fact]
    public Task New_leg_labelled_from_the_first_of_the_pair_beside_the_seconds_label_is_reported_on_the_assignment() => Expect(Pairs("""
        .Select(pair => new Leg
        {
            Departure = pair.First.Departure,
            Distance = pair.First.Distance,
            TaxiOut = pair.First.TaxiOut,
            {|#0:InboundDelay = pair.Second.ArrivalDelay|},
            ArrivalDelay = pair.First.ArrivalDelay,
        })
        """), "MLDSL0017");

    [Fact]
    public Task Zip_of_two_different_collections_read_through_the_pair_stays_silent() => Expect(Program("""
        public static class Delays
        {
            public static List<Leg> From(IEnumerable<Leg> file, List<Leg> yesterday)
            {
                List<Leg> legs = file.OrderBy(l => l.Departure).ToList();
                return legs.Zip(yesterday).Select(pair => pair.First with { InboundDelay = pair.Second.ArrivalDelay }).ToList();
            }
        }
        """));

    private static string Table(string table, string lookup) => Program($$"""
        public static class DelayRows
        {
            public static List<Leg> From(List<RawLeg> raw)
            {
        {{table}}
                return raw.Select(r => new Leg
                {
                    Departure = r.Departure,
                    Distance = r.Distance,
                    TaxiOut = r.TaxiOut,
                    InboundDelay = {{lookup}},
                    ArrivalDelay = r.ArrivalDelay,
                }).ToList();
            }
        }
        """);

    private const string ByLeg = "var byLeg = raw.ToDictionary(r => (r.Tail, r.Departure), r => r.ArrivalDelay);";

    private const string FilledByLeg = """
                var byLeg = new Dictionary<(string, DateTime), float>();
                foreach (RawLeg leg in raw) byLeg[(leg.Tail, leg.Departure)] = leg.ArrivalDelay;
        """;

    [Fact]
    public Task Answer_filed_under_a_tuple_key_and_read_under_the_rows_own_tuple_is_reported_on_the_key() =>
        Expect(Table(ByLeg, "byLeg.GetValueOrDefault({|#0:(r.Tail, r.Departure)|})"), "MLDSL0017");

    [Fact]
    public Task Answer_filed_by_hand_under_a_tuple_key_and_read_under_the_rows_own_tuple_is_reported_on_the_key() =>
        Expect(Table(FilledByLeg, "byLeg[{|#0:(r.Tail, r.Departure)|}]"), "MLDSL0017");

    [Fact]
    public Task Answer_filed_under_a_tuple_key_and_read_under_a_later_departure_is_reported_on_the_key() =>
        Expect(Table(ByLeg, "byLeg[{|#0:(r.Tail, r.Departure.AddHours(2))|}]"), "MLDSL0017");

    /// <summary>The aircraft's inbound leg: filed under its own departure, found under this leg's previous arrival is another leg.</summary>
    [Fact]
    public Task Answer_filed_under_a_tuple_key_and_read_under_the_inbound_legs_key_stays_silent() =>
        Expect(Table(ByLeg, "byLeg.GetValueOrDefault((r.Tail, r.PreviousArrival))"));

    [Fact]
    public Task Answer_filed_under_a_tuple_key_and_read_under_an_earlier_departure_stays_silent() =>
        Expect(Table(ByLeg, "byLeg.GetValueOrDefault((r.Tail, r.Departure.AddDays(-1)))"));

    [Fact]
    public Task Input_filed_under_a_tuple_key_and_read_under_the_rows_own_tuple_stays_silent() =>
        Expect(Table("var byLeg = raw.ToDictionary(r => (r.Tail, r.Departure), r => r.TaxiOut);", "byLeg[(r.Tail, r.Departure)]"));

    private static string Copies(string copy, string build) => Program($$"""
        public static class Stays
        {
            public static List<Stay> From(IReadOnlyList<Stay> stays)
            {
                {{copy}}
                {{build}}
            }
        }
        """);

    [Fact]
    public Task Late_value_copied_into_a_list_and_read_at_the_rows_own_position_in_a_loop_is_reported_on_the_assignment() => Expect(Copies(
        "List<float> upgrades = stays.Select(s => s.RoomUpgrade * 2f).ToList();",
        """
        var rows = new List<Stay>();
                for (int i = 0; i < stays.Count; i++) rows.Add(stays[i] with { {|#0:DailyRate = stays[i].DailyRate + upgrades[i]|} });
                return rows;
        """), "MLDSL0029");

    [Fact]
    public Task Late_value_copied_into_an_array_and_read_at_the_rows_own_position_is_reported_on_the_assignment() => Expect(Copies(
        "float[] upgrades = stays.Select(s => s.RoomUpgrade).ToArray();",
        "return stays.Select((s, i) => s with { {|#0:LeadTime = upgrades[i]|} }).ToList();"), "MLDSL0029");

    [Fact]
    public Task Value_known_before_the_label_copied_into_an_array_and_read_at_the_rows_own_position_stays_silent() => Expect(Copies(
        "float[] history = stays.Select(s => s.PreviousStays).ToArray();",
        "return stays.Select((s, i) => s with { DailyRate = s.DailyRate + history[i] }).ToList();"));

    [Fact]
    public Task Late_value_of_the_previous_row_read_from_a_positional_copy_stays_silent() => Expect(Copies(
        "float[] upgrades = stays.Select(s => s.RoomUpgrade).ToArray();",
        "return stays.Select((s, i) => i == 0 ? s : s with { DailyRate = s.DailyRate + upgrades[i - 1] }).ToList();"));

    [Fact]
    public Task Late_value_copied_from_another_collection_and_read_at_the_same_position_stays_silent() => Expect(Program("""
        public static class Stays
        {
            public static List<Stay> From(IReadOnlyList<Stay> stays, IReadOnlyList<Stay> lastYear)
            {
                float[] upgrades = lastYear.Select(s => s.RoomUpgrade).ToArray();
                return stays.Select((s, i) => s with { DailyRate = s.DailyRate + upgrades[i] }).ToList();
            }
        }
        """));

    [Fact]
    public Task Late_value_filed_by_hand_in_a_loop_and_looked_up_under_the_rows_own_key_is_reported_on_the_lookup() => Expect(Copies(
        """
        var upgrades = new Dictionary<string, float>();
                foreach (Stay stay in stays) upgrades[stay.Reference] = stay.RoomUpgrade;
        """,
        "return stays.Select(s => s with { DailyRate = s.DailyRate + {|#0:upgrades[s.Reference]|} }).ToList();"), "MLDSL0029");

    [Fact]
    public Task Late_value_added_by_hand_in_a_loop_and_looked_up_with_a_fallback_is_reported_on_the_lookup() => Expect(Copies(
        """
        var upgrades = new Dictionary<string, float>();
                foreach (Stay stay in stays) upgrades.TryAdd(stay.Reference, stay.RoomUpgrade * 10f);
        """,
        "return stays.Select(s => s with { LeadTime = {|#0:upgrades.GetValueOrDefault(s.Reference)|} }).ToList();"), "MLDSL0029");

    [Fact]
    public Task Late_value_filed_under_a_tuple_key_and_looked_up_under_the_rows_own_tuple_is_reported_on_the_lookup() => Expect(Copies(
        "var upgrades = stays.ToDictionary(s => (s.Reference, s.LeadTime), s => s.RoomUpgrade);",
        "return stays.Select(s => s with { DailyRate = s.DailyRate + {|#0:upgrades[(s.Reference, s.LeadTime)]|} }).ToList();"), "MLDSL0029");

    [Fact]
    public Task Value_known_before_the_label_filed_by_hand_in_a_loop_and_looked_up_stays_silent() => Expect(Copies(
        """
        var history = new Dictionary<string, float>();
                foreach (Stay stay in stays) history[stay.Reference] = stay.PreviousStays;
        """,
        "return stays.Select(s => s with { DailyRate = s.DailyRate + history[s.Reference] }).ToList();"));

    /// <summary>The guest's previous booking: its upgrade was settled before this booking was made.</summary>
    [Fact]
    public Task Late_value_filed_by_hand_and_looked_up_under_the_previous_bookings_key_stays_silent() => Expect(Copies(
        """
        var upgrades = new Dictionary<string, float>();
                foreach (Stay stay in stays) upgrades[stay.Reference] = stay.RoomUpgrade;
        """,
        "return stays.Select(s => s with { DailyRate = s.DailyRate + upgrades.GetValueOrDefault(s.PreviousReference) }).ToList();"));

    private static string BackwardsDay(string lag) => Program($$"""
        public static class Demand
        {
            public static List<Hour> From(IEnumerable<HourCount> file)
            {
                List<HourCount> raw = file.OrderBy(h => h.Hour).ToList();
                var hours = new List<Hour>();
                for (int i = raw.Count - 1; i >= 0; i--)
                {
                    HourCount h = raw[i];
                    hours.Add(new Hour { At = h.Hour, Temperature = h.Temperature, CountLag24 = {{lag}}, Count = h.Count });
                }
                hours.Reverse();
                return hours;
            }
        }
        """);

    [Fact]
    public Task Day_ahead_read_through_a_clamp_in_a_backwards_loop_over_a_picked_row_is_reported_on_the_read() =>
        Expect(BackwardsDay("{|#0:raw[Math.Min(i + 24, raw.Count - 1)].Count|}"), "MLDSL0017");

    [Fact]
    public Task Day_before_read_through_a_clamp_in_a_backwards_loop_over_a_picked_row_stays_silent() =>
        Expect(BackwardsDay("raw[Math.Max(i - 24, 0)].Count"));

    [Fact]
    public Task Previous_hour_read_under_a_guard_in_a_backwards_loop_over_a_picked_row_stays_silent() =>
        Expect(BackwardsDay("i > 0 ? raw[i - 1].Count : 0f"));
}
