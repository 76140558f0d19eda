using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// MLDSL0016 for running statistics written as plain assignments in a loop over rows: a minimum or maximum kept with
/// <c>Math.Min</c>/<c>Math.Max</c>, a conditional or an <c>if</c>, and a total written out (<c>sum = sum + r.X</c>), used to
/// rescale rows before the split — reported where the statistic enters a row, as running totals are. The same loops over
/// the training part, over one row's own readings, or whose result is only printed stay silent. Both analyzers run.
/// </summary>
public sealed class RunningMinimaAndMaximaTests
{
    private const string Rows = """

        [Dataset]
        public sealed partial record FieldSeason
        {
            [Feature] public float Rainfall { get; init; }
            [Feature] public float Nitrogen { get; init; }
            [Feature] public float Peak { get; init; }
            [Ignore] public float[] Readings { get; init; } = [];
            [Label] public float Yield { get; init; }
        }

        [Model(typeof(FieldSeason))]
        public sealed partial class CropNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        """;

    private static string Program(string main) => LeakageSources.AllUsings + """
        public static class Notebook
        {
            public static void Main()
            {
                MAIN
            }
        }
        """.Replace("MAIN", main) + Rows;

    private const string SplitAndScore = """
        var split = scaled.Split(new SplitOptions { Kind = SplitKind.Random });
        using var model = new CropNet();
        model.Fit(split.Train, split.Validation);
        Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
        """;

    [Fact]
    public Task Bounds_kept_with_Math_Min_and_Max_in_a_foreach_over_every_row_are_reported_where_they_rescale() => LeakageExpectation.Expect(Program("""
        var fields = CsvFile.Read<FieldSeason>("fields.csv");
        float low = float.MaxValue, high = float.MinValue;
        foreach (FieldSeason f in fields)
        {
            low = Math.Min(low, f.Rainfall);
            high = Math.Max(high, f.Rainfall);
        }
        var scaled = fields.Select(f => f with { Rainfall = {|#0:(f.Rainfall - low) / (high - low)|} }).ToList();
        """ + SplitAndScore), "MLDSL0016");

    [Fact]
    public Task A_maximum_kept_by_an_if_in_an_index_loop_is_reported() => LeakageExpectation.Expect(Program("""
        var fields = CsvFile.Read<FieldSeason>("fields.csv");
        float most = 0;
        for (int i = 0; i < fields.Count; i++)
            if (fields[i].Nitrogen > most) most = fields[i].Nitrogen;
        var scaled = fields.Select(f => f with { Nitrogen = {|#0:f.Nitrogen / most|} }).ToList();
        """ + SplitAndScore), "MLDSL0016");

    [Fact]
    public Task A_maximum_kept_by_a_conditional_and_a_total_written_out_are_reported() => LeakageExpectation.Expect(Program("""
        var fields = CsvFile.Read<FieldSeason>("fields.csv");
        float most = 0, total = 0;
        foreach (var f in fields)
        {
            most = f.Nitrogen > most ? f.Nitrogen : most;
            total = total + f.Rainfall;
        }
        float mean = total / fields.Count;
        var scaled = fields.Select(f => f with { Nitrogen = {|#0:f.Nitrogen / most|}, Rainfall = {|#1:f.Rainfall - mean|} }).ToList();
        """ + SplitAndScore), "MLDSL0016", "MLDSL0016");

    [Fact]
    public Task Fix_bounds_kept_over_the_training_part_and_applied_to_every_part_are_silent() => LeakageExpectation.Expect(Program("""
        var split = CsvFile.Read<FieldSeason>("fields.csv").Split(new SplitOptions { Kind = SplitKind.Random });
        float low = float.MaxValue, high = float.MinValue;
        foreach (FieldSeason f in split.Train)
        {
            low = Math.Min(low, f.Rainfall);
            high = Math.Max(high, f.Rainfall);
        }
        FieldSeason Scale(FieldSeason f) => f with { Rainfall = (f.Rainfall - low) / (high - low) };
        var train = split.Train.Select(Scale).ToList();
        var validation = split.Validation.Select(Scale).ToList();
        var test = split.Test.Select(Scale).ToList();
        using var model = new CropNet();
        model.Fit(train, validation);
        Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
        """));

    [Fact]
    public Task A_peak_over_one_rows_own_readings_is_no_statistic_of_the_rows() => LeakageExpectation.Expect(Program("""
        var fields = CsvFile.Read<FieldSeason>("fields.csv");
        var scaled = fields.Select(f =>
        {
            float peak = float.MinValue;
            foreach (float reading in f.Readings) peak = Math.Max(peak, reading);
            return f with { Peak = peak };
        }).ToList();
        """ + SplitAndScore));

    [Fact]
    public Task Bounds_over_every_row_only_printed_are_silent() => LeakageExpectation.Expect(Program("""
        var fields = CsvFile.Read<FieldSeason>("fields.csv");
        float low = float.MaxValue, high = float.MinValue;
        foreach (var f in fields) { low = Math.Min(low, f.Rainfall); high = Math.Max(high, f.Rainfall); }
        Console.WriteLine($"rainfall from {low} to {high}");
        var scaled = fields;
        """ + SplitAndScore));
}
