namespace MlDsl.Analysis;

/// <summary>Scores of predicted probabilities rather than predicted classes.</summary>
public static class ProbabilityScores
{
    /// <summary>numpy's float64 machine epsilon: scikit-learn's <c>log_loss</c> clips probabilities to [ε, 1 − ε] with it for float64 input.</summary>
    public const double Epsilon = 2.220446049250313e-16;

    /// <summary>
    /// Mean cross-entropy −(1/N) Σ ln p(yᵢ), as scikit-learn's <c>log_loss</c>: each probability clipped to
    /// [ε, 1 − ε], each row then renormalised to sum to 1.
    /// </summary>
    /// <param name="labels">Each row's class index.</param>
    /// <param name="probabilities">Each row's probability of every class.</param>
    /// <param name="classes">The number of classes.</param>
    /// <exception cref="ArgumentException">Counts differ, a row has another number of probabilities, or a probability is NaN.</exception>
    public static double LogLoss(IReadOnlyList<int> labels, IReadOnlyList<float[]> probabilities, int classes)
    {
        if (labels.Count != probabilities.Count) throw new ArgumentException($"{labels.Count} labels but {probabilities.Count} rows of probabilities", nameof(probabilities));
        if (labels.Count == 0) return double.NaN;
        double sum = 0;
        for (int i = 0; i < labels.Count; i++)
        {
            float[] row = probabilities[i];
            if (row is null || row.Length != classes) throw new ArgumentException($"row {i} has {row?.Length ?? 0} probabilities; expected {classes}", nameof(probabilities));
            double total = 0, own = 0;
            for (int c = 0; c < classes; c++)
            {
                if (float.IsNaN(row[c])) throw new ArgumentException($"row {i}'s probability of class {c} is NaN", nameof(probabilities));
                double clipped = Math.Clamp(row[c], Epsilon, 1 - Epsilon);
                total += clipped;
                if (c == labels[i]) own = clipped;
            }
            sum -= Math.Log(own / total);
        }
        return sum / labels.Count;
    }
}
