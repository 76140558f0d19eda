using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Leftover kind 3 (MLDSL0017, not MLDSL0016): a per-row count or sum of a patient's readmissions over the visits up to and
/// including the visit's own date (<c>&lt;=</c>, <c>&gt;=</c>, <c>==</c>, no strict bound) reads the visit's own label, in-sample
/// target encoding as MLDSL0016's page says; reported on the count. Strictly earlier visits stay silent; a count that reads
/// no outcome stays a statistic (MLDSL0016).
/// </summary>
public sealed partial class LeftoverKindTests
{
    private const string VisitRows = """

        [Dataset]
        public sealed partial record WardVisit
        {
            [Timestamp] public DateTime Admitted { get; init; }
            [Feature] public float Age { get; init; }
            [Feature] public float PriorReadmissions { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(WardVisit))]
        public sealed partial class WardNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public sealed record RawVisit(string Patient, DateTime Admitted, float Age, int Readmitted);

        public static class Admissions
        {
            public static List<RawVisit> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new RawVisit(f[0], DateTime.Parse(f[1]),
                    float.Parse(f[2]), int.Parse(f[3]))).ToList();
        }

        """;

    private static Task ExpectVisits(string prior, params string[] expected) => LeakageExpectation.Expect(LeakageSources.AllUsings + """
        public static class WardStudy
        {
            public static void Run(string path)
            {
                List<RawVisit> raw = Admissions.Load(path);
                List<WardVisit> visits = raw.Select(r => new WardVisit
                {
                    Admitted = r.Admitted,
                    Age = r.Age,
                    PriorReadmissions =
        """ + " " + prior + """
        ,
                    Readmitted = r.Readmitted,
                }).ToList();
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new WardNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """ + VisitRows, expected);

    [Fact]
    public Task Readmissions_counted_up_to_and_including_the_visit_are_reported() => ExpectVisits(
        "{|#0:raw.Count(v => v.Patient == r.Patient && v.Admitted <= r.Admitted && v.Readmitted == 1)|}", "MLDSL0017");

    [Fact]
    public Task Readmissions_summed_over_a_filter_written_the_other_way_round_are_reported() => ExpectVisits(
        "{|#0:raw.Where(v => v.Patient == r.Patient && r.Admitted >= v.Admitted).Sum(v => v.Readmitted)|}", "MLDSL0017");

    [Fact]
    public Task Readmissions_on_the_same_day_counted_are_reported() => ExpectVisits(
        "{|#0:raw.Count(v => v.Patient == r.Patient && v.Admitted == r.Admitted && v.Readmitted == 1)|}", "MLDSL0017");

    [Fact]
    public Task Readmissions_counted_over_strictly_earlier_visits_stay_silent() => ExpectVisits(
        "raw.Count(v => v.Patient == r.Patient && v.Admitted < r.Admitted && v.Readmitted == 1)");

    [Fact]
    public Task Readmissions_summed_over_strictly_earlier_visits_written_the_other_way_round_stay_silent() => ExpectVisits(
        "raw.Where(v => v.Patient == r.Patient && r.Admitted > v.Admitted).Sum(v => v.Readmitted)");

    // No outcome read: a count of the patient's visits so far is a statistic of the rows, as before.
    [Fact]
    public Task Visits_counted_up_to_and_including_the_visit_stay_a_statistic() => ExpectVisits(
        "{|#0:raw.Count(v => v.Patient == r.Patient && v.Admitted <= r.Admitted)|}", "MLDSL0016");
}
