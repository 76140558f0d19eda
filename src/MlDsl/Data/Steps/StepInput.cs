namespace MlDsl.Data.Steps;

/// <summary>The checks every data step makes on the rows it is given, with one wording everywhere.</summary>
internal static class StepInput
{
    public static void NotEmpty<TRow>(string step, string parameter, IReadOnlyList<TRow> rows)
    {
        if (rows is null || rows.Count == 0)
            throw new DataStepException(step, parameter, $"{parameter} holds no {typeof(TRow).Name} rows; expected at least one training row");
    }

    public static void ClassLabel<TRow>(string step, string purpose) where TRow : IDatasetRow<TRow>
    {
        if (TRow.LabelKind != LabelKind.Class)
            throw new DataStepException(step, "TRow",
                $"{purpose} needs a class label, but {typeof(TRow).Name}.{TRow.LabelName} is a {TRow.LabelKind} label");
    }

    /// <summary>Every row's features, row-major; a missing value (NaN) is refused by row and feature name when <paramref name="refuseMissing"/>.</summary>
    public static float[][] Features<TRow>(string step, IReadOnlyList<TRow> rows, bool refuseMissing) where TRow : IDatasetRow<TRow>
    {
        var features = new float[rows.Count][];
        for (int i = 0; i < rows.Count; i++)
        {
            features[i] = new float[TRow.FeatureLength];
            TRow.WriteFeatures(rows[i], features[i]);
            if (!refuseMissing) continue;
            int missing = Array.FindIndex(features[i], float.IsNaN);
            if (missing >= 0)
                throw new DataStepException(step, "rows",
                    $"{typeof(TRow).Name} row {i}: {TRow.FeatureNames[missing]} is missing (NaN); expected every feature present: fit an Imputer first");
        }
        return features;
    }

    /// <summary>Refuses rows of a type whose features are not the ones the step was fitted on.</summary>
    public static void SameFeatures<TRow>(string step, IReadOnlyList<string> fitted) where TRow : IDatasetRow<TRow>
    {
        if (TRow.FeatureNames.SequenceEqual(fitted)) return;
        static string List(IReadOnlyList<string> names) => string.Join(", ", names.Take(5)) + (names.Count > 5 ? ", ..." : "");
        throw new InvalidOperationException(
            $"This {step} was fitted on features [{List(fitted)}] but {typeof(TRow).Name} has [{List(TRow.FeatureNames)}]");
    }
}
