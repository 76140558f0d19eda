using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set S, kind 3 (MLDSL0026 recall): every row copied twice into one collection before the split, in each shape C# offers —
/// two <c>Array.Copy</c> calls, two <c>CopyTo</c> calls, <c>AddRange</c> twice, <c>Concat(rows, rows)</c>,
/// <c>Enumerable.Repeat</c>, <c>SelectMany(r =&gt; new[] { r, r })</c>; beside disjoint parts copied into one array and one
/// copy of every row (a defensive copy), which multiply nothing.
/// </summary>
public sealed class SetSRowsCopiedTwiceTests
{
    private const string Rows = """

        [Dataset]
        public sealed partial record Meter
        {
            [Feature] public float MonthlyKwh { get; init; }
            [Feature] public float NightShare { get; init; }
            [Label(Classes = 2)] public int Theft { get; init; }
        }

        [Model(typeof(Meter))]
        public sealed partial class TheftNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        """;

    private static Task Expect(string body, params string[] expected) => LeakageExpectation.Expect(LeakageSources.AllUsings + """
        public static class TheftStudy
        {
            public static void Run(string path)
            {
                Meter[] meters = CsvFile.Read<Meter>(path).ToArray();
        """ + "\n" + body + "\n" + """
                var split = doubled.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TheftNet(seed: 1);
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """ + Rows, expected);

    [Fact]
    public Task Every_row_copied_twice_with_Array_Copy_is_reported() => Expect("""
                var doubled = new Meter[meters.Length * 2];
                Array.Copy(meters, 0, doubled, 0, meters.Length);
                {|#0:Array.Copy(meters, 0, doubled, meters.Length, meters.Length)|};
        """, "MLDSL0026");

    [Fact]
    public Task Every_row_copied_twice_with_CopyTo_is_reported() => Expect("""
                var doubled = new Meter[meters.Length * 2];
                meters.CopyTo(doubled, 0);
                {|#0:meters.CopyTo(doubled, meters.Length)|};
        """, "MLDSL0026");

    [Fact]
    public Task Every_row_added_twice_with_AddRange_is_reported() => Expect("""
                var doubled = new List<Meter>();
                doubled.AddRange(meters);
                {|#0:doubled.AddRange(meters)|};
        """, "MLDSL0026");

    [Fact]
    public Task Every_row_concatenated_with_itself_is_reported() => Expect("""
                var doubled = {|#0:Enumerable.Concat(meters, meters)|}.ToList();
        """, "MLDSL0026");

    [Fact]
    public Task Every_row_repeated_with_Enumerable_Repeat_is_reported() => Expect("""
                var doubled = {|#0:meters.SelectMany(m => Enumerable.Repeat(m, 2))|}.ToList();
        """, "MLDSL0026");

    [Fact]
    public Task Every_row_doubled_by_SelectMany_is_reported() => Expect("""
                var doubled = {|#0:meters.SelectMany(m => new[] { m, m })|}.ToList();
        """, "MLDSL0026");

    [Fact]
    public Task Every_row_copied_once_with_Array_Copy_stays_silent() => Expect("""
                var doubled = new Meter[meters.Length];
                Array.Copy(meters, doubled, meters.Length);
        """);

    [Fact]
    public Task Two_halves_copied_into_one_array_stay_silent() => Expect("""
                Meter[] first = meters[..(meters.Length / 2)];
                Meter[] second = meters[(meters.Length / 2)..];
                var doubled = new Meter[meters.Length];
                Array.Copy(first, 0, doubled, 0, first.Length);
                Array.Copy(second, 0, doubled, first.Length, second.Length);
        """);

    [Fact]
    public Task Every_row_copied_once_with_CopyTo_stays_silent() => Expect("""
                var doubled = new Meter[meters.Length];
                meters.CopyTo(doubled, 0);
        """);
}
