namespace MlDsl.Doctor;

/// <summary>A row whose given label the out-of-fold model confidently disputes.</summary>
/// <param name="Row">Index into the examined rows.</param>
/// <param name="Given">The label the row has.</param>
/// <param name="Suggested">The class the model believes instead.</param>
/// <param name="GivenProbability">The out-of-fold probability of the given label.</param>
/// <param name="SuggestedProbability">The out-of-fold probability of the suggested class.</param>
public sealed record LabelSuspect(int Row, int Given, int Suggested, double GivenProbability, double SuggestedProbability)
{
    /// <summary>How strongly the model disputes the label: the suggested class's probability minus the given one's.</summary>
    public double Margin => SuggestedProbability - GivenProbability;
}

/// <summary>
/// Confident learning (Northcutt, Jiang and Chuang, JAIR 2021; cleanlab's <c>find_label_issues</c> with
/// <c>filter_by="prune_by_noise_rate"</c>): from out-of-fold predicted probabilities, each class's
/// threshold is the mean probability the model gives it on rows labelled with it; a row counts
/// towards the confident joint at (given, j) when its probability of j reaches j's threshold (the
/// most probable such j). The joint, calibrated so each given class keeps its row count, estimates
/// how many rows of each given label truly belong to each other class; that many rows, those with
/// the largest margin p(j) − p(given), are flagged per pair.
/// </summary>
public static class ConfidentLearning
{
    /// <param name="labels">The given class of every row, in [0, classes).</param>
    /// <param name="probabilities">Per row, out-of-fold probabilities of every class (each row sums to about 1).</param>
    /// <returns>The flagged rows, most strongly disputed first.</returns>
    /// <exception cref="DoctorException">Counts or widths differ, or a label is outside the classes.</exception>
    public static IReadOnlyList<LabelSuspect> FindSuspects(IReadOnlyList<int> labels, IReadOnlyList<float[]> probabilities)
    {
        if (labels.Count != probabilities.Count)
            throw new DoctorException(nameof(probabilities), $"{labels.Count} labels but {probabilities.Count} rows of probabilities");
        if (labels.Count == 0) return Array.Empty<LabelSuspect>();
        int classes = probabilities[0].Length, rows = labels.Count;
        for (int i = 0; i < rows; i++)
        {
            if (probabilities[i]?.Length != classes)
                throw new DoctorException(nameof(probabilities), $"row {i} has {probabilities[i]?.Length ?? 0} probabilities; expected {classes}");
            if ((uint)labels[i] >= (uint)classes)
                throw new DoctorException(nameof(labels), $"row {i} has label {labels[i]}; expected a class in [0, {classes - 1}]");
        }

        var count = new int[classes];
        var thresholds = new double[classes];
        for (int i = 0; i < rows; i++)
        {
            count[labels[i]]++;
            thresholds[labels[i]] += probabilities[i][labels[i]];
        }
        for (int c = 0; c < classes; c++) thresholds[c] = count[c] > 0 ? thresholds[c] / count[c] : double.PositiveInfinity;

        // The confident joint: rows by given label and the class they confidently belong to.
        var joint = new double[classes, classes];
        for (int i = 0; i < rows; i++)
        {
            int confident = -1;
            for (int j = 0; j < classes; j++)
                if (probabilities[i][j] >= thresholds[j] && (confident < 0 || probabilities[i][j] > probabilities[i][confident])) confident = j;
            if (confident >= 0) joint[labels[i], confident]++;
        }
        // Calibrated: each given label's row of the joint sums to that label's row count.
        var toRemove = new int[classes, classes];
        for (int given = 0; given < classes; given++)
        {
            double confidentRows = Enumerable.Range(0, classes).Sum(j => joint[given, j]);
            if (confidentRows == 0) continue;
            for (int j = 0; j < classes; j++)
                if (j != given) toRemove[given, j] = (int)Math.Round(joint[given, j] / confidentRows * count[given]);
        }

        var flagged = new Dictionary<int, LabelSuspect>();
        for (int given = 0; given < classes; given++)
        {
            int[] ofGiven = Enumerable.Range(0, rows).Where(i => labels[i] == given).ToArray();
            for (int j = 0; j < classes; j++)
            {
                if (j == given || toRemove[given, j] == 0) continue;
                foreach (int i in ofGiven.OrderByDescending(i => probabilities[i][j] - probabilities[i][given]).ThenBy(i => i).Take(toRemove[given, j]))
                {
                    // A row the model agrees with is never flagged, whatever the count estimate says.
                    int suggested = ArgMax(probabilities[i]);
                    if (suggested == given) continue;
                    flagged.TryAdd(i, new LabelSuspect(i, given, suggested, probabilities[i][given], probabilities[i][suggested]));
                }
            }
        }
        return flagged.Values.OrderByDescending(suspect => suspect.Margin).ThenBy(suspect => suspect.Row).ToArray();
    }

    private static int ArgMax(float[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }
}
