namespace MlDsl;

/// <summary>Global average pooling (Keras GlobalAveragePooling1D): (channels, length) -> (channels), the mean over the length.</summary>
public sealed class GlobalAvgPool1dAttribute : LayerAttribute;
