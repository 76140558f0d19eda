using MlDsl.Data.Splits;

namespace MlDsl.Data.Transforms;

/// <summary>Scales every feature to [0, 1] over the training rows' range.</summary>
public sealed class MinMaxScaler : AffineTransform
{
    internal const string KindName = "min-max";

    internal MinMaxScaler(string[] features, float[] shift, float[] scale) : base(KindName, features, shift, scale) { }

    /// <summary>Fits on <paramref name="split"/>'s training rows.</summary>
    [LearnsFrom("split")]
    public static MinMaxScaler Fit<TRow>(DataSplit<TRow> split) where TRow : IDatasetRow<TRow> => Fit(TrainingRows(split));

    /// <summary>Fits on <paramref name="train"/>, which must be training rows only.</summary>
    [LearnsFrom("train")]
    public static MinMaxScaler Fit<TRow>(IReadOnlyList<TRow> train) where TRow : IDatasetRow<TRow>
    {
        var shift = new List<float>();
        var scale = new List<float>();
        foreach (double[] column in TrainingColumns(train))
        {
            // The values were floats; back to float so the scale is computed in float as before.
            float[] present = column.Where(value => !double.IsNaN(value)).Select(value => (float)value).ToArray();
            float min = present.Length == 0 ? 0 : present.Min(), max = present.Length == 0 ? 0 : present.Max();
            shift.Add(min);
            scale.Add(max > min ? 1 / (max - min) : 1f);
        }
        return new MinMaxScaler(TRow.FeatureNames.ToArray(), shift.ToArray(), scale.ToArray());
    }
}
