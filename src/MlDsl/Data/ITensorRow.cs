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

    /// <summary>Width of the model's output: classes for a class label, labels for a multi-label one, 1 for regression.</summary>
    static abstract int ClassCount { get; }

    /// <summary>What the label is; class labels unless the generator says otherwise.</summary>
    static virtual LabelKind LabelKind => LabelKind.Class;

    /// <summary>Copies the row's features into <paramref name="destination"/> (exactly <see cref="FeatureLength"/> floats).</summary>
    /// <exception cref="RowDataException">A feature has the wrong length or is missing.</exception>
    static abstract void WriteFeatures(TSelf row, Span<float> destination);

    /// <summary>The row's class index (class labels only).</summary>
    static virtual long ReadLabel(TSelf row) =>
        throw new NotSupportedException($"{typeof(TSelf).Name} has a {TSelf.LabelKind} label: write it with WriteTarget");

    /// <summary>
    /// Writes the row's target for a multi-label or regression label into <paramref name="destination"/>
    /// (<see cref="ClassCount"/> floats: 0/1 per label, or the value to predict).
    /// </summary>
    /// <exception cref="RowDataException">The label names an unknown class or is not a finite number.</exception>
    static virtual void WriteTarget(TSelf row, Span<float> destination) =>
        throw new NotSupportedException($"{typeof(TSelf).Name} has a class label: read it with ReadLabel");
}
