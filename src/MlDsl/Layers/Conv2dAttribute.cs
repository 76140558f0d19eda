namespace MlDsl;

/// <summary>2-D convolution over (channels, height, width). In-channels are inferred unless given.</summary>
public sealed class Conv2dAttribute(int outChannels) : LayerAttribute
{
    public int OutChannels { get; } = outChannels;
    public int Kernel { get; set; } = 3;
    public int Stride { get; set; } = 1;
    public int Padding { get; set; }
    /// <summary>0 means "infer from the previous layer".</summary>
    public int InChannels { get; set; }
    /// <summary>False leaves out the bias (torchvision's ResNets: a conv followed by BatchNorm, whose shift makes a bias redundant).</summary>
    public bool Bias { get; set; } = true;
}
