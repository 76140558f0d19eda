using System.Globalization;
using MlDsl.Data;

namespace MlDsl.Pipelines;

/// <summary>Which rows a spectrogram figure shows: one per class where the label is a class, else the first few.</summary>
internal static class SpectrogramExamples
{
    /// <summary>More panels than this stop being readable in one figure.</summary>
    public const int Most = 6;

    /// <summary>
    /// The first row of each of the lowest <see cref="Most"/> classes present, in class order, titled
    /// with the class name; for other label kinds the first <see cref="Most"/> rows, titled by index.
    /// </summary>
    public static IReadOnlyList<(int Row, string Title)> Pick<TRow>(IReadOnlyList<TRow> rows, IReadOnlyList<string>? classNames)
        where TRow : ITensorRow<TRow>
    {
        if (TRow.LabelKind != LabelKind.Class)
            return Enumerable.Range(0, Math.Min(Most, rows.Count)).Select(row => (row, $"row {row}")).ToList();
        var firstOfClass = new SortedDictionary<long, int>();
        for (int row = 0; row < rows.Count; row++)
            firstOfClass.TryAdd(TRow.ReadLabel(rows[row]), row);
        return firstOfClass.Take(Most).Select(pair => (pair.Value, ClassName(pair.Key, classNames))).ToList();
    }

    private static string ClassName(long label, IReadOnlyList<string>? classNames) =>
        classNames is { } names && label >= 0 && label < names.Count ? names[(int)label] : "class " + label.ToString(CultureInfo.InvariantCulture);
}
