using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Adversarial leakage cases, set Q (session 15): three kinds just widened, measured by cases their authors did not see.
/// A. Identifiers used as features (MLDSL0021): telecom subscriber numbers, insurance policy and chassis numbers,
///    library cards, hospital record numbers, retail barcodes, ids as nullable or snake_case members; beside counts and
///    measures whose names contain "Id" or "Number", codes with declared [Categories] and ids kept as [Slice].
/// B. Slices of one list (MLDSL0027): complementary cuts written in mixed forms (Take against TakeLast, ^ indices,
///    Skip then Take), beside overlapping cuts from two cut variables, a sorted copy cut like the original, a part of
///    the training part, and interleaved position filters.
/// C. Lags from neighbouring rows (MLDSL0017): daily stock quotes and web traffic ordered by ThenBy, negated ticks,
///    a double reversal, Zip with the next row and indexed Select, beside forecasting labels taken from the next row
///    and next week's planned campaign (known in advance).
/// Each buggy case sits beside correct programs written the same way that must stay silent; a case the analyzer gets
/// wrong keeps its expectation and is skipped with what was not followed.
/// Measured on the first run (integ15 at 839ea45):
/// <list type="table">
/// <item>A, identifiers: buggy 6 — 3 caught on the member (Msisdn, LibraryCardNumber, Gtin), 0 elsewhere, 3 missed
/// (NhsNumber, PolicyNumber as double, snake_case customer_id field); correct 6 — 5 silent, 1 false alarm
/// (DistinctCellIds, a count).</item>
/// <item>B, slices: buggy 7 — 0 on the Evaluate call, 2 on its argument (same line: a holdout from the training part,
/// a refit on training + test), 5 missed (two cut variables, a sorted copy against the file order, ^ indices, SkipLast
/// against a longer TakeLast, overlapping modulo filters); correct 6 — 6 without MLDSL0027 (the modulo pair rightly
/// gets MLDSL0019: readings interleave in time).</item>
/// <item>C, lags: buggy 7 — 3 caught on the assignment (ThenBy day, descending order reversed, descending sort
/// reversed in place), 1 on the value (Zip with the next day), 3 missed (indexed Select, negated ticks, a loop running
/// backwards; the last two with a false alarm beside the miss); correct 6 — 5 silent, 1 false alarm (negated ticks
/// taken for oldest first).</item>
/// </list>
/// </summary>
public sealed partial class FreshLeakageCasesQ
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Reading
        {
            [Timestamp] public DateTime At { get; init; }
            [Feature] public float Vibration { get; init; }
            [Feature] public float Temperature { get; init; }
            [Feature] public float Current { get; init; }
            [Label(Classes = 2)] public int Fault { get; init; }
        }

        [Model(typeof(Reading))]
        public sealed partial class ReadingNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record QuoteDay
        {
            [Timestamp] public DateTime Day { get; init; }
            [Feature] public float Volume { get; init; }
            [Feature] public float CloseLag1 { get; init; }
            [Feature] public float CloseLag5 { get; init; }
            [Label] public float Close { get; init; }
        }

        [Model(typeof(QuoteDay))]
        public sealed partial class QuoteNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record TrafficDay
        {
            [Timestamp] public DateTime Day { get; init; }
            [Feature] public float Campaign { get; init; }
            [Feature] public float VisitsLag1 { get; init; }
            [Feature] public float VisitsLag7 { get; init; }
            [Label] public float Visits { get; init; }
        }

        [Model(typeof(TrafficDay))]
        public sealed partial class TrafficNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        /// <summary>One ticker's trading day as the exchange's end-of-day file writes it.</summary>
        public sealed record Quote(string Ticker, DateTime Day, float Open, float Close, float Volume);

        /// <summary>A web shop's visits for one day, and whether a campaign ran (campaigns are planned weeks ahead).</summary>
        public sealed record DailyVisits(DateTime Day, float Visits, float Campaign);

        /// <summary>The exchange's end-of-day export.</summary>
        public static class Exchange
        {
            public static List<Quote> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new Quote(
                    f[0], DateTime.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3]), float.Parse(f[4]))).ToList();
        }

        /// <summary>The analytics export, one line per day.</summary>
        public static class Analytics
        {
            public static List<DailyVisits> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new DailyVisits(
                    DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))).ToList();
        }

        """;

    /// <summary>A whole program of several types, with the shared rows after it.</summary>
    private static string Program(string types) => Usings + types + Rows;

    /// <summary>Both leakage analyzers' diagnostics must be exactly <paramref name="expected"/> at the marks (<see cref="LeakageExpectation"/>).</summary>
    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
