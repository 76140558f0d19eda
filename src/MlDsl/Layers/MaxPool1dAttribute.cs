namespace MlDsl;

/// <summary>1-D max pooling over (channels, length); the stride defaults to the kernel size.</summary>
public sealed class MaxPool1dAttribute(int kernel) : LayerAttribute
{
    public int Kernel { get; } = kernel;
    /// <summary>0 means "same as the kernel".</summary>
    public int Stride { get; set; }
    public int Padding { get; set; }
    /// <summary>PyTorch's ceil_mode: a last, partial window at the end of an axis still gives an output (ceil instead of floor).</summary>
    public bool CeilMode { get; set; }
}
