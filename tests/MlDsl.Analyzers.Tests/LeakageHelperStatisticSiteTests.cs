using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixV's kind 4: statistics a helper method or a local function accumulates by hand (running sums in a loop) are
/// learned by the call that gives it the rows, so a leak is reported at that call (MLDSL0016), where the fix goes (give
/// it the training rows); written inline, a running total is still reported where it enters a row. Statistics learned
/// from the training part, or only printed, are silent. Both leakage analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed class LeakageHelperStatisticSiteTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Wine
        {
            [Feature] public float Sulphates { get; init; }
            [Feature] public float Alcohol { get; init; }
            [Label] public float Quality { get; init; }
        }

        [Model(typeof(Wine))]
        public sealed partial class WineNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        public static class Statistics
        {
            public static (float Mean, float Sd) Moments(IEnumerable<Wine> rows)
            {
                double sum = 0, squares = 0; int n = 0;
                foreach (var w in rows) { sum += w.Sulphates; squares += w.Sulphates * w.Sulphates; n++; }
                double mean = sum / n;
                return ((float)mean, (float)Math.Sqrt(squares / n - mean * mean));
            }
        }

        """;

    private static string Program(string main) => Usings + """
        public static class Notebook
        {
            public static void Main()
            {
                var wines = CsvFile.Read<Wine>("wines.csv");
                MAIN
            }
        }
        """.Replace("MAIN", main) + Rows;

    [Fact]
    public Task Running_sums_of_a_helper_over_every_wine_are_reported_at_its_call() => LeakageExpectation.Expect(Program("""
        var (mean, sd) = {|#0:Statistics.Moments(wines)|};
        var scaled = wines.Select(w => w with { Sulphates = (w.Sulphates - mean) / sd }).ToList();
        var (train, validation, test) = scaled.Split();
        using var net = new WineNet();
        net.Fit(train, validation);
        Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
        """), "MLDSL0016");

    [Fact]
    public Task Running_sums_of_a_helper_over_the_training_part_are_silent() => LeakageExpectation.Expect(Program("""
        var (train, validation, test) = wines.Split();
        var (mean, sd) = Statistics.Moments(train);
        List<Wine> Scale(IEnumerable<Wine> part) => part.Select(w => w with { Sulphates = (w.Sulphates - mean) / sd }).ToList();
        using var net = new WineNet();
        net.Fit(Scale(train), Scale(validation));
        Console.WriteLine(net.Evaluate(Scale(test)).MeanAbsoluteError);
        """));

    [Fact]
    public Task Running_sums_of_a_helper_over_every_wine_only_printed_are_silent() => LeakageExpectation.Expect(Program("""
        var (mean, sd) = Statistics.Moments(wines);
        Console.WriteLine($"sulphates {mean:F2} ± {sd:F2}");
        var (train, validation, test) = wines.Split();
        using var net = new WineNet();
        net.Fit(train, validation);
        Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
        """));

    [Fact]
    public Task Running_sums_written_inline_are_reported_where_they_enter_a_row() => LeakageExpectation.Expect(Program("""
        double sum = 0; int n = 0;
        foreach (var w in wines) { sum += w.Sulphates; n++; }
        var scaled = wines.Select(w => w with { Sulphates = {|#0:w.Sulphates - (float)(sum / n)|} }).ToList();
        var (train, validation, test) = scaled.Split();
        using var net = new WineNet();
        net.Fit(train, validation);
        Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
        """), "MLDSL0016");
}
