namespace MlDsl;

/// <summary>
/// 2-D transposed convolution (Keras Conv2DTranspose, PyTorch ConvTranspose2d), the upsampling half of an
/// autoencoder or U-Net. In-channels are inferred unless given. Output size along each axis:
/// (size − 1)·Stride − 2·Padding + Dilation·(Kernel − 1) + OutputPadding + 1; OutputPadding picks between
/// the sizes a strided Conv2d maps to the same output and must be smaller than Stride or Dilation.
/// </summary>
public sealed class ConvTranspose2dAttribute(int outChannels) : LayerAttribute
{
    public int OutChannels { get; } = outChannels;
    public int Kernel { get; set; } = 3;
    public int Stride { get; set; } = 1;
    public int Padding { get; set; }
    public int OutputPadding { get; set; }
    public int Dilation { get; set; } = 1;
    /// <summary>Blocked connections: in and out channels split into this many groups (both must divide by it).</summary>
    public int Groups { get; set; } = 1;
    /// <summary>0 means "infer from the previous layer".</summary>
    public int InChannels { get; set; }
    /// <summary>False leaves out the bias.</summary>
    public bool Bias { get; set; } = true;
}
