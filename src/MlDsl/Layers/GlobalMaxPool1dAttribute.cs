namespace MlDsl;

/// <summary>
/// Global max pooling over a signal (Keras GlobalMaxPooling1D): (channels, length) -> (channels), the largest
/// value of each channel; a flat vector, so a Linear head can follow.
/// </summary>
public sealed class GlobalMaxPool1dAttribute : LayerAttribute;
