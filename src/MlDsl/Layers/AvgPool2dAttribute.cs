namespace MlDsl;

/// <summary>2-D average pooling; the stride defaults to the kernel size.</summary>
public sealed class AvgPool2dAttribute(int kernel) : LayerAttribute
{
    public int Kernel { get; } = kernel;
    /// <summary>0 means "same as the kernel".</summary>
    public int Stride { get; set; }
    public int Padding { get; set; }
}
