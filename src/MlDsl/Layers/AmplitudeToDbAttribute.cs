namespace MlDsl;

/// <summary>Power to decibels, floored <see cref="TopDb"/> below each example's peak.</summary>
public sealed class AmplitudeToDbAttribute : LayerAttribute
{
    public double TopDb { get; set; } = 80;
}
