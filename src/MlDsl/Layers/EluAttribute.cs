namespace MlDsl;

/// <summary>Exponential linear unit: alpha·(eˣ − 1) below zero.</summary>
public sealed class EluAttribute(double alpha = 1.0) : LayerAttribute
{
    public double Alpha { get; } = alpha;
}
