using System.Globalization;
using System.Text;
using MlDsl.Data;

namespace MlDsl.Analysis;

/// <summary>
/// How a multi-label model did: per label precision, recall and F1 (macro and micro averaged), the
/// share of rows whose whole label set was right (subset accuracy), the share of single label
/// decisions that were right (label-wise accuracy), and subset accuracy per [Slice] value.
/// Undefined metrics (a zero denominator) are NaN, printed "undefined", "not measured" by the gate,
/// and left out of macro F1 (scikit-learn's <c>zero_division=np.nan</c>).
/// </summary>
public sealed record MultiLabelReport(
    double SubsetAccuracy,
    double LabelAccuracy,
    IReadOnlyList<ClassMetrics> Labels,
    double MacroF1,
    double MicroF1,
    IReadOnlyList<SliceMetrics> Slices) : IEvaluationReport
{
    public IReadOnlyDictionary<string, double> Metrics => ClassMetrics.AddAll(Averages.AddTo(new Dictionary<string, double>
    {
        ["subset_accuracy"] = SubsetAccuracy, ["label_accuracy"] = LabelAccuracy, ["macro_f1"] = MacroF1, ["micro_f1"] = MicroF1, ["f1_micro"] = MicroF1, ["bias_gap"] = BiasGap,
        ["precision_samples"] = PrecisionSamples, ["recall_samples"] = RecallSamples, ["f1_samples"] = F1Samples,
    }), Labels);

    /// <summary>Macro and support-weighted precision, recall and F1 over the labels.</summary>
    public AveragedScores Averages => AveragedScores.Of(Labels);

    /// <summary>
    /// Per row, the share of predicted labels that are right (precision), of true labels found (recall)
    /// and their F1, averaged over rows (scikit-learn's <c>average="samples"</c>); rows where a value is
    /// undefined (no predicted, or no true labels) are left out of its average.
    /// </summary>
    public double PrecisionSamples { get; init; } = double.NaN;

    public double RecallSamples { get; init; } = double.NaN;

    public double F1Samples { get; init; } = double.NaN;

    /// <summary>Slice values with fewer rows are listed but not judged: they count neither in the bias gap nor in the gate's slice floors.</summary>
    public int MinSliceRows { get; init; } = 1;

    public IReadOnlyList<SliceScore> SliceScores => Slices.Where(slice => slice.Count >= MinSliceRows).Select(slice => new SliceScore(slice.Slice, slice.Value, "subset_accuracy", slice.Accuracy, slice.Count)).ToArray();

    public string Headline =>
        $"subset accuracy {Undefined.Percent(SubsetAccuracy)}, label accuracy {Undefined.Percent(LabelAccuracy)}, micro F1 {Undefined.Show(MicroF1, "F3")}";

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
        bool[][] actual = ClassLabels.TargetsOf(rows).Select(target => target.Select(value => value > 0.5f).ToArray()).ToArray();
        for (int i = 0; i < predicted.Count; i++)
            if (predicted[i] is not { } row || row.Length != labels)
                throw new ArgumentException($"prediction {i} has {predicted[i]?.Length.ToString(CultureInfo.InvariantCulture) ?? "no"} label decisions; expected {labels}", nameof(predicted));

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
            perLabel.Add(new ClassMetrics(labelNames?[l] ?? l.ToString(CultureInfo.InvariantCulture), Undefined.Ratio(tp, tp + fp), Undefined.Ratio(tp, tp + fn), Undefined.F1(tp, fp, fn), tp + fn));
        }
        bool Exact(int i) => actual[i].AsSpan().SequenceEqual(predicted[i]);
        double subset = Undefined.Ratio(Enumerable.Range(0, rows.Count).Count(Exact), rows.Count);
        double labelWise = Undefined.Ratio(Enumerable.Range(0, rows.Count).Sum(i => Enumerable.Range(0, labels).Count(l => actual[i][l] == predicted[i][l])), (double)rows.Count * labels);
        var slices = SliceGroups.Of(rows).Select(group => new SliceMetrics(group.Slice, group.Value, (double)group.Rows.Count(Exact) / group.Rows.Length, group.Rows.Length)).ToList();
        // A label neither present nor predicted has no F1; macro F1 leaves it out (scikit-learn's zero_division=np.nan).
        var samples = Enumerable.Range(0, rows.Count).Select(i =>
        {
            int both = 0, predictedCount = 0, actualCount = 0;
            for (int l = 0; l < labels; l++)
            {
                if (predicted[i][l]) predictedCount++;
                if (actual[i][l]) actualCount++;
                if (predicted[i][l] && actual[i][l]) both++;
            }
            return (Precision: Undefined.Ratio(both, predictedCount), Recall: Undefined.Ratio(both, actualCount), F1: Undefined.F1(both, predictedCount - both, actualCount - both));
        }).ToArray();
        return new MultiLabelReport(subset, labelWise, perLabel, Undefined.MeanOfDefined(perLabel.Select(metrics => metrics.F1)),
            Undefined.F1(truePositives, falsePositives, falseNegatives), slices)
        {
            PrecisionSamples = Undefined.MeanOfDefined(samples.Select(sample => sample.Precision)),
            RecallSamples = Undefined.MeanOfDefined(samples.Select(sample => sample.Recall)),
            F1Samples = Undefined.MeanOfDefined(samples.Select(sample => sample.F1)),
        };
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"subset accuracy {Undefined.Percent(SubsetAccuracy)}   label accuracy {Undefined.Percent(LabelAccuracy)}   macro F1 {Undefined.Show(MacroF1, "F3")}   micro F1 {Undefined.Show(MicroF1, "F3")}\n");
        text.Append(CultureInfo.InvariantCulture, $"{"label",-12} {"precision",9} {"recall",9} {"F1",9} {"support",8}\n");
        foreach (ClassMetrics metrics in Labels)
            text.Append(CultureInfo.InvariantCulture, $"{metrics.Name,-12} {Undefined.Show(metrics.Precision, "F3", 9)} {Undefined.Show(metrics.Recall, "F3", 9)} {Undefined.Show(metrics.F1, "F3", 9)} {metrics.Support,8}\n");
        foreach (var slice in Slices.GroupBy(slice => slice.Slice))
        {
            text.Append("subset accuracy by ").Append(slice.Key).Append('\n');
            foreach (SliceMetrics value in slice)
                text.Append(CultureInfo.InvariantCulture, $"  {value.Value,-14} {value.Accuracy * 100,7:F2}%  ({value.Count} rows{SliceGroups.Unjudged(value.Count, MinSliceRows)})\n");
        }
        return text.ToString();
    }
}
