namespace MlDsl.Data;

/// <summary>A multi-label or regression row's target as floats: 0/1 per label, or the value to predict.</summary>
internal static class Targets
{
    public static float[] Of<TRow>(TRow row) where TRow : ITensorRow<TRow>
    {
        var target = new float[TRow.ClassCount];
        TRow.WriteTarget(row, target);
        return target;
    }

    /// <summary>Whether each label is present in a multi-label row.</summary>
    public static bool[] LabelsOf<TRow>(TRow row) where TRow : ITensorRow<TRow> =>
        Of(row).Select(value => value > 0.5f).ToArray();
}
