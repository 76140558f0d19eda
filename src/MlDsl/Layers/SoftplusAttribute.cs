namespace MlDsl;

/// <summary>Softplus: log(1 + e^(beta·x)) / beta, a smooth ReLU; linear above <see cref="Threshold"/>.</summary>
public sealed class SoftplusAttribute(double beta = 1.0) : LayerAttribute
{
    public double Beta { get; } = beta;
    public double Threshold { get; set; } = 20.0;
}
