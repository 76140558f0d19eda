namespace MlDsl;

/// <summary>Zeroes whole channels of (channels, height, width) with probability <see cref="Probability"/> during training only (Keras SpatialDropout2D).</summary>
public sealed class Dropout2dAttribute(double probability = 0.5) : LayerAttribute
{
    public double Probability { get; } = probability;
}
