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

    /// <summary>The largest score difference between two values of the same slice member; 0 without slices.</summary>
    public static double LargestGap(IEnumerable<SliceScore> scores) =>
        scores.GroupBy(score => score.Slice).Select(group => group.Max(score => score.Score) - group.Min(score => score.Score)).DefaultIfEmpty(0).Max();

    /// <summary>The note a report prints after a slice value too small to judge, or nothing.</summary>
    public static string Unjudged(int count, int minimum) => count < minimum ? $", fewer than {minimum}: not judged" : "";
}
