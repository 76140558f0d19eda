using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set W's kinds of windows, counts and lookups (leakage issue #15), each in other shapes than the set's example: a count up to
/// and including the row's own time that reads the label (MLDSL0017 on the count, not MLDSL0016), a window written in a local
/// function or a helper called with the row's index (judged as if written at the call), a lookup's entries of the day before
/// under a tuple key (a lag window), a per-group sum of the value the label records read back under the row's own group
/// (MLDSL0017 beside the table's MLDSL0016), a count of a lookup's entries under the row's own key (a statistic), a tally of an
/// entity's strictly earlier rows kept in a time-ordered loop (its past, no vocabulary) and a late member's positional copy
/// zipped back onto its rows (MLDSL0029). Each beside its fix and look-alikes.
/// </summary>
public sealed class SetWWindowKindTests
{
    private const string Rows = """

        [Dataset]
        public sealed partial record Hour
        {
            [Timestamp] public DateTime At { get; init; }
            [Feature] public float Price { get; init; }
            [Feature] public float Rolling { get; init; }
            [Feature] public float FullHours { get; init; }
            [Label] public float Occupancy { get; init; }
        }

        [Model(typeof(Hour))]
        public sealed partial class HourNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Leg
        {
            [Timestamp] public DateTime Departure { get; init; }
            [Feature] public float Cars { get; init; }
            [Feature] public float CorridorLoad { get; init; }
            [Label] public float DelayMinutes { get; init; }
        }

        [Model(typeof(Leg))]
        public sealed partial class LegNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Call
        {
            [Ignore] public string Queue { get; init; } = "";
            [Feature] public float Priority { get; init; }
            [Feature] public float Volume { get; init; }
            [Feature] public float PriorCalls { get; init; }
            [Label(Classes = 2)] public int Escalated { get; init; }
        }

        [Model(typeof(Call))]
        public sealed partial class CallNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Stay
        {
            [GroupKey] public string Ward { get; init; } = "";
            [Feature] public float Age { get; init; }
            [Feature] public float Complications { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float DischargeComplications { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(Stay))]
        public sealed partial class StayNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public sealed record RawHour(DateTime At, float Price, float Occupancy);

        public sealed record RawLeg(string Corridor, DateTime Departure, float Cars, float DelayMinutes);

        public sealed record ExportedCall(string Account, DateTime Opened, float Priority, int Escalated);

        """;

    private static Task Expect(string program, params string[] expected) =>
        LeakageExpectation.Expect(LeakageSources.AllUsings + program + Rows, expected);

    // Kind 1: a count up to and including the row's own time that reads the label is MLDSL0017, in loops and queries too.

    [Fact]
    public Task Count_of_full_hours_up_to_the_current_hour_in_a_foreach_loop_is_reported() => Expect("""
        public static class Study
        {
            public static void Run(string path)
            {
                IReadOnlyList<Hour> hours = CsvFile.Read<Hour>(path);
                var rows = new List<Hour>();
                foreach (Hour r in hours)
                {
                    int full = {|#0:hours.Count(h => h.At <= r.At && h.At > r.At.AddHours(-12) && h.Occupancy > 0.9f)|};
                    rows.Add(r with { FullHours = full });
                }
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new HourNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """, "MLDSL0017");

    [Fact]
    public Task Count_of_full_hours_up_to_the_current_hour_in_query_syntax_is_reported() => Expect("""
        public static class Study
        {
            public static void Run(string path)
            {
                IReadOnlyList<Hour> hours = CsvFile.Read<Hour>(path);
                List<Hour> rows = hours.Select(r => r with
                {
                    FullHours = {|#0:(from h in hours where r.At >= h.At && h.Occupancy > 0.9f select h).Count()|},
                }).ToList();
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new HourNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """, "MLDSL0017");

    [Fact]
    public Task Count_of_full_hours_strictly_before_the_current_hour_in_a_foreach_loop_stays_silent() => Expect("""
        public static class Study
        {
            public static void Run(string path)
            {
                IReadOnlyList<Hour> hours = CsvFile.Read<Hour>(path);
                var rows = new List<Hour>();
                foreach (Hour r in hours)
                {
                    int full = hours.Count(h => h.At < r.At && h.At > r.At.AddHours(-12) && h.Occupancy > 0.9f);
                    rows.Add(r with { FullHours = full });
                }
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new HourNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """);

    [Fact]
    public Task Count_up_to_the_current_hour_of_an_input_is_still_a_statistic() => Expect("""
        public static class Study
        {
            public static void Run(string path)
            {
                IReadOnlyList<Hour> hours = CsvFile.Read<Hour>(path);
                List<Hour> rows = hours.Select(r => r with
                {
                    FullHours = {|#0:hours.Count(h => h.At <= r.At && h.At > r.At.AddHours(-12) && h.Price > 3f)|},
                }).ToList();
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new HourNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """, "MLDSL0016");

    // Kind 1': a window in a local function or a helper called with the row's index is judged at the call.

    [Fact]
    public Task Window_ending_at_the_row_in_a_block_bodied_local_function_called_from_a_for_loop_is_reported() => Expect("""
        public static class Study
        {
            public static void Run(List<RawHour> raw)
            {
                float Rolling(int k)
                {
                    return {|#0:raw.Skip(k - 2).Take(3)|}.Average(r => r.Occupancy);
                }
                var rows = new List<Hour>();
                for (int i = 3; i < raw.Count; i++)
                    rows.Add(new Hour { At = raw[i].At, Price = raw[i].Price, Rolling = Rolling(i), Occupancy = raw[i].Occupancy });
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new HourNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """, "MLDSL0017");

    [Fact]
    public Task Window_ending_at_the_row_in_a_helper_method_given_the_rows_and_the_index_is_reported() => Expect("""
        public static class Study
        {
            private static float Rolling(List<RawHour> series, int at) => {|#0:series.Skip(at - 1).Take(2)|}.Average(r => r.Occupancy);

            public static void Run(List<RawHour> raw)
            {
                List<Hour> rows = Enumerable.Range(3, raw.Count - 3).Select(i => new Hour
                {
                    At = raw[i].At,
                    Price = raw[i].Price,
                    Rolling = Rolling(raw, i),
                    Occupancy = raw[i].Occupancy,
                }).ToList();
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new HourNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """, "MLDSL0017");

    [Fact]
    public Task Window_of_the_hours_before_in_a_block_bodied_local_function_called_from_a_for_loop_stays_silent() => Expect("""
        public static class Study
        {
            public static void Run(List<RawHour> raw)
            {
                float Rolling(int k)
                {
                    return raw.Skip(k - 3).Take(3).Average(r => r.Occupancy);
                }
                var rows = new List<Hour>();
                for (int i = 3; i < raw.Count; i++)
                    rows.Add(new Hour { At = raw[i].At, Price = raw[i].Price, Rolling = Rolling(i), Occupancy = raw[i].Occupancy });
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new HourNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """);

    [Fact]
    public Task Helper_window_reaching_its_index_called_with_the_hour_before_stays_silent() => Expect("""
        public static class Study
        {
            private static float Rolling(List<RawHour> series, int at) => series.Skip(at - 2).Take(3).Average(r => r.Occupancy);

            public static void Run(List<RawHour> raw)
            {
                List<Hour> rows = Enumerable.Range(3, raw.Count - 3).Select(i => new Hour
                {
                    At = raw[i].At,
                    Price = raw[i].Price,
                    Rolling = Rolling(raw, i - 1),
                    Occupancy = raw[i].Occupancy,
                }).ToList();
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new HourNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """);

    // Kind 2: a lookup's entries of the day before under a tuple key are a lag window.

    [Fact]
    public Task Corridor_delays_of_the_day_before_from_a_tuple_keyed_lookup_in_a_foreach_loop_stay_silent() => Expect("""
        public static class Study
        {
            public static void Run(List<RawLeg> raw)
            {
                ILookup<(string, DateTime), RawLeg> byCorridorDay = raw.ToLookup(d => (d.Corridor, d.Departure.Date));
                var rows = new List<Leg>();
                foreach (RawLeg r in raw)
                {
                    float before = byCorridorDay[(r.Corridor, r.Departure.Date.AddDays(-1))].Average(d => d.DelayMinutes);
                    rows.Add(new Leg { Departure = r.Departure, Cars = r.Cars, CorridorLoad = before, DelayMinutes = r.DelayMinutes });
                }
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new LegNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """);

    // Kind 3: a per-group statistic of the value the label records, read back under the row's own group, is MLDSL0017.

    [Fact]
    public Task Corridor_mean_delay_read_under_the_rows_own_corridor_in_a_foreach_loop_is_reported() => Expect("""
        public static class Study
        {
            public static void Run(List<RawLeg> raw)
            {
                Dictionary<string, float> byCorridor = {|#1:raw.GroupBy(d => d.Corridor).ToDictionary(g => g.Key, g => g.Average(d => d.DelayMinutes))|};
                var rows = new List<Leg>();
                foreach (RawLeg r in raw)
                    rows.Add(new Leg { Departure = r.Departure, Cars = r.Cars, {|#0:CorridorLoad = byCorridor[r.Corridor]|}, DelayMinutes = r.DelayMinutes });
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new LegNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """, "MLDSL0017", "MLDSL0016");

    [Fact]
    public Task Corridor_day_sum_of_an_input_read_under_the_rows_own_group_is_only_a_statistic() => Expect("""
        public static class Study
        {
            public static void Run(List<RawLeg> raw)
            {
                Dictionary<(string, DateTime), float> cars = {|#0:raw.GroupBy(d => (d.Corridor, d.Departure.Date)).ToDictionary(g => g.Key, g => g.Sum(d => d.Cars))|};
                List<Leg> rows = raw.Select(r => new Leg
                {
                    Departure = r.Departure,
                    Cars = r.Cars,
                    CorridorLoad = cars[(r.Corridor, r.Departure.Date)],
                    DelayMinutes = r.DelayMinutes,
                }).ToList();
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new LegNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """, "MLDSL0016");

    [Fact]
    public Task Corridor_day_sum_of_delays_read_under_the_day_before_is_only_a_statistic() => Expect("""
        public static class Study
        {
            public static void Run(List<RawLeg> raw)
            {
                Dictionary<(string, DateTime), float> delays = {|#0:raw.GroupBy(d => (d.Corridor, d.Departure.Date)).ToDictionary(g => g.Key, g => g.Sum(d => d.DelayMinutes))|};
                List<Leg> rows = raw.Select(r => new Leg
                {
                    Departure = r.Departure,
                    Cars = r.Cars,
                    CorridorLoad = delays.GetValueOrDefault((r.Corridor, r.Departure.Date.AddDays(-1))),
                    DelayMinutes = r.DelayMinutes,
                }).ToList();
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new LegNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """, "MLDSL0016");

    // Kind 4: a count of a lookup's entries under the row's own key is a count per category over every row.

    [Fact]
    public Task Queue_volume_counted_through_a_lookup_in_a_foreach_loop_is_reported() => Expect("""
        public static class Study
        {
            public static void Run(string path)
            {
                IReadOnlyList<Call> calls = CsvFile.Read<Call>(path);
                ILookup<string, Call> byQueue = calls.ToLookup(c => c.Queue);
                var counted = new List<Call>();
                foreach (Call c in calls)
                    counted.Add(c with { Volume = {|#0:byQueue[c.Queue].Count()|} });
                var (train, validation, test) = counted.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new CallNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """, "MLDSL0016");

    [Fact]
    public Task Ward_size_counted_through_a_lookup_by_the_group_key_before_a_grouped_split_stays_silent() => Expect("""
        public static class Study
        {
            public static void Run(string path)
            {
                IReadOnlyList<Stay> stays = CsvFile.Read<Stay>(path);
                ILookup<string, Stay> byWard = stays.ToLookup(s => s.Ward);
                List<Stay> counted = stays.Select(s => s with { Complications = byWard[s.Ward].Count() }).ToList();
                var (train, validation, test) = counted.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new StayNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """);

    // Kind 5: a tally of an entity's strictly earlier rows kept while walking them oldest first is their past.

    [Fact]
    public Task Tally_of_an_accounts_earlier_calls_in_a_for_loop_over_rows_ordered_by_time_stays_silent() => Expect("""
        public static class Study
        {
            public static void Run(IReadOnlyList<ExportedCall> export)
            {
                List<ExportedCall> ordered = export.OrderBy(e => e.Opened).ToList();
                var seen = new Dictionary<string, int>();
                var calls = new List<Call>();
                for (int i = 0; i < ordered.Count; i++)
                {
                    ExportedCall e = ordered[i];
                    seen.TryGetValue(e.Account, out int earlier);
                    calls.Add(new Call { Priority = e.Priority, PriorCalls = earlier, Escalated = e.Escalated });
                    seen[e.Account] = earlier + 1;
                }
                var (train, validation, test) = calls.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new CallNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """);

    [Fact]
    public Task Tally_of_an_accounts_calls_in_a_loop_in_file_order_is_still_a_vocabulary() => Expect("""
        public static class Study
        {
            public static void Run(IReadOnlyList<ExportedCall> export)
            {
                var seen = new Dictionary<string, int>();
                var calls = new List<Call>();
                foreach (ExportedCall e in {|#0:export|})
                {
                    int earlier = seen.GetValueOrDefault(e.Account);
                    calls.Add(new Call { Priority = e.Priority, PriorCalls = earlier, Escalated = e.Escalated });
                    seen[e.Account] = earlier + 1;
                }
                var (train, validation, test) = calls.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new CallNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """, "MLDSL0016");

    // Kind 6: a late member's positional copy zipped back onto its own rows is the row's own late value.

    [Fact]
    public Task Discharge_complications_zipped_back_with_the_copy_first_are_reported() => Expect("""
        public static class Study
        {
            public static void Run(string path)
            {
                IReadOnlyList<Stay> stays = CsvFile.Read<Stay>(path);
                List<float> atDischarge = stays.Select(s => s.DischargeComplications).ToList();
                List<Stay> enriched = atDischarge.Zip(stays, (late, s) => s with { {|#0:Complications = Math.Max(s.Complications, late)|} }).ToList();
                var (train, validation, test) = enriched.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new StayNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """, "MLDSL0029");

    [Fact]
    public Task Ages_zipped_back_onto_their_own_stays_stay_silent() => Expect("""
        public static class Study
        {
            public static void Run(string path)
            {
                IReadOnlyList<Stay> stays = CsvFile.Read<Stay>(path);
                float[] ages = stays.Select(s => s.Age).ToArray();
                List<Stay> enriched = stays.Zip(ages, (s, age) => s with { Complications = s.Complications + age / 100f }).ToList();
                var (train, validation, test) = enriched.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new StayNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """);
}
