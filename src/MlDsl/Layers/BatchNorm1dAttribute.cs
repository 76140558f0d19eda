namespace MlDsl;

/// <summary>
/// Batch normalisation of flat (features) rows or of the channels of a (channels, length) signal; the
/// count is inferred unless given. Training needs more than one value per channel in a batch: on flat
/// rows that means batches of two or more (MLDSL0031).
/// </summary>
public sealed class BatchNorm1dAttribute : LayerAttribute
{
    /// <summary>The feature or channel count (PyTorch's num_features), checked against the inferred one; 0 means "infer it".</summary>
    public int NumFeatures { get; set; }
}
