namespace MlDsl;

/// <summary>Batch normalisation over the channels of (channels, height, width); the channel count is inferred unless given.</summary>
public sealed class BatchNorm2dAttribute : LayerAttribute
{
    /// <summary>The channel count (PyTorch's num_features), checked against the inferred one; 0 means "infer it".</summary>
    public int NumFeatures { get; set; }
}
