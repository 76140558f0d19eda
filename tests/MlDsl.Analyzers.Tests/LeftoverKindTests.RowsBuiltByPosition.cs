using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Leftover kind 1 (MLDSL0026 precision): rows built one per record by a counting <c>for</c> over the first positions
/// (<c>new PvHour { ... raw[i] ... }</c>, <c>i &lt; half</c>) and the rest added from <c>raw.Skip(half)</c>, <c>raw[half..]</c>,
/// <c>GetRange</c> or a second loop from <c>half</c> are disjoint slices of the records, not copies; two loops over positions
/// that overlap still add some records twice.
/// </summary>
public sealed partial class LeftoverKindTests
{
    private const string PvRows = """

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

    private static Task ExpectPv(string body, params string[] expected) => LeakageExpectation.Expect(LeakageSources.AllUsings + """
        public static class PvStudy
        {
            public static void Run(string path)
            {
                List<RawPv> raw = Inverter.Load(path);
                int half = raw.Count / 2;
                var hours = new List<PvHour>();
                for (int i = 0; i < half; i++)
                    hours.Add(new PvHour { Hour = raw[i].Hour, Irradiance = raw[i].Irradiance, PanelTemp = raw[i].PanelTemp, OutputKw = raw[i].OutputKw });
        """ + "\n" + body + "\n" + """
                var (train, validation, test) = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new PvNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """ + PvRows, expected);

    [Fact]
    public Task Rest_of_the_records_added_from_the_same_position_by_a_second_loop_stays_silent() => ExpectPv("""
                for (int j = half; j < raw.Count; j++)
                    hours.Add(new PvHour { Hour = raw[j].Hour, Irradiance = raw[j].Irradiance, PanelTemp = raw[j].PanelTemp, OutputKw = raw[j].OutputKw });
        """);

    [Fact]
    public Task Rest_of_the_records_added_from_a_skip_stays_silent() => ExpectPv("""
                foreach (RawPv r in raw.Skip(half))
                    hours.Add(new PvHour { Hour = r.Hour, Irradiance = r.Irradiance, PanelTemp = r.PanelTemp, OutputKw = r.OutputKw });
        """);

    [Fact]
    public Task Rest_of_the_records_added_from_a_range_stays_silent() => ExpectPv("""
                foreach (RawPv r in raw[half..])
                    hours.Add(new PvHour { Hour = r.Hour, Irradiance = r.Irradiance, PanelTemp = r.PanelTemp, OutputKw = r.OutputKw });
        """);

    [Fact]
    public Task Rest_of_the_records_added_from_a_get_range_stays_silent() => ExpectPv("""
                foreach (RawPv r in raw.GetRange(half, raw.Count - half))
                    hours.Add(new PvHour { Hour = r.Hour, Irradiance = r.Irradiance, PanelTemp = r.PanelTemp, OutputKw = r.OutputKw });
        """);

    [Fact]
    public Task Every_record_added_again_after_the_first_half_is_reported() => ExpectPv("""
                foreach (RawPv r in raw)
                    {|#0:hours.Add(new PvHour { Hour = r.Hour, Irradiance = r.Irradiance, PanelTemp = r.PanelTemp, OutputKw = r.OutputKw })|};
        """, "MLDSL0026");

    [Fact]
    public Task A_second_loop_starting_a_day_before_the_half_is_reported() => ExpectPv("""
                for (int j = half - 24; j < raw.Count; j++)
                    {|#0:hours.Add(new PvHour { Hour = raw[j].Hour, Irradiance = raw[j].Irradiance, PanelTemp = raw[j].PanelTemp, OutputKw = raw[j].OutputKw })|};
        """, "MLDSL0026");

    [Fact]
    public Task A_skip_of_fewer_records_than_the_first_loop_added_is_reported() => ExpectPv("""
                foreach (RawPv r in raw.Skip(half - 24))
                    {|#0:hours.Add(new PvHour { Hour = r.Hour, Irradiance = r.Irradiance, PanelTemp = r.PanelTemp, OutputKw = r.OutputKw })|};
        """, "MLDSL0026");

    // The row built at i reads the record at i + 1 too: it is not one element's row, so the loops are not compared by position.
    [Fact]
    public Task A_row_built_from_two_positions_is_not_read_as_one_slice() => ExpectPv("""
                for (int j = half; j < raw.Count - 1; j++)
                    {|#0:hours.Add(new PvHour { Hour = raw[j].Hour, Irradiance = raw[j + 1].Irradiance, PanelTemp = raw[j].PanelTemp, OutputKw = raw[j].OutputKw })|};
        """, "MLDSL0026");
}
