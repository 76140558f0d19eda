namespace MlDsl;

/// <summary>
/// Global average pooling (Keras GlobalAveragePooling2D): (channels, height, width) -> (channels), the
/// mean of each map; a flat vector, so a Linear head can follow without Flatten.
/// </summary>
public sealed class GlobalAvgPool2dAttribute : LayerAttribute;
