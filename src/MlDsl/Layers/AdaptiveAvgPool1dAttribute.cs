namespace MlDsl;

/// <summary>Averages (channels, length) down to (channels, <paramref name="outputSize"/>) whatever the length.</summary>
public sealed class AdaptiveAvgPool1dAttribute(int outputSize) : LayerAttribute
{
    public int OutputSize { get; } = outputSize;
}
