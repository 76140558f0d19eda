namespace MlDsl;

/// <summary>
/// 1-D convolution over (channels, length): a waveform declared as [Shape(1, samples)], a series, or a
/// signal out of another Conv1d (Keras Conv1D, PyTorch Conv1d). In-channels are inferred unless given.
/// Output length: floor((length + 2·Padding − Dilation·(Kernel − 1) − 1) / Stride) + 1, or the length itself with
/// <c>Padding = "same"</c> (stride 1 only, as in PyTorch).
/// </summary>
public sealed class Conv1dAttribute(int outChannels) : LayerAttribute
{
    public int OutChannels { get; } = outChannels;
    public int Kernel { get; set; } = 3;
    public int Stride { get; set; } = 1;
    /// <summary>A number, "same" (the output keeps the length; stride 1 only) or "valid" (no padding).</summary>
    public object Padding { get; set; } = 0;
    public int Dilation { get; set; } = 1;
    /// <summary>Blocked connections: in and out channels must both divide by it; equal to the in channels, a depthwise convolution.</summary>
    public int Groups { get; set; } = 1;
    /// <summary>0 means "infer from the previous layer".</summary>
    public int InChannels { get; set; }
    /// <summary>False leaves out the bias (torchvision's ResNets: a conv followed by BatchNorm, whose shift makes a bias redundant).</summary>
    public bool Bias { get; set; } = true;
}
