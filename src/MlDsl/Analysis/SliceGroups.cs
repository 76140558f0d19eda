using MlDsl.Data;

namespace MlDsl.Analysis;

/// <summary>The rows sharing each value of each [Slice] member, values in ordinal order, for per-slice metrics.</summary>
internal static class SliceGroups
{
    public static IEnumerable<(string Slice, string Value, int[] Rows)> Of<TRow>(IReadOnlyList<TRow> rows) where TRow : IDatasetRow<TRow>
    {
        for (int s = 0; s < TRow.SliceNames.Count; s++)
            foreach (var group in Enumerable.Range(0, rows.Count).GroupBy(i => TRow.SliceOf(rows[i], s)).OrderBy(group => group.Key, StringComparer.Ordinal))
                yield return (TRow.SliceNames[s], group.Key, group.ToArray());
    }

    /// <summary>The largest difference of <paramref name="measure"/> between two values of the same slice member; 0 without slices.</summary>
    public static double LargestGap<TMetrics>(IEnumerable<TMetrics> slices, Func<TMetrics, string> slice, Func<TMetrics, double> measure) =>
        slices.GroupBy(slice).Select(group => group.Max(measure) - group.Min(measure)).DefaultIfEmpty(0).Max();

    /// <summary>The note a report prints after a slice value too small to judge, or nothing.</summary>
    public static string Unjudged(int count, int minimum) => count < minimum ? $", fewer than {minimum}: not judged" : "";
}
