namespace MlDsl;

/// <summary>Zeroes elements with probability <see cref="Probability"/> during training only.</summary>
public sealed class DropoutAttribute(double probability = 0.5) : LayerAttribute
{
    public double Probability { get; } = probability;
}
