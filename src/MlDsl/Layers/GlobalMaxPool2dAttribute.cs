namespace MlDsl;

/// <summary>
/// Global max pooling (Keras GlobalMaxPooling2D): (channels, height, width) -> (channels), the largest value
/// of each map; a flat vector, so a Linear head can follow without Flatten.
/// </summary>
public sealed class GlobalMaxPool2dAttribute : LayerAttribute;
