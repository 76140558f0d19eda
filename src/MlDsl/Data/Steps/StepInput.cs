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

    /// <summary>
    /// Every row's features, row-major. A row the generated code cannot read (an array feature of the
    /// wrong length) is refused by its <see cref="RowDataException"/> located at the row; ±∞ is always
    /// refused by row and feature name (scikit-learn's <c>check_array</c> refuses infinity in X for
    /// every step, even those that accept NaN); a missing value (NaN) too when <paramref name="refuseMissing"/>.
    /// </summary>
    public static float[][] Features<TRow>(string step, IReadOnlyList<TRow> rows, bool refuseMissing) where TRow : IDatasetRow<TRow>
    {
        var features = new float[rows.Count][];
        for (int i = 0; i < rows.Count; i++)
        {
            features[i] = new float[TRow.FeatureLength];
            Read(rows, i, features[i]);
            Finite<TRow>(step, features[i], i, refuseMissing);
        }
        return features;
    }

    /// <summary>Writes row <paramref name="index"/>'s features into <paramref name="buffer"/>; a row of the wrong shape is refused naming the member and the row.</summary>
    /// <exception cref="RowDataException">The row's data does not match its declaration.</exception>
    public static void Read<TRow>(IReadOnlyList<TRow> rows, int index, float[] buffer) where TRow : IDatasetRow<TRow>
    {
        try
        {
            TRow.WriteFeatures(rows[index], buffer);
        }
        catch (RowDataException problem) when (problem.RowIndex is null)
        {
            throw problem.AtRow(index);
        }
    }

    /// <summary>Refuses ±∞ in one row's features, and NaN too when <paramref name="refuseMissing"/>, naming the row and the feature.</summary>
    /// <exception cref="DataStepException">A feature is infinite, or missing when refused.</exception>
    public static void Finite<TRow>(string step, float[] features, int row, bool refuseMissing) where TRow : IDatasetRow<TRow>
    {
        for (int f = 0; f < features.Length; f++)
        {
            float value = features[f];
            if (float.IsInfinity(value))
                throw new DataStepException(step, "rows",
                    $"{typeof(TRow).Name} row {row}: {TRow.FeatureNames[f]} is {(value > 0 ? "+∞" : "-∞")}; expected a finite number (a missing value is NaN)");
            if (refuseMissing && float.IsNaN(value))
                throw new DataStepException(step, "rows",
                    $"{typeof(TRow).Name} row {row}: {TRow.FeatureNames[f]} is missing (NaN); expected every feature present: fit an Imputer first");
        }
    }

    /// <summary>
    /// Every row's regression target (the first output), refused by row when it is not a finite number:
    /// a NaN or infinite target would turn every statistic learned from it into NaN (scikit-learn's
    /// <c>check_array</c> on y refuses both).
    /// </summary>
    /// <exception cref="DataStepException">A target is NaN or infinite.</exception>
    public static double[] RegressionTargets<TRow>(string step, string parameter, IReadOnlyList<TRow> rows) where TRow : IDatasetRow<TRow>
    {
        var y = new double[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            float target = Targets.Of(rows[i])[0];
            if (!float.IsFinite(target))
                throw new DataStepException(step, parameter,
                    $"{typeof(TRow).Name} row {i}: {TRow.LabelName} is {target.ToString(System.Globalization.CultureInfo.InvariantCulture)}; expected a finite regression target");
            y[i] = target;
        }
        return y;
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
