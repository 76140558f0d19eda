using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set S, kind 2 (MLDSL0016 precision): a count (or a mean of features) over the rows that share the row's <c>[GroupKey]</c>,
/// written as a filter by the key (<c>read.Count(x =&gt; x.Lot == w.Lot)</c>), is the per-group statistic of a
/// <c>GroupBy</c> on the key, which MLDSL0016's page keeps silent before a grouped split; before a split that is not grouped,
/// or reading the label, or filtered by a key that is not the group key, or with the key test under <c>||</c>, it is reported.
/// </summary>
public sealed class SetSCountsPerGroupKeyTests
{
    private const string Rows = """

        [Dataset]
        public sealed partial record ProbedWafer
        {
            [GroupKey] public string Lot { get; init; } = "";
            [Ignore] public string Tool { get; init; } = "";
            [Feature] public float LotSize { get; init; }
            [Feature] public float Thickness { get; init; }
            [Feature] public float EtchRate { get; init; }
            [Label(Classes = 2)] public int Pass { get; init; }
        }

        [Model(typeof(ProbedWafer))]
        public sealed partial class ProbeNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        """;

    private static Task Expect(string projection, string kind, params string[] expected) =>
        ExpectSplit(projection, "new SplitOptions { Kind = SplitKind." + kind + " }", expected);

    // The options are passed whole so that a test can mark them (MLDSL0019 is reported on them).
    private static Task ExpectSplit(string projection, string options, params string[] expected) => LeakageExpectation.Expect(LeakageSources.AllUsings + """
        public static class YieldStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<ProbedWafer> read = CsvFile.Read<ProbedWafer>(path);
        """ + "\n" + projection + "\n" + """
                var split = wafers.Split(
        """ + options + """
        );
                using var net = new ProbeNet(seed: 1);
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """ + Rows, expected);

    [Fact]
    public Task Lot_size_counted_by_the_key_written_first_or_second_before_a_grouped_split_stays_silent() => Expect("""
                List<ProbedWafer> wafers = read.Select(w => w with { LotSize = read.Count(x => w.Lot == x.Lot) }).ToList();
        """, "Grouped");

    [Fact]
    public Task Mean_thickness_of_the_lot_from_a_filter_by_the_key_before_a_grouped_split_stays_silent() => Expect("""
                List<ProbedWafer> wafers = read.Select(w => w with { LotSize = read.Where(x => x.Lot == w.Lot && x.Thickness > 0).Average(x => x.Thickness) }).ToList();
        """, "Grouped");

    // Two leaks, each reported: the count by the key learns from the rows the test part gets (MLDSL0016), and a stratified
    // split of rows with a [GroupKey] puts a lot's wafers on both sides (MLDSL0019, on the options).
    [Fact]
    public Task Lot_size_counted_by_the_key_before_a_stratified_split_is_reported() => ExpectSplit("""
                List<ProbedWafer> wafers = read.Select(w => w with { LotSize = {|#0:read.Count(x => x.Lot == w.Lot)|} }).ToList();
        """, "{|#1:new SplitOptions { Kind = SplitKind.Stratified }|}", "MLDSL0016", "MLDSL0019");

    [Fact]
    public Task Passing_wafers_of_the_lot_counted_before_a_grouped_split_are_reported() => Expect("""
                List<ProbedWafer> wafers = read.Select(w => w with { LotSize = {|#0:read.Count(x => x.Lot == w.Lot && x.Pass == 1)|} }).ToList();
        """, "Grouped", "MLDSL0016");

    [Fact]
    public Task Wafers_of_the_same_tool_counted_before_a_grouped_split_are_reported() => Expect("""
                List<ProbedWafer> wafers = read.Select(w => w with { LotSize = {|#0:read.Count(x => x.Tool == w.Tool)|} }).ToList();
        """, "Grouped", "MLDSL0016");

    [Fact]
    public Task Wafers_of_the_lot_or_thicker_counted_before_a_grouped_split_are_reported() => Expect("""
                List<ProbedWafer> wafers = read.Select(w => w with { LotSize = {|#0:read.Count(x => x.Lot == w.Lot || x.Thickness > w.Thickness)|} }).ToList();
        """, "Grouped", "MLDSL0016");
}
