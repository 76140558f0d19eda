namespace MlDsl.Analysis;

/// <summary>
/// Precision and recall of the positive class at every distinct score threshold, as scikit-learn's
/// <c>precision_recall_curve</c>: thresholds ascending, recall decreasing, with the final point
/// (precision 1, recall 0) that has no threshold. <see cref="AveragePrecision"/> is the step
/// integral Σ (Rₙ − Rₙ₋₁) Pₙ (<c>average_precision_score</c>, no interpolation).
/// </summary>
public sealed record PrecisionRecallCurve(double[] Precision, double[] Recall, double[] Thresholds)
{
    public double AveragePrecision
    {
        get
        {
            double sum = 0;
            for (int i = 0; i + 1 < Recall.Length; i++) sum -= (Recall[i + 1] - Recall[i]) * Precision[i];
            return sum;
        }
    }

    /// <param name="positive">Whether each row is of the positive class.</param>
    /// <param name="scores">Each row's score for the positive class (a probability).</param>
    /// <returns>The curve, or null when no row is positive (recall is undefined).</returns>
    /// <exception cref="ArgumentException">Counts differ, or a score is NaN.</exception>
    public static PrecisionRecallCurve? Compute(IReadOnlyList<bool> positive, IReadOnlyList<double> scores)
    {
        if (positive.Count != scores.Count) throw new ArgumentException($"{positive.Count} labels but {scores.Count} scores", nameof(scores));
        if (scores.Any(double.IsNaN)) throw new ArgumentException("a score is NaN; expected a number for every row", nameof(scores));
        int total = positive.Count(value => value);
        if (total == 0) return null;
        // Descending scores; tied rows form one threshold.
        int[] order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var precision = new List<double>();
        var recall = new List<double>();
        var thresholds = new List<double>();
        int truePositives = 0, seen = 0;
        for (int k = 0; k < order.Length; k++)
        {
            seen++;
            if (positive[order[k]]) truePositives++;
            if (k + 1 < order.Length && scores[order[k + 1]] == scores[order[k]]) continue;
            precision.Add((double)truePositives / seen);
            recall.Add((double)truePositives / total);
            thresholds.Add(scores[order[k]]);
        }
        precision.Reverse();
        recall.Reverse();
        thresholds.Reverse();
        precision.Add(1);
        recall.Add(0);
        return new PrecisionRecallCurve(precision.ToArray(), recall.ToArray(), thresholds.ToArray());
    }
}
