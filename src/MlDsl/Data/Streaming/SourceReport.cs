using MlDsl.Training;

namespace MlDsl.Data.Streaming;

/// <summary>One feature's statistics over a source, from one streaming pass: exact count, missing, infinite, range, mean and deviation; quantiles estimated from a row reservoir.</summary>
public sealed record StreamedFeature(string Name, long Missing, long Infinite, double Min, double Max, double Mean, double StandardDeviation, double P01, double Median, double P99);

/// <summary>
/// What a data report needs from data larger than memory, computed in one pass over a lazy source with
/// memory bounded by the reservoir, not by the rows: running moments per feature (Welford), exact
/// range and missing counts, class counts, and quantiles from a seeded reservoir of rows (Algorithm R).
/// </summary>
public sealed record SourceReport(long Rows, IReadOnlyList<StreamedFeature> Features, IReadOnlyList<long> ClassCounts, int ReservoirRows)
{
    /// <summary>Reads every row of <paramref name="source"/> once (decoded by <paramref name="streaming"/>'s workers) and summarizes it.</summary>
    /// <param name="source">The rows.</param>
    /// <param name="reservoirRows">Rows kept for the quantile estimates (at least 1); memory is this times the feature length, in floats.</param>
    /// <param name="seed">Seeds the reservoir's choice of rows.</param>
    /// <param name="streaming">Decoding workers and queue; the defaults when null.</param>
    /// <exception cref="RowSourceException">A row cannot be decoded or has a bad label; the message names its reference.</exception>
    public static SourceReport Analyze<TRow>(RowSource<TRow> source, int reservoirRows = 256, int seed = 0, StreamingOptions? streaming = null)
        where TRow : IDatasetRow<TRow>
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(reservoirRows, 1);
        streaming ??= new StreamingOptions();
        streaming.Validate();
        int length = TRow.FeatureLength;
        var count = new long[length];
        var missing = new long[length];
        var infinite = new long[length];
        var mean = new double[length];
        var squares = new double[length];
        var min = Enumerable.Repeat(double.PositiveInfinity, length).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, length).ToArray();
        var classes = new long[TRow.LabelKind == LabelKind.Class ? TRow.ClassCount : 0];
        var reservoir = new float[(long)Math.Min(reservoirRows, Math.Max(source.Count, 1)) * length];
        var random = new Random(seed);
        long seen = 0;

        using var stream = new BatchStream<TRow>(source, Enumerable.Range(0, source.Count).ToArray(), BatchBounds.InOrder(source.Count, 256), 0, 1, streaming.Workers, streaming.Prefetch, labels: TRow.LabelKind == LabelKind.Class);
        while (stream.Next() is { } batch)
        {
            for (int row = 0; row < batch.Count; row++)
            {
                ReadOnlySpan<float> features = batch.Features.AsSpan(row * length, length);
                for (int f = 0; f < length; f++)
                {
                    float value = features[f];
                    if (float.IsNaN(value)) { missing[f]++; continue; }
                    if (float.IsInfinity(value)) { infinite[f]++; continue; }
                    double delta = value - mean[f];
                    mean[f] += delta / ++count[f];
                    squares[f] += delta * (value - mean[f]);
                    if (value < min[f]) min[f] = value;
                    if (value > max[f]) max[f] = value;
                }
                if (batch.Labels is { } labels) classes[labels[row]]++;
                long slot = seen < reservoirRows ? seen : random.NextInt64(seen + 1);
                if (slot < reservoirRows) features.CopyTo(reservoir.AsSpan((int)(slot * length), length));
                seen++;
            }
        }

        int kept = (int)Math.Min(seen, reservoirRows);
        var column = new float[kept];
        var summaries = new StreamedFeature[length];
        for (int f = 0; f < length; f++)
        {
            int finite = 0;
            for (int r = 0; r < kept; r++)
                if (float.IsFinite(reservoir[(long)r * length + f])) column[finite++] = reservoir[(long)r * length + f];
            Span<float> values = column.AsSpan(0, finite);
            values.Sort();
            summaries[f] = new StreamedFeature(TRow.FeatureNames[f], missing[f], infinite[f],
                count[f] > 0 ? min[f] : double.NaN, count[f] > 0 ? max[f] : double.NaN, count[f] > 0 ? mean[f] : double.NaN,
                count[f] > 1 ? Math.Sqrt(squares[f] / (count[f] - 1)) : double.NaN,
                Quantile(values, 0.01), Quantile(values, 0.5), Quantile(values, 0.99));
        }
        return new SourceReport(seen, summaries, classes, kept);
    }

    // Linear interpolation between order statistics (numpy's default).
    private static double Quantile(ReadOnlySpan<float> sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position), high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
