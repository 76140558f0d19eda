namespace MlDsl;

/// <summary>
/// 2-D average pooling (padded zeros count in the mean, as in PyTorch); the stride defaults to the kernel size. Kernel, Stride and Padding take one number for
/// both axes or two, <c>new[] { height, width }</c>: <c>[AvgPool2d(new[] { 2, 1 })]</c> halves the height only.
/// </summary>
public sealed class AvgPool2dAttribute(object kernel) : LayerAttribute
{
    /// <summary>2, or new[] { height, width }.</summary>
    public object Kernel { get; } = kernel;
    /// <summary>0 means "same as the kernel"; else a number or new[] { height, width }.</summary>
    public object Stride { get; set; } = 0;
    /// <summary>0, or new[] { height, width }; at most half the kernel along each axis.</summary>
    public object Padding { get; set; } = 0;
    /// <summary>PyTorch's ceil_mode: a last, partial window at the end of an axis still gives an output (ceil instead of floor).</summary>
    public bool CeilMode { get; set; }
}
