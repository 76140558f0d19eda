using System.Globalization;

namespace MlDsl.Data;

/// <summary>Class labels read and range-checked once, so reports never index past their class count.</summary>
internal static class ClassLabels
{
    /// <summary>Every row's class index.</summary>
    /// <param name="rows">The rows (of a class label).</param>
    /// <param name="part">The split the rows are, named in errors ("training"), or null.</param>
    /// <exception cref="RowDataException">A label is outside [0, classes - 1] (labels are 0-based) or unknown; names the row.</exception>
    public static int[] Of<TRow>(IReadOnlyList<TRow> rows, string? part = null) where TRow : IDatasetRow<TRow>
    {
        int classes = TRow.ClassCount;
        var labels = new int[rows.Count];
        string rowType = part is null ? typeof(TRow).Name : $"{typeof(TRow).Name} ({part} split)";
        for (int i = 0; i < rows.Count; i++)
        {
            long label;
            try
            {
                label = TRow.ReadLabel(rows[i] ?? throw new RowDataException(rowType, "row", "a row", "null", i));
            }
            catch (RowDataException problem) when (problem.RowIndex is null)
            {
                throw new RowDataException(rowType, problem.Member, problem.Expected, problem.Found, i);
            }
            if ((ulong)label >= (ulong)classes)
                throw new RowDataException(rowType, TRow.LabelName, $"a class index in [0, {classes - 1}] (labels are 0-based)", label.ToString(CultureInfo.InvariantCulture), i);
            labels[i] = (int)label;
        }
        return labels;
    }

    /// <summary>Every row's target floats (multi-label 0/1 per label, or the regression value), the row named on errors.</summary>
    /// <exception cref="RowDataException">The row is null or its target cannot be written (an unknown label).</exception>
    public static float[][] TargetsOf<TRow>(IReadOnlyList<TRow> rows, string? part = null) where TRow : IDatasetRow<TRow>
    {
        string rowType = part is null ? typeof(TRow).Name : $"{typeof(TRow).Name} ({part} split)";
        var targets = new float[rows.Count][];
        for (int i = 0; i < rows.Count; i++)
        {
            try
            {
                targets[i] = Targets.Of(rows[i] ?? throw new RowDataException(rowType, "row", "a row", "null", i));
            }
            catch (RowDataException problem) when (problem.RowIndex is null)
            {
                throw new RowDataException(rowType, problem.Member, problem.Expected, problem.Found, i);
            }
        }
        return targets;
    }
}
