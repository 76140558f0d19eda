using System.Globalization;

namespace MlDsl.Data.Streaming;

/// <summary>A decoded row's label, checked as the in-memory collator checks it.</summary>
internal static class RowLabels
{
    /// <exception cref="RowDataException">The class index is outside [0, classes - 1].</exception>
    public static long Class<TRow>(TRow row, int classes) where TRow : ITensorRow<TRow>
    {
        long label = TRow.ReadLabel(row);
        if ((ulong)label >= (ulong)classes)
            throw new RowDataException(typeof(TRow).Name, "label", $"a class index in [0, {classes - 1}]", label.ToString(CultureInfo.InvariantCulture));
        return label;
    }

    /// <exception cref="RowDataException">A target is not a finite number.</exception>
    public static void Target<TRow>(TRow row, Span<float> destination) where TRow : ITensorRow<TRow>
    {
        TRow.WriteTarget(row, destination);
        foreach (float value in destination)
            if (!float.IsFinite(value))
                throw new RowDataException(typeof(TRow).Name, "label", "a finite number", value.ToString(CultureInfo.InvariantCulture));
    }
}
