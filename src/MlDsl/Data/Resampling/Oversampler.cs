using MlDsl.Data.Steps;

namespace MlDsl.Data.Resampling;

/// <summary>
/// Oversampling and augmentation of training rows. Every method returns the rows it was given followed
/// by new rows made from them only, so call it on the training rows after the split: applied before
/// the split, copies of one row land on both sides of it (MLDSL0026) and validation and test scores
/// measure memory instead of generalisation. Validation and test rows are never oversampled.
/// </summary>
public static class Oversampler
{
    private const string StepName = nameof(Oversampler);

    /// <summary>
    /// Random oversampling (imbalanced-learn's <c>RandomOverSampler</c>, sampling_strategy="auto"): every
    /// class but the largest gets seeded copies of its own rows, drawn with replacement, until it has
    /// as many rows as the largest class.
    /// </summary>
    /// <returns><paramref name="train"/> then the copies.</returns>
    /// <exception cref="DataStepException">No rows, or the label is not a class.</exception>
    [MultipliesRows("train", BalancesClasses = true)]
    public static TRow[] Random<TRow>(IReadOnlyList<TRow> train, int seed = 42) where TRow : IDatasetRow<TRow>
    {
        Dictionary<long, int[]> classes = ByClass(train, "Random");
        int largest = classes.Values.Max(members => members.Length);
        var random = new System.Random(seed);
        var result = new List<TRow>(train);
        foreach ((_, int[] members) in classes.OrderBy(pair => pair.Key))
            for (int copy = members.Length; copy < largest; copy++)
                result.Add(train[members[random.Next(members.Length)]]);
        return result.ToArray();
    }

    /// <summary>
    /// SMOTE (Chawla, Bowyer, Hall and Kegelmeyer, "SMOTE: Synthetic Minority Over-sampling Technique",
    /// JAIR 16, 2002), as imbalanced-learn's <c>SMOTE</c>: every class but the largest gets new rows
    /// until it is as large, each at a uniformly random point on the segment from one of its rows to
    /// one of that row's <paramref name="k"/> nearest neighbours (Euclidean, same class). A new row
    /// copies its base row's label and metadata; its features are interpolated (integer features are
    /// rounded by the row type, one-hot categories come out fractional: SMOTE is for continuous features).
    /// Neighbours are found by brute force, O(rows² × features) per class.
    /// </summary>
    /// <returns><paramref name="train"/> then the synthetic rows.</returns>
    /// <exception cref="DataStepException">No rows; a non-class label; k &lt; 1; a class to oversample with fewer than k + 1 rows; a missing (NaN) feature.</exception>
    [MultipliesRows("train", BalancesClasses = true)]
    public static TRow[] Smote<TRow>(IReadOnlyList<TRow> train, int k = 5, int seed = 42) where TRow : IDatasetRow<TRow>
    {
        if (k < 1) throw new DataStepException($"{StepName}.Smote", nameof(k), $"k = {k}; expected at least 1 neighbour");
        Dictionary<long, int[]> classes = ByClass(train, "Smote");
        int largest = classes.Values.Max(members => members.Length);
        float[][] features = StepInput.Features($"{StepName}.Smote", train, refuseMissing: true);
        var random = new System.Random(seed);
        var result = new List<TRow>(train);
        var synthetic = new float[TRow.FeatureLength];
        foreach ((long label, int[] members) in classes.OrderBy(pair => pair.Key))
        {
            int needed = largest - members.Length;
            if (needed == 0) continue;
            if (members.Length < k + 1)
                throw new DataStepException($"{StepName}.Smote", nameof(k),
                    $"class {label} has {members.Length} training rows, but k = {k} neighbours need at least {k + 1} rows of a class; lower k or use Oversampler.Random");
            int[][] neighbours = Neighbours(features, members, k);
            for (int made = 0; made < needed; made++)
            {
                int sample = random.Next(members.Length * k);
                float[] from = features[members[sample / k]], to = features[neighbours[sample / k][sample % k]];
                double step = random.NextDouble();
                for (int f = 0; f < synthetic.Length; f++) synthetic[f] = (float)(from[f] + step * (to[f] - from[f]));
                result.Add(TRow.WithFeatures(train[members[sample / k]], synthetic));
            }
        }
        return result.ToArray();
    }

    /// <summary>
    /// Augmentation: <paramref name="train"/> followed by <paramref name="copies"/> rounds of
    /// <paramref name="augment"/> applied to every row, with one seeded <see cref="System.Random"/>
    /// passed to every call in order, so the result is reproducible.
    /// </summary>
    /// <exception cref="DataStepException">No rows, or a negative number of copies.</exception>
    [MultipliesRows("train")]
    public static TRow[] Augment<TRow>(IReadOnlyList<TRow> train, Func<TRow, System.Random, TRow> augment, int copies, int seed = 42)
        where TRow : IDatasetRow<TRow>
    {
        StepInput.NotEmpty($"{StepName}.Augment", nameof(train), train);
        if (copies < 0) throw new DataStepException($"{StepName}.Augment", nameof(copies), $"copies = {copies}; expected 0 or more augmented copies of each row");
        var random = new System.Random(seed);
        var result = new List<TRow>(train.Count * (copies + 1));
        result.AddRange(train);
        for (int copy = 0; copy < copies; copy++)
            foreach (TRow row in train)
                result.Add(augment(row, random));
        return result.ToArray();
    }

    private static Dictionary<long, int[]> ByClass<TRow>(IReadOnlyList<TRow> train, string method) where TRow : IDatasetRow<TRow>
    {
        StepInput.NotEmpty($"{StepName}.{method}", nameof(train), train);
        StepInput.ClassLabel<TRow>($"{StepName}.{method}", "Oversampling balances classes, so it");
        return Enumerable.Range(0, train.Count).GroupBy(i => TRow.ReadLabel(train[i])).ToDictionary(group => group.Key, group => group.ToArray());
    }

    /// <summary>For each member, the row indices of its <paramref name="k"/> nearest other members, nearest first (ties by row order).</summary>
    private static int[][] Neighbours(float[][] features, int[] members, int k) =>
        members.Select(self => members.Where(other => other != self)
            .Select(other => (other, distance: SquaredDistance(features[self], features[other])))
            .OrderBy(pair => pair.distance).ThenBy(pair => pair.other).Take(k).Select(pair => pair.other).ToArray()).ToArray();

    private static double SquaredDistance(float[] a, float[] b)
    {
        double sum = 0;
        for (int f = 0; f < a.Length; f++) sum += (double)(a[f] - b[f]) * (a[f] - b[f]);
        return sum;
    }
}
