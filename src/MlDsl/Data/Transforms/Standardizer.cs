using MlDsl.Data.Splits;

namespace MlDsl.Data.Transforms;

/// <summary>Zero mean, unit variance per feature, with statistics from the training rows only.</summary>
public sealed class Standardizer : AffineTransform
{
    internal const string KindName = "standardize";

    internal Standardizer(string[] features, float[] shift, float[] scale) : base(KindName, features, shift, scale) { }

    /// <summary>Fits on <paramref name="split"/>'s training rows.</summary>
    [LearnsFrom("split")]
    public static Standardizer Fit<TRow>(DataSplit<TRow> split) where TRow : IDatasetRow<TRow> => Fit(TrainingRows(split));

    /// <summary>Fits on <paramref name="train"/>, which must be training rows only.</summary>
    [LearnsFrom("train")]
    public static Standardizer Fit<TRow>(IReadOnlyList<TRow> train) where TRow : IDatasetRow<TRow>
    {
        var shift = new List<float>();
        var scale = new List<float>();
        foreach (double[] column in TrainingColumns(train))
        {
            double[] present = column.Where(value => !double.IsNaN(value)).ToArray();
            double mean = present.Length == 0 ? 0 : MathNet.Numerics.Statistics.Statistics.Mean(present);
            double deviation = present.Length < 2 ? 0 : MathNet.Numerics.Statistics.Statistics.PopulationStandardDeviation(present);
            shift.Add((float)mean);
            scale.Add(UnitDeviationScale(deviation));
        }
        return new Standardizer(TRow.FeatureNames.ToArray(), shift.ToArray(), scale.ToArray());
    }
}
