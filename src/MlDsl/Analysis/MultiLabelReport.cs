using System.Globalization;
using System.Text;
using MlDsl.Data;

namespace MlDsl.Analysis;

/// <summary>
/// How a multi-label model did: per label precision, recall and F1 (macro and micro averaged), the
/// share of rows whose whole label set was right (subset accuracy), the share of single label
/// decisions that were right (label-wise accuracy), and subset accuracy per [Slice] value.
/// </summary>
public sealed record MultiLabelReport(
    double SubsetAccuracy,
    double LabelAccuracy,
    IReadOnlyList<ClassMetrics> Labels,
    double MacroF1,
    double MicroF1,
    IReadOnlyList<SliceMetrics> Slices) : IEvaluationReport
{
    public IReadOnlyDictionary<string, double> Metrics => ClassMetrics.AddAll(new Dictionary<string, double>
    {
        ["subset_accuracy"] = SubsetAccuracy, ["label_accuracy"] = LabelAccuracy, ["macro_f1"] = MacroF1, ["micro_f1"] = MicroF1, ["bias_gap"] = BiasGap,
    }, Labels);

    /// <summary>Slice values with fewer rows are listed but not judged: they count neither in the bias gap nor in the gate's slice floors.</summary>
    public int MinSliceRows { get; init; } = 1;

    public IReadOnlyList<SliceScore> SliceScores => Slices.Where(slice => slice.Count >= MinSliceRows).Select(slice => new SliceScore(slice.Slice, slice.Value, "subset_accuracy", slice.Accuracy, slice.Count)).ToArray();

    public string Headline => string.Create(CultureInfo.InvariantCulture,
        $"subset accuracy {SubsetAccuracy * 100:F2}%, label accuracy {LabelAccuracy * 100:F2}%, micro F1 {MicroF1:F3}");

    public double BiasGap => SliceGroups.LargestGap(SliceScores);

    /// <param name="rows">The rows, with their true label sets and slices.</param>
    /// <param name="predicted">Per row, whether each label was predicted present.</param>
    /// <param name="labelNames">Names for the labels, in label-index order.</param>
    public static MultiLabelReport Compute<TRow>(IReadOnlyList<TRow> rows, IReadOnlyList<bool[]> predicted, IReadOnlyList<string>? labelNames = null)
        where TRow : IDatasetRow<TRow>
    {
        if (TRow.LabelKind != LabelKind.MultiLabel)
            throw new ArgumentException($"{typeof(TRow).Name} has a {TRow.LabelKind} label; MultiLabelReport needs a multi-label label", nameof(rows));
        if (rows.Count != predicted.Count) throw new ArgumentException($"{rows.Count} rows but {predicted.Count} predictions", nameof(predicted));
        int labels = TRow.ClassCount;
        bool[][] actual = rows.Select(Targets.LabelsOf).ToArray();

        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var perLabel = new List<ClassMetrics>();
        for (int l = 0; l < labels; l++)
        {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < rows.Count; i++)
            {
                if (predicted[i][l] && actual[i][l]) tp++;
                else if (predicted[i][l]) fp++;
                else if (actual[i][l]) fn++;
            }
            truePositives += tp; falsePositives += fp; falseNegatives += fn;
            perLabel.Add(new ClassMetrics(labelNames?[l] ?? l.ToString(CultureInfo.InvariantCulture), Ratio(tp, tp + fp), Ratio(tp, tp + fn), F1(tp, fp, fn), tp + fn));
        }
        bool Exact(int i) => actual[i].AsSpan().SequenceEqual(predicted[i]);
        double subset = rows.Count == 0 ? 0 : (double)Enumerable.Range(0, rows.Count).Count(Exact) / rows.Count;
        double labelWise = rows.Count == 0 ? 0 : Enumerable.Range(0, rows.Count).Sum(i => Enumerable.Range(0, labels).Count(l => actual[i][l] == predicted[i][l])) / ((double)rows.Count * labels);
        var slices = SliceGroups.Of(rows).Select(group => new SliceMetrics(group.Slice, group.Value, (double)group.Rows.Count(Exact) / group.Rows.Length, group.Rows.Length)).ToList();
        return new MultiLabelReport(subset, labelWise, perLabel, perLabel.Average(metrics => metrics.F1), F1(truePositives, falsePositives, falseNegatives), slices);
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static double F1(int truePositives, int falsePositives, int falseNegatives) =>
        truePositives == 0 ? 0 : 2.0 * truePositives / (2.0 * truePositives + falsePositives + falseNegatives);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"subset accuracy {SubsetAccuracy * 100:F2}%   label accuracy {LabelAccuracy * 100:F2}%   macro F1 {MacroF1:F3}   micro F1 {MicroF1:F3}\n");
        text.Append(CultureInfo.InvariantCulture, $"{"label",-12} {"precision",9} {"recall",9} {"F1",9} {"support",8}\n");
        foreach (ClassMetrics metrics in Labels)
            text.Append(CultureInfo.InvariantCulture, $"{metrics.Name,-12} {metrics.Precision,9:F3} {metrics.Recall,9:F3} {metrics.F1,9:F3} {metrics.Support,8}\n");
        foreach (var slice in Slices.GroupBy(slice => slice.Slice))
        {
            text.Append("subset accuracy by ").Append(slice.Key).Append('\n');
            foreach (SliceMetrics value in slice)
                text.Append(CultureInfo.InvariantCulture, $"  {value.Value,-14} {value.Accuracy * 100,7:F2}%  ({value.Count} rows{SliceGroups.Unjudged(value.Count, MinSliceRows)})\n");
        }
        return text.ToString();
    }
}
