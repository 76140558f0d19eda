namespace MlDsl.Analysis;

/// <summary>One slice value's score: <paramref name="Metric"/> says which ("accuracy", "subset_accuracy", "mae").</summary>
public sealed record SliceScore(string Slice, string Value, string Metric, double Score, int Count)
{
    /// <summary>Whether a higher score is better (accuracies) rather than worse (errors).</summary>
    public bool HigherIsBetter => !Metric.Contains("mae", StringComparison.Ordinal);
}

/// <summary>
/// What every model analysis offers the gate, the artifact and the plots, whatever the label kind:
/// named metrics (<c>accuracy</c>, <c>macro_f1</c>, <c>recall/&lt;class&gt;</c>, <c>mae</c>, <c>rmse</c>, <c>r2</c>...),
/// a score per slice value, the bias gap, and a one-line headline.
/// </summary>
public interface IEvaluationReport
{
    IReadOnlyDictionary<string, double> Metrics { get; }

    IReadOnlyList<SliceScore> SliceScores { get; }

    /// <summary>The largest score difference between two values of the same slice member.</summary>
    double BiasGap { get; }

    /// <summary>The numbers a person looks at first, on one line.</summary>
    string Headline { get; }
}
