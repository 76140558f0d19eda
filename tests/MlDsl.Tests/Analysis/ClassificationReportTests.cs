using MlDsl.Analysis;
using MlDsl.Tests.Data;

namespace MlDsl.Tests.Analysis;

public sealed class ClassificationReportTests
{
    private static Visit Row(int sick, string clinic) => new() { Sick = sick, Clinic = clinic };

    // Actual:    1 1 1 0 0 0 0 0   (clinics n n s s s s n n)
    // Predicted: 1 1 0 0 0 1 0 0
    private static readonly Visit[] Rows =
    {
        Row(1, "north"), Row(1, "north"), Row(1, "south"), Row(0, "south"),
        Row(0, "south"), Row(0, "south"), Row(0, "north"), Row(0, "north"),
    };

    private static readonly int[] Predicted = { 1, 1, 0, 0, 0, 1, 0, 0 };

    [Fact]
    public void Slice_values_with_too_few_rows_are_listed_but_not_judged()
    {
        // North 4 of 4 right, south 2 of 4, and one east visit predicted wrong: 0% on a single row.
        Visit[] rows = Rows.Append(Row(1, "east")).ToArray();
        int[] predicted = Predicted.Append(0).ToArray();

        ClassificationReport all = ClassificationReport.Compute(rows, predicted);
        ClassificationReport judged = all with { MinSliceRows = 2 };

        Assert.Equal(1.0, all.BiasGap, 10);
        Assert.Equal(0.5, judged.BiasGap, 10);
        Assert.Equal(new[] { "north", "south" }, judged.SliceScores.Select(score => score.Value));
        Assert.Contains("(1 rows, fewer than 2: not judged)", judged.ToString());
        Assert.True(new MlDsl.Deployment.Gate().MinimumSliceAccuracy(0.5).Check(judged).Passed);
        Assert.False(new MlDsl.Deployment.Gate().MinimumSliceAccuracy(0.5).Check(all).Passed);
    }

    [Fact]
    public void Macro_f1_averages_only_the_classes_that_occur()
    {
        // Only healthy rows, one predicted sick: "sick" occurs in the predictions (F1 0), a third class nowhere.
        Visit[] rows = { Row(0, "north"), Row(0, "north"), Row(0, "south") };

        ClassificationReport report = ClassificationReport.Compute(rows, new[] { 0, 0, 1 }, new[] { "healthy", "sick" });

        Assert.Equal((0.8 + 0) / 2, report.MacroF1, 10); // healthy: precision 1, recall 2/3
        ClassificationReport clean = ClassificationReport.Compute(rows, new[] { 0, 0, 0 }, new[] { "healthy", "sick" });
        Assert.Equal(1.0, clean.MacroF1, 10); // sick occurs nowhere: not averaged in as a zero
    }

    [Fact]
    public void Metrics_match_a_hand_computed_confusion_matrix()
    {
        ClassificationReport report = ClassificationReport.Compute(Rows, Predicted, new[] { "healthy", "sick" });

        Assert.Equal(6.0 / 8, report.Accuracy);
        Assert.Equal(new[,] { { 4, 1 }, { 1, 2 } }, report.Confusion);
        ClassMetrics sick = report.Classes[1];
        Assert.Equal(("sick", 2.0 / 3, 2.0 / 3, 3), (sick.Name, sick.Precision, sick.Recall, sick.Support));
        Assert.Equal(0.8, report.Classes[0].F1, 10);
        Assert.Equal((0.8 + 2.0 / 3) / 2, report.MacroF1, 10);
        Assert.Equal(report.Accuracy, report.MicroF1);
    }

    [Fact]
    public void Accuracy_is_broken_down_by_slice_with_the_bias_gap()
    {
        ClassificationReport report = ClassificationReport.Compute(Rows, Predicted);

        Assert.Equal(new[] { ("Clinic", "north", 1.0, 4), ("Clinic", "south", 0.5, 4) },
            report.Slices.Select(slice => (slice.Slice, slice.Value, slice.Accuracy, slice.Count)));
        Assert.Equal(0.5, report.BiasGap);
        Assert.Equal("south", report.WorstSlice!.Value);
        Assert.Contains("bias gap (largest accuracy difference within a slice): 50.00 points", report.ToString());
    }

    [Fact]
    public void Slices_too_small_to_judge_by_are_left_out_and_ties_go_to_overall_accuracy()
    {
        // The eight rows above plus one east visit (sick). "steady" misses only the east visit: 8/9,
        // north 4/4, south 4/4, east 0/1. "patchy" misses one north and one south visit: 7/9, north 3/4,
        // south 3/4, east 1/1. Listed first, so a tie on every key would go to "patchy".
        Visit[] rows = Rows.Append(Row(1, "east")).ToArray();
        var candidates = new[]
        {
            new Candidate<string>("patchy", "a", ClassificationReport.Compute(rows, new[] { 1, 1, 1, 0, 0, 1, 1, 0, 1 })),
            new Candidate<string>("steady", "b", ClassificationReport.Compute(rows, new[] { 1, 1, 1, 0, 0, 0, 0, 0, 0 })),
        };
        string Chosen(int minimumSliceRows) => RobustSelection.BestWorstSlice(candidates, tolerance: 0.2, minimumSliceRows).Chosen.Name;

        Assert.Equal("patchy", Chosen(minimumSliceRows: 1)); // the single east visit counts: steady's worst slice is 0%
        Assert.Equal("steady", Chosen(minimumSliceRows: 2)); // east left out: steady's worst slice is 100%, patchy's 75%
        Assert.Equal("steady", Chosen(minimumSliceRows: 5)); // no slice counts: 8/9 overall beats 7/9
        Assert.Contains("steady: 88.89% overall, worst slice Clinic=north at 100.00%", RobustSelection.BestWorstSlice(candidates, 0.2, minimumSliceRows: 2).Reason);
    }

    [Fact]
    public void The_most_robust_of_the_nearly_best_candidates_is_chosen_and_explained()
    {
        ClassificationReport Report(params int[] predicted) => ClassificationReport.Compute(Rows, predicted);
        var candidates = new[]
        {
            new Candidate<string>("sharp", "a", Report(1, 1, 1, 0, 0, 1, 0, 1)),   // 6/8, north 3/4, south 3/4
            new Candidate<string>("lopsided", "b", Report(1, 1, 0, 0, 0, 1, 0, 0)), // 6/8, north 4/4, south 2/4
            new Candidate<string>("weak", "c", Report(0, 0, 0, 0, 0, 0, 0, 0)),     // 5/8
        };

        Selection<string> selection = RobustSelection.BestWorstSlice(candidates, tolerance: 0.05, minimumSliceRows: 4);

        Assert.Equal("sharp", selection.Chosen.Name);
        Assert.StartsWith("chose sharp: of the 2 candidates within 5.0 points of the best validation accuracy (75.00%), it has the best worst slice", selection.Reason);
        Assert.Contains("weak: 62.50% overall, worst slice Clinic=north at 50.00% (not within tolerance)", selection.Reason);
    }
}

public sealed class RocAucTests
{
    [Fact]
    public void Area_under_roc_is_the_share_of_correctly_ordered_positive_negative_pairs()
    {
        // Pairs (positive, negative): (0.35, 0.1) right, (0.35, 0.4) wrong, (0.8, 0.1) right, (0.8, 0.4) right -> 3/4.
        Assert.Equal(0.75, MlDsl.Analysis.ClassificationReport.AreaUnderRoc(new[] { false, false, true, true }, new[] { 0.1, 0.4, 0.35, 0.8 }));
        Assert.Equal(0.5, MlDsl.Analysis.ClassificationReport.AreaUnderRoc(new[] { false, true }, new[] { 0.3, 0.3 }));
        Assert.Null(MlDsl.Analysis.ClassificationReport.AreaUnderRoc(new[] { true, true }, new[] { 0.3, 0.6 }));
    }
}
