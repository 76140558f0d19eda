namespace MlDsl;

/// <summary>
/// 2-D convolution over (channels, height, width). In-channels are inferred unless given. Kernel, Stride,
/// Padding and Dilation take one number for both axes or two, <c>Kernel = new[] { 3, 1 }</c> (height, width),
/// as PyTorch takes <c>3</c> or <c>(3, 1)</c>; Padding also takes <c>"same"</c> (the output keeps the input's
/// size; stride 1 only, as in PyTorch) or <c>"valid"</c> (no padding). Anything else is reported (MLDSL0006).
/// </summary>
public sealed class Conv2dAttribute(int outChannels) : LayerAttribute
{
    public int OutChannels { get; } = outChannels;
    /// <summary>3, or new[] { height, width }.</summary>
    public object Kernel { get; set; } = 3;
    /// <summary>1, or new[] { height, width }.</summary>
    public object Stride { get; set; } = 1;
    /// <summary>0, new[] { height, width }, "same" or "valid".</summary>
    public object Padding { get; set; } = 0;
    /// <summary>Spacing between kernel taps (atrous convolution): 1, or new[] { height, width }.</summary>
    public object Dilation { get; set; } = 1;
    /// <summary>Blocked connections: in and out channels must both divide by it; equal to the in channels, a depthwise convolution.</summary>
    public int Groups { get; set; } = 1;
    /// <summary>0 means "infer from the previous layer".</summary>
    public int InChannels { get; set; }
    /// <summary>False leaves out the bias (torchvision's ResNets: a conv followed by BatchNorm, whose shift makes a bias redundant).</summary>
    public bool Bias { get; set; } = true;
}
