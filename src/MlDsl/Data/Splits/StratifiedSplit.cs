namespace MlDsl.Data.Splits;

/// <summary>
/// A stratified split with exactly the validation and test counts asked for: each class gets its
/// share of each count, rounded down, and the rows left over go to the classes with the largest
/// remainders (Hamilton's method), so the totals are exact and every class within one row of its share.
/// </summary>
internal static class StratifiedSplit
{
    public static int[][] Make<TRow>(IReadOnlyList<TRow> rows, int validation, int test, int seed) where TRow : IDatasetRow<TRow>
    {
        if (TRow.LabelKind != LabelKind.Class)
            throw new SplitException(nameof(SplitOptions.Kind),
                $"a stratified split keeps each class's share, but {typeof(TRow).Name}.{TRow.LabelName} is a {TRow.LabelKind} label, not a class: split randomly, by group or by time.");
        return Make(ClassLabels.Of(rows), validation, test, seed);
    }

    /// <summary>The same split from each row's class index alone (a lazy source's references carry them).</summary>
    public static int[][] Make(int[] labels, int validation, int test, int seed)
    {
        var classes = Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]).OrderBy(group => group.Key).ToArray();
        int[] sizes = classes.Select(group => group.Count()).ToArray();
        int[] testShares = Apportion(sizes, test, sizes, labels.Length);
        int[] left = sizes.Select((size, c) => size - testShares[c]).ToArray();
        int[] validationShares = Apportion(sizes, validation, left, labels.Length);

        var parts = new[] { new List<int>(), new List<int>(), new List<int>() };
        for (int c = 0; c < classes.Length; c++)
        {
            int[] members = Splitter.Shuffled(classes[c], seed + classes[c].Key);
            int[][] cut = Splitter.Cut(members, validationShares[c], testShares[c]);
            for (int part = 0; part < 3; part++) parts[part].AddRange(cut[part]);
        }
        return parts.Select(part => part.Order().ToArray()).ToArray();
    }

    /// <summary>Shares of <paramref name="count"/> proportional to <paramref name="sizes"/>, each at most its cap, summing to <paramref name="count"/>.</summary>
    private static int[] Apportion(int[] sizes, int count, int[] caps, int total)
    {
        double[] quotas = sizes.Select(size => (double)size * count / total).ToArray();
        int[] shares = quotas.Select((quota, c) => Math.Min((int)Math.Floor(quota), caps[c])).ToArray();
        int remaining = count - shares.Sum();
        // Largest remainder first; ties to the lower class index. Caps can hold a class back, so repeat.
        int[] order = Enumerable.Range(0, sizes.Length).OrderByDescending(c => quotas[c] - Math.Floor(quotas[c])).ThenBy(c => c).ToArray();
        while (remaining > 0)
        {
            bool gave = false;
            foreach (int c in order)
            {
                if (remaining == 0) break;
                if (shares[c] >= caps[c]) continue;
                shares[c]++;
                remaining--;
                gave = true;
            }
            if (!gave) break; // cannot happen: the caps sum to more than the count
        }
        return shares;
    }
}
