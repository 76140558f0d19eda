using MathNet.Numerics.Statistics;
using MlDsl.Data.Splits;

namespace MlDsl.Data.Transforms;

/// <summary>
/// Zero mean, unit variance per image channel: for rows whose features are one image of shape
/// <c>[C, H, W]</c>, one mean and one standard deviation per channel over every pixel of the
/// training rows, the usual normalisation for convolutional networks. Scaling each pixel on its own,
/// as <see cref="Standardizer"/> does, would erase the spatial contrast the network learns from.
/// The statistics are stored expanded to one shift and scale per feature, so saving, loading and
/// applying work as for every <see cref="AffineTransform"/>.
/// </summary>
public sealed class ChannelNormalizer : AffineTransform
{
    internal const string KindName = "channel-normalize";

    internal ChannelNormalizer(string[] features, float[] shift, float[] scale) : base(KindName, features, shift, scale) { }

    /// <summary>Fits on <paramref name="split"/>'s training rows.</summary>
    /// <exception cref="ArgumentException">The row type's features are not one image of shape [C, H, W].</exception>
    [LearnsFrom("split")]
    public static ChannelNormalizer Fit<TRow>(DataSplit<TRow> split) where TRow : IDatasetRow<TRow> => Fit(TrainingRows(split));

    /// <summary>Fits on <paramref name="train"/>, which must be training rows only.</summary>
    /// <exception cref="ArgumentException">The row type's features are not one image of shape [C, H, W], or there are no rows.</exception>
    [LearnsFrom("train")]
    public static ChannelNormalizer Fit<TRow>(IReadOnlyList<TRow> train) where TRow : IDatasetRow<TRow>
    {
        int channels = ImageChannels<TRow>();
        CheckNotEmpty(train);
        int plane = TRow.FeatureLength / channels;
        // Streamed row by row: a column per pixel, as the per-feature transforms read, would hold
        // every pixel of the training set at once.
        var statistics = Enumerable.Range(0, channels).Select(_ => new RunningStatistics()).ToArray();
        var buffer = new float[TRow.FeatureLength];
        foreach (TRow row in train)
        {
            TRow.WriteFeatures(row, buffer);
            for (int channel = 0; channel < channels; channel++)
                foreach (float value in buffer.AsSpan(channel * plane, plane))
                    if (!float.IsNaN(value)) statistics[channel].Push(value);
        }

        var shift = new float[TRow.FeatureLength];
        var scale = new float[TRow.FeatureLength];
        for (int channel = 0; channel < channels; channel++)
        {
            RunningStatistics channelStatistics = statistics[channel];
            double mean = channelStatistics.Count == 0 ? 0 : channelStatistics.Mean;
            double deviation = channelStatistics.Count < 2 ? 0 : channelStatistics.PopulationStandardDeviation;
            shift.AsSpan(channel * plane, plane).Fill((float)mean);
            scale.AsSpan(channel * plane, plane).Fill(UnitDeviationScale(deviation));
        }
        return new ChannelNormalizer(TRow.FeatureNames.ToArray(), shift, scale);
    }

    private static int ImageChannels<TRow>() where TRow : IDatasetRow<TRow>
    {
        ReadOnlySpan<long> shape = TRow.FeatureShape;
        if (shape.Length != 3)
            throw new ArgumentException(
                $"{nameof(ChannelNormalizer)} needs rows whose features are one image of shape [C, H, W], but {typeof(TRow).Name}'s features have shape " +
                $"({string.Join(", ", shape.ToArray())}), rank {shape.Length}; use {nameof(Standardizer)} to scale each feature on its own");
        return (int)shape[0];
    }
}
