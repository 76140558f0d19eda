namespace MlDsl;

/// <summary>Averages (channels, height, width) down to (channels, <paramref name="outputSize"/>, <see cref="OutputWidth"/>) whatever the size.</summary>
public sealed class AdaptiveAvgPool2dAttribute(int outputSize) : LayerAttribute
{
    /// <summary>The output height, and the width unless <see cref="OutputWidth"/> is given.</summary>
    public int OutputSize { get; } = outputSize;
    /// <summary>0 means "same as <see cref="OutputSize"/>" (a square output).</summary>
    public int OutputWidth { get; set; }
}
