namespace MlDsl.Data;

/// <summary>
/// Implemented by the generator for every <see cref="DatasetAttribute"/> row: how one row becomes
/// a slice of a batch buffer, without reflection. Static so collation code is specialised per row type.
/// </summary>
public interface ITensorRow<TSelf> where TSelf : ITensorRow<TSelf>
{
    /// <summary>Shape of one example's features, without the batch dimension.</summary>
    static abstract ReadOnlySpan<long> FeatureShape { get; }

    /// <summary>Number of floats one example occupies in a batch buffer.</summary>
    static abstract int FeatureLength { get; }

    /// <summary>Number of label classes.</summary>
    static abstract int ClassCount { get; }

    /// <summary>Copies the row's features into <paramref name="destination"/> (exactly <see cref="FeatureLength"/> floats).</summary>
    /// <exception cref="RowDataException">A feature has the wrong length or is missing.</exception>
    static abstract void WriteFeatures(TSelf row, Span<float> destination);

    /// <summary>The row's class index.</summary>
    static abstract long ReadLabel(TSelf row);
}
