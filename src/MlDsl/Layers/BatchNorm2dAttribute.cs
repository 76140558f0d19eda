namespace MlDsl;

/// <summary>Batch normalisation over channels; the channel count is inferred.</summary>
public sealed class BatchNorm2dAttribute : LayerAttribute;
