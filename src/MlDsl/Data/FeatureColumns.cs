namespace MlDsl.Data;

/// <summary>Rows turned column-wise: per feature, its value in every row. Used to fit transforms, validate data and sample drift references.</summary>
internal static class FeatureColumns
{
    /// <param name="rows">The rows to read.</param>
    /// <param name="features">Which feature indices to keep; all when null.</param>
    /// <param name="limit">At most this many rows, evenly spaced over <paramref name="rows"/>.</param>
    public static double[][] Of<TRow>(IReadOnlyList<TRow> rows, int[]? features = null, int limit = int.MaxValue) where TRow : IDatasetRow<TRow>
    {
        int count = Math.Min(rows.Count, limit);
        features ??= Enumerable.Range(0, TRow.FeatureLength).ToArray();
        var columns = features.Select(_ => new double[count]).ToArray();
        var buffer = new float[TRow.FeatureLength];
        for (int i = 0; i < count; i++)
        {
            TRow.WriteFeatures(rows[(int)((long)i * rows.Count / count)], buffer);
            for (int f = 0; f < features.Length; f++) columns[f][i] = buffer[features[f]];
        }
        return columns;
    }
}
