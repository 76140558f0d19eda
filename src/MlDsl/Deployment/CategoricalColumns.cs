namespace MlDsl.Deployment;

/// <summary>Monitored columns that belong together: one numeric feature, or the run of one-hot columns of a categorical member.</summary>
/// <param name="Name">The feature's name, or the categorical member's name.</param>
/// <param name="Columns">Indices into the monitored columns.</param>
/// <param name="Categories">The category of each column, or null for a numeric feature.</param>
internal sealed record MonitoredVariable(string Name, int[] Columns, string[]? Categories);

/// <summary>
/// Recognises one-hot categorical members among feature names (<c>Color=red</c>, <c>Color=green</c>)
/// and counts their categories, so drift is measured on the category shares rather than on each
/// 0/1 column as if it were a number.
/// </summary>
internal static class CategoricalColumns
{
    /// <summary>Groups consecutive <c>Member=value</c> names with the same member; every other name stands alone.</summary>
    public static IReadOnlyList<MonitoredVariable> Group(IReadOnlyList<string> features)
    {
        var variables = new List<MonitoredVariable>();
        int start = 0;
        while (start < features.Count)
        {
            if (SplitOneHot(features[start]) is not { } first)
            {
                variables.Add(new MonitoredVariable(features[start], [start], null));
                start++;
                continue;
            }
            int end = start + 1;
            while (end < features.Count && SplitOneHot(features[end]) is { } next && next.Member == first.Member) end++;
            int[] columns = Enumerable.Range(start, end - start).ToArray();
            variables.Add(new MonitoredVariable(first.Member, columns, columns.Select(c => SplitOneHot(features[c])!.Value.Category).ToArray()));
            start = end;
        }
        return variables;
    }

    /// <summary>
    /// Rows per category of <paramref name="variable"/>, then one last count for rows with none of
    /// its columns set (<see cref="CategoryCount.Other"/>): wide rows are monitored on a subset of
    /// columns, which can leave out some of a member's categories, and those rows must still count.
    /// </summary>
    public static double[] Count(MonitoredVariable variable, IReadOnlyList<double[]> columns)
    {
        var counts = new double[variable.Columns.Length + 1];
        int rows = columns[variable.Columns[0]].Length;
        for (int row = 0; row < rows; row++)
        {
            // One-hot columns hold 0 or 1; a missing value (NaN) is not a set column.
            int hot = Array.FindIndex(variable.Columns, column => columns[column][row] > 0.5);
            counts[hot >= 0 ? hot : variable.Columns.Length]++;
        }
        return counts;
    }

    // The generator names a one-hot column Member=category; member names are identifiers, so the first '=' splits.
    private static (string Member, string Category)? SplitOneHot(string feature)
    {
        int equals = feature.IndexOf('=');
        return equals > 0 ? (feature[..equals], feature[(equals + 1)..]) : null;
    }
}
