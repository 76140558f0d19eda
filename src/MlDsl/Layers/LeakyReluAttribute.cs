namespace MlDsl;

/// <summary>Leaky rectified linear unit: slope <paramref name="negativeSlope"/> below zero (PyTorch's default 0.01; Keras 3's LeakyReLU uses 0.3).</summary>
public sealed class LeakyReluAttribute(double negativeSlope = 0.01) : LayerAttribute
{
    public double NegativeSlope { get; } = negativeSlope;
}
