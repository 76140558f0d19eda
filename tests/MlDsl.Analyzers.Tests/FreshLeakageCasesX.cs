using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Adversarial leakage cases, set X (leakage issue #15): a quick black-box check of the kinds set W widened, in fields and
/// shapes of their own — school attendance, intraday energy trading, dental claims and clinics, warehouse picking, pharmacy
/// refills and grid load. Written from the rule pages and the public API only. Each leak sits beside a correct program that
/// looks alike. Five kinds:
/// <list type="number">
/// <item>a sum, mean or count of outcomes over an entity's rows up to and including the row's own time, used as that row's
/// feature (MLDSL0017), in LINQ, a nested loop and a static helper called per row; strictly earlier rows stay silent;</item>
/// <item>a model scored on a filter or an id set of the rows it trained on (MLDSL0027); complementary filters stay silent;</item>
/// <item>rows with a [GroupKey] cut inside each group (<c>GroupBy(k).SelectMany(g =&gt; g.Take(...))</c>, and the Skip side feeding
/// training) (MLDSL0019); whole groups cut, or a per-group cap on training alone, stay silent;</item>
/// <item>[Timestamp] rows put through a hand-written Fisher–Yates shuffle (inline, a generic helper, an extension method) and
/// cut (MLDSL0019, on the shuffle); rows sorted by time and cut, shuffled only after the cut, stay silent;</item>
/// <item>overlapping slices made by <c>Enumerable.Range(...).Select(i =&gt; rows[i])</c> or <c>ArraySegment</c> (MLDSL0027);
/// the two sides of one cut stay silent.</item>
/// </list>
/// Marks follow the rule pages: MLDSL0017 on the count or statistic (or the feature's assignment where the statistic is a
/// loop's local), MLDSL0027 on the rows passed to Evaluate, MLDSL0019 on the first per-group cut that feeds training or on
/// the shuffle. A case the analyzer gets wrong keeps its expectation and is skipped saying what was not followed.
/// Measured on the first run (advX, on integ20 at 5c6570b; all 24 cases compiled as first written): 12 leaks — 7 reported on
/// the marked span, 2 on the marked line at another span, 1 missed, 2 under another rule; 12 correct programs — 11 silent,
/// 1 false alarm. By kind:
/// <list type="table">
/// <item>Outcomes up to the own time: leaks 3 — 1 on the mark (LINQ Where/Sum), 2 as MLDSL0016 instead of MLDSL0017 (a nested
/// loop's running mean, on the same line; a static helper's Count, on the mark); correct 3 — 2 silent, 1 false alarm
/// (MLDSL0016 at the nested loop's mean over strictly earlier hours).</item>
/// <item>Filter or id set of the training rows: leaks 2 — 2 on the mark; correct 2 — 2 silent.</item>
/// <item>Cut inside each group: leaks 2 — 2 on the line, at the start of the SelectMany chain rather than the g.Take/g.Skip
/// cut; correct 2 — 2 silent.</item>
/// <item>Hand-written shuffle then cut: leaks 3 — 2 on the mark (a generic helper, a forward extension method), 1 missed (the
/// loop written inline); correct 3 — 3 silent.</item>
/// <item>Overlapping index runs and segments: leaks 2 — 2 on the mark; correct 2 — 2 silent.</item>
/// </list>
/// </summary>
public sealed class FreshLeakageCasesX
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record SchoolDay
        {
            [Timestamp] public DateTime Day { get; init; }
            [Feature] public float Temperature { get; init; }
            [Feature] public float BusDelay { get; init; }
            [Feature] public float PriorAbsences { get; init; }
            [Label(Classes = 2)] public int Absent { get; init; }
        }

        [Model(typeof(SchoolDay))]
        public sealed partial class AttendanceNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record TradeHour
        {
            [Timestamp] public DateTime Hour { get; init; }
            [Feature] public float Price { get; init; }
            [Feature] public float Volume { get; init; }
            [Feature] public float MeanImbalance { get; init; }
            [Label] public float Imbalance { get; init; }
        }

        [Model(typeof(TradeHour))]
        public sealed partial class TradeNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record DentalClaim
        {
            [Timestamp] public DateTime Filed { get; init; }
            [Feature] public float Amount { get; init; }
            [Feature] public float Procedures { get; init; }
            [Feature] public float PriorDenials { get; init; }
            [Label(Classes = 2)] public int Denied { get; init; }
        }

        [Model(typeof(DentalClaim))]
        public sealed partial class ClaimNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record PickTask
        {
            [Ignore] public string Zone { get; init; } = "";
            [Feature] public float Lines { get; init; }
            [Feature] public float Distance { get; init; }
            [Feature] public float Weight { get; init; }
            [Label(Classes = 2)] public int Late { get; init; }
        }

        [Model(typeof(PickTask))]
        public sealed partial class PickNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Refill
        {
            [Ignore] public int PatientId { get; init; }
            [Feature] public float DaysSupply { get; init; }
            [Feature] public float Copay { get; init; }
            [Feature] public float Age { get; init; }
            [Label(Classes = 2)] public int Refilled { get; init; }
        }

        [Model(typeof(Refill))]
        public sealed partial class RefillNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record DentalVisit
        {
            [GroupKey] public string Clinic { get; init; } = "";
            [Feature] public float ChairMinutes { get; init; }
            [Feature] public float XRays { get; init; }
            [Feature] public float Age { get; init; }
            [Label(Classes = 2)] public int Cancelled { get; init; }
        }

        [Model(typeof(DentalVisit))]
        public sealed partial class VisitNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record PickerShift
        {
            [GroupKey] public string Picker { get; init; } = "";
            [Feature] public float PicksPerHour { get; init; }
            [Feature] public float Breaks { get; init; }
            [Feature] public float Aisles { get; init; }
            [Label(Classes = 2)] public int Injured { get; init; }
        }

        [Model(typeof(PickerShift))]
        public sealed partial class ShiftNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record GridLoad
        {
            [Timestamp] public DateTime At { get; init; }
            [Feature] public float Temperature { get; init; }
            [Feature] public float HourOfDay { get; init; }
            [Feature] public float Holiday { get; init; }
            [Label] public float LoadMw { get; init; }
        }

        [Model(typeof(GridLoad))]
        public sealed partial class LoadNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        /// <summary>One student-day from the register; Absent is 1 when the student missed the day.</summary>
        public sealed record RawAttendance(string Student, DateTime Day, float Temperature, float BusDelay, int Absent);

        /// <summary>One desk-hour of the trading book; Imbalance is the settled imbalance volume of that hour.</summary>
        public sealed record RawTrade(string Desk, DateTime Hour, float Price, float Volume, float Imbalance);

        /// <summary>One dental claim as the payer exports it; Denied is 1 when the payer refused it.</summary>
        public sealed record RawClaim(string Patient, DateTime Filed, float Amount, float Procedures, int Denied);

        public static class Register
        {
            public static List<RawAttendance> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new RawAttendance(f[0], DateTime.Parse(f[1]),
                    float.Parse(f[2]), float.Parse(f[3]), int.Parse(f[4]))).ToList();

            public static List<SchoolDay> Days(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new SchoolDay { Day = DateTime.Parse(f[0]),
                    Temperature = float.Parse(f[1]), BusDelay = float.Parse(f[2]), PriorAbsences = float.Parse(f[3]),
                    Absent = int.Parse(f[4]) }).ToList();
        }

        public static class Book
        {
            public static List<RawTrade> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new RawTrade(f[0], DateTime.Parse(f[1]),
                    float.Parse(f[2]), float.Parse(f[3]), float.Parse(f[4]))).ToList();

            public static List<TradeHour> Hours(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new TradeHour { Hour = DateTime.Parse(f[0]),
                    Price = float.Parse(f[1]), Volume = float.Parse(f[2]), MeanImbalance = float.Parse(f[3]),
                    Imbalance = float.Parse(f[4]) }).ToList();
        }

        public static class Payer
        {
            public static List<RawClaim> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new RawClaim(f[0], DateTime.Parse(f[1]),
                    float.Parse(f[2]), float.Parse(f[3]), int.Parse(f[4]))).ToList();
        }

        public static class Wms
        {
            public static List<PickTask> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new PickTask { Zone = f[0],
                    Lines = float.Parse(f[1]), Distance = float.Parse(f[2]), Weight = float.Parse(f[3]), Late = int.Parse(f[4]) }).ToList();
        }

        public static class Pharmacy
        {
            public static List<Refill> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new Refill { PatientId = int.Parse(f[0]),
                    DaysSupply = float.Parse(f[1]), Copay = float.Parse(f[2]), Age = float.Parse(f[3]), Refilled = int.Parse(f[4]) }).ToList();
        }

        public static class Clinics
        {
            public static List<DentalVisit> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new DentalVisit { Clinic = f[0],
                    ChairMinutes = float.Parse(f[1]), XRays = float.Parse(f[2]), Age = float.Parse(f[3]), Cancelled = int.Parse(f[4]) }).ToList();
        }

        public static class Roster
        {
            public static List<PickerShift> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new PickerShift { Picker = f[0],
                    PicksPerHour = float.Parse(f[1]), Breaks = float.Parse(f[2]), Aisles = float.Parse(f[3]), Injured = int.Parse(f[4]) }).ToList();
        }

        public static class Scada
        {
            public static List<GridLoad> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new GridLoad { At = DateTime.Parse(f[0]),
                    Temperature = float.Parse(f[1]), HourOfDay = float.Parse(f[2]), Holiday = float.Parse(f[3]),
                    LoadMw = float.Parse(f[4]) }).ToList();
        }

        """;

    /// <summary>A whole program of several types, with the shared rows after it.</summary>
    private static string Program(string types) => Usings + types + Rows;

    /// <summary>Both leakage analyzers' diagnostics must be exactly <paramref name="expected"/> at the marks (<see cref="LeakageExpectation"/>).</summary>
    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    // ---- 1. Outcomes counted up to and including the row's own time (MLDSL0017) ----

    [Fact]
    public Task Absences_summed_through_the_students_own_day_leak() => Expect(Program("""
        public static class AttendanceJob
        {
            public static void Run()
            {
                var days = Register.Load("register.csv");
                var rows = days.Select(r => new SchoolDay
                {
                    Day = r.Day,
                    Temperature = r.Temperature,
                    BusDelay = r.BusDelay,
                    PriorAbsences = {|#0:days.Where(d => d.Student == r.Student && d.Day <= r.Day).Sum(d => d.Absent)|},
                    Absent = r.Absent,
                }).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Test = 0.2 });
                var net = new AttendanceNet();
                net.Fit(split.Train);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Absences_summed_over_strictly_earlier_days_is_silent() => Expect(Program("""
        public static class AttendanceJob
        {
            public static void Run()
            {
                var days = Register.Load("register.csv");
                var rows = days.Select(r => new SchoolDay
                {
                    Day = r.Day,
                    Temperature = r.Temperature,
                    BusDelay = r.BusDelay,
                    PriorAbsences = days.Where(d => d.Student == r.Student && d.Day < r.Day).Sum(d => d.Absent),
                    Absent = r.Absent,
                }).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Test = 0.2 });
                var net = new AttendanceNet();
                net.Fit(split.Train);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    [Fact(Skip = "Wrong rule: reported as MLDSL0016 (\"a running total ... learns from every row\") at `sum / n` on the marked line, not MLDSL0017; the MLDSL0017 page says a mean of outcomes over the entity's rows up to and including the row's own time is reported as MLDSL0017 (not MLDSL0016), and a nested loop was not followed as that mean")]
    public Task Desk_imbalance_averaged_in_a_nested_loop_through_the_own_hour_leaks() => Expect(Program("""
        public static class ImbalanceJob
        {
            public static void Run()
            {
                var trades = Book.Load("book.csv");
                var rows = new List<TradeHour>();
                foreach (var t in trades)
                {
                    float sum = 0;
                    int n = 0;
                    foreach (var h in trades)
                    {
                        if (h.Desk == t.Desk && h.Hour <= t.Hour)
                        {
                            sum += h.Imbalance;
                            n++;
                        }
                    }
                    rows.Add(new TradeHour
                    {
                        Hour = t.Hour,
                        Price = t.Price,
                        Volume = t.Volume,
                        {|#0:MeanImbalance = sum / n|},
                        Imbalance = t.Imbalance,
                    });
                }
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Test = 0.2 });
                var net = new TradeNet();
                net.Fit(split.Train);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0017");

    [Fact(Skip = "False alarm: MLDSL0016 at `sum / n` (\"a running total over the rows read from book.csv learns from every row\"); the desk's mean over strictly earlier hours is the row's past (MLDSL0017 page: silent), not a statistic of the whole data")]
    public Task Desk_imbalance_averaged_in_a_nested_loop_over_earlier_hours_is_silent() => Expect(Program("""
        public static class ImbalanceJob
        {
            public static void Run()
            {
                var trades = Book.Load("book.csv");
                var rows = new List<TradeHour>();
                foreach (var t in trades)
                {
                    float sum = 0;
                    int n = 0;
                    foreach (var h in trades)
                    {
                        if (h.Desk == t.Desk && h.Hour < t.Hour)
                        {
                            sum += h.Imbalance;
                            n++;
                        }
                    }
                    rows.Add(new TradeHour
                    {
                        Hour = t.Hour,
                        Price = t.Price,
                        Volume = t.Volume,
                        MeanImbalance = n == 0 ? 0f : sum / n,
                        Imbalance = t.Imbalance,
                    });
                }
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Test = 0.2 });
                var net = new TradeNet();
                net.Fit(split.Train);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    [Fact(Skip = "Wrong rule: reported as MLDSL0016 (Count through DeniedThrough) on the mark, not MLDSL0017; the count of the patient's denials up to and including the claim's own date, written in a static helper called per row, was not read as the row's own outcome counted in")]
    public Task Denials_counted_by_a_helper_through_the_claims_own_date_leak() => Expect(Program("""
        public static class ClaimHistory
        {
            public static int DeniedThrough(IReadOnlyList<RawClaim> all, RawClaim claim) =>
                all.Count(c => c.Patient == claim.Patient && c.Filed <= claim.Filed && c.Denied == 1);
        }

        public static class DenialJob
        {
            public static void Run()
            {
                var raw = Payer.Load("claims.csv");
                var rows = raw.Select(c => new DentalClaim
                {
                    Filed = c.Filed,
                    Amount = c.Amount,
                    Procedures = c.Procedures,
                    PriorDenials = {|#0:ClaimHistory.DeniedThrough(raw, c)|},
                    Denied = c.Denied,
                }).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Test = 0.2 });
                var net = new ClaimNet();
                net.Fit(split.Train);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Denials_counted_by_a_helper_before_the_claims_date_is_silent() => Expect(Program("""
        public static class ClaimHistory
        {
            public static int DeniedBefore(IReadOnlyList<RawClaim> all, RawClaim claim) =>
                all.Count(c => c.Patient == claim.Patient && c.Filed < claim.Filed && c.Denied == 1);
        }

        public static class DenialJob
        {
            public static void Run()
            {
                var raw = Payer.Load("claims.csv");
                var rows = raw.Select(c => new DentalClaim
                {
                    Filed = c.Filed,
                    Amount = c.Amount,
                    Procedures = c.Procedures,
                    PriorDenials = ClaimHistory.DeniedBefore(raw, c),
                    Denied = c.Denied,
                }).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Test = 0.2 });
                var net = new ClaimNet();
                net.Fit(split.Train);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // ---- 2. Scored on a filter or id set of the training rows (MLDSL0027) ----

    [Fact]
    public Task Audit_zones_scored_after_training_on_every_zone_leak() => Expect(Program("""
        public static class PickJob
        {
            public static void Run()
            {
                var tasks = Wms.Load("picks.csv");
                var auditZones = new HashSet<string> { "B", "F" };
                List<PickTask> train = tasks;
                var audit = tasks.Where(t => auditZones.Contains(t.Zone)).ToList();
                var net = new PickNet();
                net.Fit(train);
                Console.WriteLine($"late-pick accuracy in audited zones: {net.Evaluate({|#0:audit|}).Accuracy:P1}");
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Audit_zones_scored_after_training_on_the_other_zones_is_silent() => Expect(Program("""
        public static class PickJob
        {
            public static void Run()
            {
                var tasks = Wms.Load("picks.csv");
                var auditZones = new HashSet<string> { "B", "F" };
                var train = tasks.Where(t => !auditZones.Contains(t.Zone)).ToList();
                var audit = tasks.Where(t => auditZones.Contains(t.Zone)).ToList();
                var net = new PickNet();
                net.Fit(train);
                Console.WriteLine($"late-pick accuracy in audited zones: {net.Evaluate(audit).Accuracy:P1}");
            }
        }
        """));

    [Fact]
    public Task Held_out_patients_picked_by_id_from_the_training_copy_leak() => Expect(Program("""
        public static class RefillJob
        {
            public static void Run()
            {
                var refills = Pharmacy.Load("refills.csv");
                var heldOut = File.ReadLines("holdout-patients.txt").Select(int.Parse).ToHashSet();
                var train = new List<Refill>(refills);
                var test = refills.IntersectBy(heldOut, r => r.PatientId).ToList();
                var net = new RefillNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Held_out_patients_removed_by_id_from_training_is_silent() => Expect(Program("""
        public static class RefillJob
        {
            public static void Run()
            {
                var refills = Pharmacy.Load("refills.csv");
                var heldOut = File.ReadLines("holdout-patients.txt").Select(int.Parse).ToHashSet();
                var train = refills.ExceptBy(heldOut, r => r.PatientId).ToList();
                var test = refills.IntersectBy(heldOut, r => r.PatientId).ToList();
                var net = new RefillNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    // ---- 3. A cut inside each group (MLDSL0019) ----

    [Fact(Skip = "Wrong line: reported on the marked line but at the start of the whole `byClinic.SelectMany(...)` call (col 21), not on the per-group cut `g.Take(...)`; the MLDSL0019 page says \"reported once on the first cut that feeds training\" (the page could be read either way; expectation kept)")]
    public Task Each_clinics_visits_cut_three_quarters_to_training_leak() => Expect(Program("""
        public static class CancellationJob
        {
            public static void Run()
            {
                var visits = Clinics.Load("visits.csv");
                var byClinic = visits.GroupBy(v => v.Clinic).ToList();
                var train = byClinic.SelectMany(g => {|#0:g.Take(g.Count() * 3 / 4)|}).ToList();
                var test = byClinic.SelectMany(g => g.Skip(g.Count() * 3 / 4)).ToList();
                var net = new VisitNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Three_quarters_of_the_clinics_to_training_is_silent() => Expect(Program("""
        public static class CancellationJob
        {
            public static void Run()
            {
                var visits = Clinics.Load("visits.csv");
                var byClinic = visits.GroupBy(v => v.Clinic).ToList();
                int k = byClinic.Count * 3 / 4;
                var train = byClinic.Take(k).SelectMany(g => g).ToList();
                var test = byClinic.Skip(k).SelectMany(g => g).ToList();
                var net = new VisitNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact(Skip = "Wrong line: reported on the marked line but at the start of the whole `shifts.GroupBy(...).SelectMany(...)` chain (col 21), not on the per-group cut `g.Skip(2)`; the MLDSL0019 page says \"reported once on the first cut that feeds training\" (the page could be read either way; expectation kept)")]
    public Task Each_pickers_later_shifts_to_training_and_first_two_to_test_leak() => Expect(Program("""
        public static class InjuryJob
        {
            public static void Run()
            {
                var shifts = Roster.Load("shifts.csv");
                var test = shifts.GroupBy(s => s.Picker).SelectMany(g => g.Take(2)).ToList();
                var train = shifts.GroupBy(s => s.Picker).SelectMany(g => {|#0:g.Skip(2)|}).ToList();
                var net = new ShiftNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Training_pickers_capped_at_forty_shifts_and_other_pickers_tested_is_silent() => Expect(Program("""
        public static class InjuryJob
        {
            public static void Run()
            {
                var shifts = Roster.Load("shifts.csv");
                var pickers = shifts.GroupBy(s => s.Picker).OrderBy(g => g.Key).ToList();
                int k = pickers.Count - 10;
                var train = pickers.Take(k).SelectMany(g => g.Take(40)).ToList();
                var test = pickers.Skip(k).SelectMany(g => g).ToList();
                var net = new ShiftNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    // ---- 4. A hand-written Fisher–Yates shuffle, then a cut of [Timestamp] rows (MLDSL0019) ----

    [Fact(Skip = "Missed: nothing reported; a Fisher–Yates loop written inline (not in a helper) over the [Timestamp] rows' array, then cut by ranges hours[..cut]/hours[cut..] and given to Fit/Evaluate, is a random split of time rows (MLDSL0019 page: a shuffle then a cut is reported on the shuffle; only the helper form is named)")]
    public Task Grid_hours_shuffled_by_an_inline_fisher_yates_loop_then_cut_leak() => Expect(Program("""
        public static class LoadJob
        {
            public static void Run()
            {
                var hours = Scada.Load("scada.csv").ToArray();
                var rng = new Random(11);
                {|#0:for|} (int i = hours.Length - 1; i > 0; i--)
                {
                    int j = rng.Next(i + 1);
                    (hours[i], hours[j]) = (hours[j], hours[i]);
                }
                int cut = hours.Length * 4 / 5;
                var train = hours[..cut];
                var test = hours[cut..];
                var net = new LoadNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Grid_hours_sorted_by_time_cut_then_training_shuffled_inline_is_silent() => Expect(Program("""
        public static class LoadJob
        {
            public static void Run()
            {
                var hours = Scada.Load("scada.csv").OrderBy(h => h.At).ToArray();
                int cut = hours.Length * 4 / 5;
                var train = hours[..cut];
                var test = hours[cut..];
                var rng = new Random(11);
                for (int i = train.Length - 1; i > 0; i--)
                {
                    int j = rng.Next(i + 1);
                    (train[i], train[j]) = (train[j], train[i]);
                }
                var net = new LoadNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task School_days_dealt_by_a_generic_shuffle_helper_then_last_sixty_held_out_leak() => Expect(Program("""
        public static class Deck
        {
            public static void Shuffle<T>(T[] items, Random random)
            {
                for (int i = items.Length - 1; i > 0; i--)
                {
                    int j = random.Next(i + 1);
                    T held = items[i];
                    items[i] = items[j];
                    items[j] = held;
                }
            }
        }

        public static class AbsenceJob
        {
            public static void Run()
            {
                var days = Register.Days("days.csv").ToArray();
                {|#0:Deck.Shuffle(days, new Random(5))|};
                var train = days.Take(days.Length - 60).ToList();
                var test = days.Skip(days.Length - 60).ToList();
                var net = new AttendanceNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task School_days_sorted_in_place_by_day_then_last_sixty_held_out_is_silent() => Expect(Program("""
        public static class Deck
        {
            public static void Shuffle<T>(T[] items, Random random)
            {
                for (int i = items.Length - 1; i > 0; i--)
                {
                    int j = random.Next(i + 1);
                    T held = items[i];
                    items[i] = items[j];
                    items[j] = held;
                }
            }
        }

        public static class AbsenceJob
        {
            public static void Run()
            {
                var days = Register.Days("days.csv").ToArray();
                Array.Sort(days, (a, b) => a.Day.CompareTo(b.Day));
                var train = days.Take(days.Length - 60).ToArray();
                var test = days.Skip(days.Length - 60).ToList();
                Deck.Shuffle(train, new Random(5));
                var net = new AttendanceNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Trade_hours_shuffled_by_a_forward_extension_then_cut_with_get_range_leak() => Expect(Program("""
        public static class ListShuffle
        {
            public static void ShuffleInPlace<T>(this List<T> list, Random random)
            {
                for (int i = 0; i < list.Count - 1; i++)
                {
                    int j = random.Next(i, list.Count);
                    (list[i], list[j]) = (list[j], list[i]);
                }
            }
        }

        public static class SpotJob
        {
            public static void Run()
            {
                var hours = Book.Hours("hours.csv");
                {|#0:hours.ShuffleInPlace(new Random(3))|};
                int cut = hours.Count * 9 / 10;
                var train = hours.GetRange(0, cut);
                var test = hours.GetRange(cut, hours.Count - cut);
                var net = new TradeNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Trade_hours_sorted_in_place_by_hour_cut_then_training_shuffled_is_silent() => Expect(Program("""
        public static class ListShuffle
        {
            public static void ShuffleInPlace<T>(this List<T> list, Random random)
            {
                for (int i = 0; i < list.Count - 1; i++)
                {
                    int j = random.Next(i, list.Count);
                    (list[i], list[j]) = (list[j], list[i]);
                }
            }
        }

        public static class SpotJob
        {
            public static void Run()
            {
                var hours = Book.Hours("hours.csv");
                hours.Sort((a, b) => a.Hour.CompareTo(b.Hour));
                int cut = hours.Count * 9 / 10;
                var train = hours.GetRange(0, cut);
                var test = hours.GetRange(cut, hours.Count - cut);
                train.ShuffleInPlace(new Random(3));
                var net = new TradeNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // ---- 5. Overlapping slices by index runs and array segments (MLDSL0027) ----

    [Fact]
    public Task Pick_tasks_taken_by_overlapping_index_runs_leak() => Expect(Program("""
        public static class PickJob
        {
            public static void Run()
            {
                var tasks = Wms.Load("picks.csv");
                int n = tasks.Count;
                var train = Enumerable.Range(0, n * 8 / 10).Select(i => tasks[i]).ToList();
                var test = Enumerable.Range(n * 7 / 10, n - n * 7 / 10).Select(i => tasks[i]).ToList();
                var net = new PickNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Pick_tasks_taken_by_index_runs_on_either_side_of_one_cut_is_silent() => Expect(Program("""
        public static class PickJob
        {
            public static void Run()
            {
                var tasks = Wms.Load("picks.csv");
                int n = tasks.Count;
                var train = Enumerable.Range(0, n * 8 / 10).Select(i => tasks[i]).ToList();
                var test = Enumerable.Range(n * 8 / 10, n - n * 8 / 10).Select(i => tasks[i]).ToList();
                var net = new PickNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Refill_segments_sharing_fifty_rows_at_the_cut_leak() => Expect(Program("""
        public static class RefillJob
        {
            public static void Run()
            {
                var refills = Pharmacy.Load("refills.csv").ToArray();
                int cut = refills.Length - 500;
                var train = new ArraySegment<Refill>(refills, 0, cut + 50);
                var test = new ArraySegment<Refill>(refills, cut, 500);
                var net = new RefillNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Refill_segments_meeting_at_the_cut_is_silent() => Expect(Program("""
        public static class RefillJob
        {
            public static void Run()
            {
                var refills = Pharmacy.Load("refills.csv").ToArray();
                int cut = refills.Length - 500;
                var train = new ArraySegment<Refill>(refills, 0, cut);
                var test = new ArraySegment<Refill>(refills, cut, 500);
                var net = new RefillNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));
}
