namespace MlDsl.Data;

/// <summary>
/// Implemented by the generator for every [Dataset] row, beside <see cref="ITensorRow{TSelf}"/>: the
/// names of the features, rebuilding a row from transformed features, and the metadata that splits
/// and analysis use ([GroupKey], [Timestamp], [Slice]) but the model never sees.
/// </summary>
public interface IDatasetRow<TSelf> : ITensorRow<TSelf> where TSelf : IDatasetRow<TSelf>
{
    /// <summary>One name per float of the feature buffer, e.g. <c>Radius</c> or <c>Pixels[17]</c>.</summary>
    static abstract IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The member holding the label.</summary>
    static abstract string LabelName { get; }

    /// <summary>A copy of <paramref name="row"/> with its features replaced by <paramref name="features"/> (rounded for integer features).</summary>
    static abstract TSelf WithFeatures(TSelf row, ReadOnlySpan<float> features);

    /// <summary>The [GroupKey] member's name, or null when the dataset has none.</summary>
    static abstract string? GroupKeyName { get; }

    /// <summary>The row's group as text; null when the dataset has no [GroupKey].</summary>
    static abstract string? GroupOf(TSelf row);

    /// <summary>The [Timestamp] member's name, or null when the dataset has none.</summary>
    static abstract string? TimestampName { get; }

    /// <summary>The row's time; null when the dataset has no [Timestamp].</summary>
    static abstract DateTime? TimeOf(TSelf row);

    /// <summary>The [Slice] members' names.</summary>
    static abstract IReadOnlyList<string> SliceNames { get; }

    /// <summary>The row's value of slice <paramref name="slice"/> (an index into <see cref="SliceNames"/>), as text.</summary>
    static abstract string SliceOf(TSelf row, int slice);
}
