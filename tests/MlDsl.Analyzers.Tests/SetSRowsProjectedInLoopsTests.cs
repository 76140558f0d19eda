using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set S, kind 1 (MLDSL0026 precision): a loop that builds one new row per raw record — a <c>while</c> or <c>do</c> loop
/// moving its own counter, a <c>for</c>, a <c>foreach</c>, an iterator's <c>yield return</c> — projects the records, it
/// copies none; two Adds per record, an Add inside a nested loop over a repeat count, or the same row added on every pass
/// of a counting loop still multiply the rows.
/// </summary>
public sealed class SetSRowsProjectedInLoopsTests
{
    private const string Rows = """

        [Dataset]
        public sealed partial record PvHour
        {
            [Timestamp] public DateTime Hour { get; init; }
            [Feature] public float Irradiance { get; init; }
            [Feature] public float PanelTemp { get; init; }
            [Label] public float OutputKw { get; init; }
        }

        [Model(typeof(PvHour))]
        public sealed partial class PvNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        public sealed record RawPv(DateTime Hour, float Irradiance, float PanelTemp, float OutputKw);

        public static class Inverter
        {
            public static List<RawPv> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new RawPv(DateTime.Parse(f[0]),
                    float.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3]))).ToList();
        }

        """;

    private static Task Expect(string body, params string[] expected) => LeakageExpectation.Expect(LeakageSources.AllUsings + """
        public static class PvStudy
        {
            public static void Run(string path)
            {
                List<RawPv> raw = Inverter.Load(path);
        """ + "\n" + body + "\n" + """
                var (train, validation, test) = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new PvNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """ + Rows, expected);

    [Fact]
    public Task One_row_per_record_in_a_do_while_loop_stays_silent() => Expect("""
                var hours = new List<PvHour>();
                int i = 0;
                do
                {
                    hours.Add(new PvHour { Hour = raw[i].Hour, Irradiance = raw[i].Irradiance, PanelTemp = raw[i].PanelTemp, OutputKw = raw[i].OutputKw });
                    i += 1;
                }
                while (i < raw.Count);
        """);

    [Fact]
    public Task One_row_per_record_in_a_while_loop_with_the_counter_moved_in_its_condition_stays_silent() => Expect("""
                var hours = new List<PvHour>();
                int i = -1;
                while (++i < raw.Count)
                    hours.Add(new PvHour { Hour = raw[i].Hour, Irradiance = raw[i].Irradiance, PanelTemp = raw[i].PanelTemp, OutputKw = raw[i].OutputKw });
        """);

    [Fact]
    public Task One_row_per_record_in_for_and_foreach_loops_stays_silent() => Expect("""
                var hours = new List<PvHour>();
                for (int i = 0; i < raw.Count / 2; i++)
                    hours.Add(new PvHour { Hour = raw[i].Hour, Irradiance = raw[i].Irradiance, PanelTemp = raw[i].PanelTemp, OutputKw = raw[i].OutputKw });
                foreach (RawPv r in raw.Skip(raw.Count / 2))
                    hours.Add(new PvHour { Hour = r.Hour, Irradiance = r.Irradiance, PanelTemp = r.PanelTemp, OutputKw = r.OutputKw });
        """);

    [Fact]
    public Task One_row_per_record_yielded_by_an_iterator_with_a_while_loop_stays_silent() => LeakageExpectation.Expect(LeakageSources.AllUsings + """
        public static class PvStudy
        {
            private static IEnumerable<PvHour> Hours(List<RawPv> raw)
            {
                int i = 0;
                while (i < raw.Count)
                {
                    yield return new PvHour { Hour = raw[i].Hour, Irradiance = raw[i].Irradiance, PanelTemp = raw[i].PanelTemp, OutputKw = raw[i].OutputKw };
                    i++;
                }
            }

            public static void Run(string path)
            {
                List<PvHour> hours = Hours(Inverter.Load(path)).ToList();
                var (train, validation, test) = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new PvNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """ + Rows);

    [Fact]
    public Task Two_rows_per_record_in_a_while_loop_are_reported() => Expect("""
                var hours = new List<PvHour>();
                int i = 0;
                while (i < raw.Count)
                {
                    var hour = new PvHour { Hour = raw[i].Hour, Irradiance = raw[i].Irradiance, PanelTemp = raw[i].PanelTemp, OutputKw = raw[i].OutputKw };
                    hours.Add(hour);
                    {|#0:hours.Add(hour with { Irradiance = hour.Irradiance * 1.01f })|};
                    i++;
                }
        """, "MLDSL0026");

    [Fact]
    public Task A_record_added_in_a_nested_repeat_loop_inside_a_while_loop_is_reported() => Expect("""
                var hours = new List<PvHour>();
                int i = 0;
                while (i < raw.Count)
                {
                    var hour = new PvHour { Hour = raw[i].Hour, Irradiance = raw[i].Irradiance, PanelTemp = raw[i].PanelTemp, OutputKw = raw[i].OutputKw };
                    int copy = 0;
                    while (copy < 3)
                    {
                        {|#0:hours.Add(hour)|};
                        copy++;
                    }
                    i++;
                }
        """, "MLDSL0026");

    [Fact]
    public Task The_same_rows_fetched_afresh_and_added_on_every_pass_of_a_counting_while_loop_are_reported() => Expect("""
                List<PvHour> once = raw.Select(r => new PvHour { Hour = r.Hour, Irradiance = r.Irradiance, PanelTemp = r.PanelTemp, OutputKw = r.OutputKw }).ToList();
                var hours = new List<PvHour>();
                List<PvHour> batch = new();
                int pass = 0;
                while (pass < 3)
                {
                    batch = once;
                    {|#0:hours.AddRange(batch)|};
                    pass++;
                }
        """, "MLDSL0026");

    [Fact]
    public Task The_same_rows_added_on_every_pass_of_a_counting_while_loop_are_reported() => Expect("""
                List<PvHour> once = raw.Select(r => new PvHour { Hour = r.Hour, Irradiance = r.Irradiance, PanelTemp = r.PanelTemp, OutputKw = r.OutputKw }).ToList();
                var hours = new List<PvHour>();
                int pass = 0;
                while (pass < 3)
                {
                    {|#0:hours.AddRange(once)|};
                    pass++;
                }
        """, "MLDSL0026");
}
