namespace MlDsl.Analysis;

/// <summary>
/// Precision, recall and F1 averaged over classes (or labels) the ways scikit-learn names them:
/// <c>macro</c> (plain mean) and <c>weighted</c> (by support). Undefined per-class values (a zero
/// denominator) are left out and the weights of the rest renormalised, as scikit-learn 1.3's
/// <c>zero_division=np.nan</c> does; with none defined the average is undefined (NaN).
/// </summary>
public sealed record AveragedScores(double PrecisionMacro, double RecallMacro, double F1Macro, double PrecisionWeighted, double RecallWeighted, double F1Weighted)
{
    public static AveragedScores Of(IReadOnlyList<ClassMetrics> classes) => new(
        Undefined.MeanOfDefined(classes.Select(c => c.Precision)),
        Undefined.MeanOfDefined(classes.Select(c => c.Recall)),
        Undefined.MeanOfDefined(classes.Select(c => c.F1)),
        Weighted(classes, c => c.Precision),
        Weighted(classes, c => c.Recall),
        Weighted(classes, c => c.F1));

    /// <summary>Adds <c>precision_macro</c>, <c>recall_macro</c>, <c>f1_macro</c> and their <c>_weighted</c> twins to <paramref name="metrics"/>.</summary>
    internal Dictionary<string, double> AddTo(Dictionary<string, double> metrics)
    {
        metrics["precision_macro"] = PrecisionMacro;
        metrics["recall_macro"] = RecallMacro;
        metrics["f1_macro"] = F1Macro;
        metrics["precision_weighted"] = PrecisionWeighted;
        metrics["recall_weighted"] = RecallWeighted;
        metrics["f1_weighted"] = F1Weighted;
        return metrics;
    }

    private static double Weighted(IReadOnlyList<ClassMetrics> classes, Func<ClassMetrics, double> value)
    {
        double weight = 0, sum = 0;
        foreach (ClassMetrics c in classes)
        {
            if (double.IsNaN(value(c))) continue;
            weight += c.Support;
            sum += c.Support * value(c);
        }
        return Undefined.Ratio(sum, weight);
    }
}
