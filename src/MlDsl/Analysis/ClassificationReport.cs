using System.Globalization;
using System.Text;
using MlDsl.Data;

namespace MlDsl.Analysis;

/// <summary>
/// Precision, recall and F1 of one class, and how many rows truly belong to it. A value whose
/// denominator is zero is NaN (undefined): precision of a class never predicted, recall of a class
/// with no rows, F1 of a class neither present nor predicted.
/// </summary>
public sealed record ClassMetrics(string Name, double Precision, double Recall, double F1, int Support)
{
    /// <summary>Adds <c>precision/&lt;name&gt;</c>, <c>recall/&lt;name&gt;</c> and <c>f1/&lt;name&gt;</c> for every class to <paramref name="metrics"/>.</summary>
    internal static Dictionary<string, double> AddAll(Dictionary<string, double> metrics, IEnumerable<ClassMetrics> classes)
    {
        foreach (ClassMetrics metric in classes)
        {
            metrics[$"precision/{metric.Name}"] = metric.Precision;
            metrics[$"recall/{metric.Name}"] = metric.Recall;
            metrics[$"f1/{metric.Name}"] = metric.F1;
        }
        return metrics;
    }
}

/// <summary>Accuracy of the rows sharing one value of a [Slice] member.</summary>
public sealed record SliceMetrics(string Slice, string Value, double Accuracy, int Count);

/// <summary>
/// How a classifier did: accuracy, per-class precision/recall/F1 (macro and micro), the confusion
/// matrix, accuracy for every value of every [Slice], and the largest gap between slice values.
/// Undefined metrics (a zero denominator) are NaN, printed "undefined", and "not measured" by the
/// gate; macro F1 averages the defined per-class F1 values (scikit-learn's <c>zero_division=np.nan</c>).
/// </summary>
public sealed record ClassificationReport(
    double Accuracy,
    IReadOnlyList<ClassMetrics> Classes,
    double MacroF1,
    double MicroF1,
    int[,] Confusion,
    IReadOnlyList<SliceMetrics> Slices,
    double? RocAuc = null) : IEvaluationReport
{
    public IReadOnlyDictionary<string, double> Metrics
    {
        get
        {
            var metrics = new Dictionary<string, double>
            {
                ["accuracy"] = Accuracy, ["balanced_accuracy"] = BalancedAccuracy, ["macro_f1"] = MacroF1, ["micro_f1"] = MicroF1, ["f1_micro"] = MicroF1, ["bias_gap"] = BiasGap,
            };
            Averages.AddTo(metrics);
            if (RocAuc is { } auc) metrics["roc_auc"] = auc;
            if (LogLoss is { } logLoss) metrics["log_loss"] = logLoss;
            if (PrecisionRecall is { } curve) metrics["average_precision"] = curve.AveragePrecision;
            if (Calibration is { } calibration) metrics["expected_calibration_error"] = calibration.ExpectedCalibrationError;
            return ClassMetrics.AddAll(metrics, Classes);
        }
    }

    /// <summary>Slice values with fewer rows are listed but not judged: they count neither in the bias gap nor in the gate's slice floors.</summary>
    public int MinSliceRows { get; init; } = 1;

    /// <summary>
    /// The mean recall of the classes that have rows (scikit-learn's <c>balanced_accuracy_score</c>): what
    /// accuracy would be if every class were equally common, so a majority-class answer scores 1 / C.
    /// </summary>
    public double BalancedAccuracy => Undefined.MeanOfDefined(Classes.Select(c => c.Recall));

    /// <summary>Macro and support-weighted precision, recall and F1.</summary>
    public AveragedScores Averages => AveragedScores.Of(Classes);

    /// <summary>Cross-entropy of the predicted probabilities (scikit-learn's <c>log_loss</c>); null without probabilities.</summary>
    public double? LogLoss { get; init; }

    /// <summary>The positive class's precision–recall curve and average precision (binary labels with probabilities; null otherwise, or without positive rows).</summary>
    public PrecisionRecallCurve? PrecisionRecall { get; init; }

    /// <summary>Reliability of the predicted class's probability in 10 bins and its expected calibration error (with probabilities; null otherwise).</summary>
    public CalibrationCurve? Calibration { get; init; }

    public IReadOnlyList<SliceScore> SliceScores => Slices.Where(slice => slice.Count >= MinSliceRows).Select(slice => new SliceScore(slice.Slice, slice.Value, "accuracy", slice.Accuracy, slice.Count)).ToArray();

    public string Headline => $"accuracy {Undefined.Percent(Accuracy)}, macro F1 {Undefined.Show(MacroF1, "F3")}" +
        (RocAuc is { } auc ? string.Create(CultureInfo.InvariantCulture, $", ROC-AUC {auc:F4}") : "");

    /// <summary>The slice value with the lowest accuracy (null without slices).</summary>
    public SliceMetrics? WorstSlice => Slices.Count == 0 ? null : Slices.MinBy(slice => slice.Accuracy);

    /// <summary>The largest accuracy difference between two values of the same slice member.</summary>
    public double BiasGap => SliceGroups.LargestGap(SliceScores);

    /// <param name="rows">The rows, with their true labels and slices.</param>
    /// <param name="predicted">The predicted class of each row.</param>
    /// <param name="classNames">Names for the classes, in class-index order.</param>
    /// <param name="probabilities">Per row, the class probabilities: they give the log loss and calibration, and for a binary label the ROC-AUC, average precision and precision–recall curve.</param>
    /// <exception cref="RowDataException">A row's label is not a class index in [0, classes - 1] (labels are 0-based).</exception>
    /// <exception cref="ArgumentException">The counts of rows and predictions differ, or a prediction is not a class index.</exception>
    public static ClassificationReport Compute<TRow>(IReadOnlyList<TRow> rows, IReadOnlyList<int> predicted, IReadOnlyList<string>? classNames = null,
        IReadOnlyList<float[]>? probabilities = null)
        where TRow : IDatasetRow<TRow>
    {
        if (rows.Count != predicted.Count) throw new ArgumentException($"{rows.Count} rows but {predicted.Count} predictions", nameof(predicted));
        int classes = TRow.ClassCount;
        int[] actual = ClassLabels.Of(rows);
        for (int i = 0; i < predicted.Count; i++)
            if ((uint)predicted[i] >= (uint)classes)
                throw new ArgumentException($"prediction {i} is class {predicted[i]}, not a class index in [0, {classes - 1}]", nameof(predicted));
        var confusion = new int[classes, classes]; // [actual, predicted]
        for (int i = 0; i < rows.Count; i++) confusion[actual[i], predicted[i]]++;

        var perClass = new List<ClassMetrics>();
        for (int c = 0; c < classes; c++)
        {
            int truePositive = confusion[c, c];
            int predictedAs = Enumerable.Range(0, classes).Sum(a => confusion[a, c]);
            int actually = Enumerable.Range(0, classes).Sum(p => confusion[c, p]);
            perClass.Add(new ClassMetrics(classNames?[c] ?? c.ToString(CultureInfo.InvariantCulture),
                Undefined.Ratio(truePositive, predictedAs), Undefined.Ratio(truePositive, actually),
                Undefined.F1(truePositive, predictedAs - truePositive, actually - truePositive), actually));
        }
        int correct = Enumerable.Range(0, classes).Sum(c => confusion[c, c]);
        double accuracy = Undefined.Ratio(correct, rows.Count);

        var slices = SliceGroups.Of(rows).Select(group => new SliceMetrics(group.Slice, group.Value,
            (double)group.Rows.Count(i => actual[i] == predicted[i]) / group.Rows.Length, group.Rows.Length)).ToList();

        // With one label per row, micro-averaged F1 equals accuracy.
        double? auc = classes == 2 && probabilities is not null
            ? AreaUnderRoc(actual.Select(label => label == 1).ToArray(), probabilities.Select(p => (double)p[1]).ToArray())
            : null;
        // F1 is undefined exactly for the classes absent from both the rows and the predictions, and
        // macro F1 leaves those out, as scikit-learn's zero_division=np.nan does.
        double macroF1 = Undefined.MeanOfDefined(perClass.Select(metrics => metrics.F1));
        var report = new ClassificationReport(accuracy, perClass, macroF1, accuracy, confusion, slices, auc);
        return probabilities is null ? report : report with
        {
            LogLoss = ProbabilityScores.LogLoss(actual, probabilities, classes),
            PrecisionRecall = classes == 2 ? PrecisionRecallCurve.Compute(actual.Select(label => label == 1).ToArray(), probabilities.Select(p => (double)p[1]).ToArray()) : null,
            Calibration = classes == 2
                ? CalibrationCurve.Compute(actual.Select(label => label == 1).ToArray(), probabilities.Select(p => (double)p[1]).ToArray())
                : CalibrationCurve.Compute(Enumerable.Range(0, rows.Count).Select(i => actual[i] == predicted[i]).ToArray(), probabilities.Select((p, i) => (double)p[predicted[i]]).ToArray()),
        };
    }

    /// <summary>
    /// The probability that a random positive scores above a random negative (ties count half):
    /// the Mann–Whitney form of the area under the ROC curve.
    /// </summary>
    public static double? AreaUnderRoc(IReadOnlyList<bool> positive, IReadOnlyList<double> scores)
    {
        double[] positives = scores.Where((_, i) => positive[i]).ToArray(), negatives = scores.Where((_, i) => !positive[i]).ToArray();
        if (positives.Length == 0 || negatives.Length == 0) return null;
        double wins = 0;
        foreach (double p in positives)
            foreach (double n in negatives)
                wins += p > n ? 1 : p == n ? 0.5 : 0;
        return wins / ((double)positives.Length * negatives.Length);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"accuracy {Undefined.Percent(Accuracy)}   macro F1 {Undefined.Show(MacroF1, "F3")}   micro F1 {Undefined.Show(MicroF1, "F3")}");
        if (RocAuc is { } auc) text.Append(CultureInfo.InvariantCulture, $"   ROC-AUC {auc:F4}");
        text.Append('\n');
        text.Append($"balanced accuracy {Undefined.Percent(BalancedAccuracy)}   weighted F1 {Undefined.Show(Averages.F1Weighted, "F3")}   macro precision {Undefined.Show(Averages.PrecisionMacro, "F3")}   macro recall {Undefined.Show(Averages.RecallMacro, "F3")}");
        if (LogLoss is { } logLoss) text.Append(CultureInfo.InvariantCulture, $"   log loss {logLoss:F4}");
        if (PrecisionRecall is { } curve) text.Append(CultureInfo.InvariantCulture, $"   average precision {curve.AveragePrecision:F4}");
        if (Calibration is { } calibration) text.Append(CultureInfo.InvariantCulture, $"   ECE {calibration.ExpectedCalibrationError:F4}");
        text.Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"{"class",-12} {"precision",9} {"recall",9} {"F1",9} {"support",8}\n");
        foreach (ClassMetrics metrics in Classes)
            text.Append(CultureInfo.InvariantCulture, $"{metrics.Name,-12} {Undefined.Show(metrics.Precision, "F3", 9)} {Undefined.Show(metrics.Recall, "F3", 9)} {Undefined.Show(metrics.F1, "F3", 9)} {metrics.Support,8}\n");

        text.Append("confusion (rows: actual, columns: predicted)\n");
        text.Append(new string(' ', 12)).Append(string.Concat(Classes.Select(metrics => $"{Short(metrics.Name),7}"))).Append('\n');
        for (int actual = 0; actual < Classes.Count; actual++)
        {
            text.Append($"{Short(Classes[actual].Name),-12}");
            for (int predicted = 0; predicted < Classes.Count; predicted++) text.Append(CultureInfo.InvariantCulture, $"{Confusion[actual, predicted],7}");
            text.Append('\n');
        }
        foreach (var slice in Slices.GroupBy(slice => slice.Slice))
        {
            text.Append("accuracy by ").Append(slice.Key).Append('\n');
            foreach (SliceMetrics value in slice)
                text.Append(CultureInfo.InvariantCulture, $"  {value.Value,-14} {value.Accuracy * 100,7:F2}%  ({value.Count} rows{SliceGroups.Unjudged(value.Count, MinSliceRows)})\n");
        }
        if (Slices.Count > 0)
            text.Append(CultureInfo.InvariantCulture, $"bias gap (largest accuracy difference within a slice): {BiasGap * 100:F2} points\n");
        return text.ToString();
    }

    private static string Short(string name) => name.Length <= 6 ? name : name[..6];
}
