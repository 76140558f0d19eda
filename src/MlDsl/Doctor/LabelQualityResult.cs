namespace MlDsl.Doctor;

/// <summary>Label quality: the out-of-fold probabilities every row got, and the rows whose labels the model disputes, most strongly first.</summary>
public sealed record LabelQualityResult(IReadOnlyList<float[]> OutOfFoldProbabilities, IReadOnlyList<LabelSuspect> Suspects)
{
    /// <summary>The share of rows flagged: confident learning's estimate of the label noise rate.</summary>
    public double FlaggedShare => OutOfFoldProbabilities.Count == 0 ? 0 : (double)Suspects.Count / OutOfFoldProbabilities.Count;
}
