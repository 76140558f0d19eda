namespace MlDsl;

/// <summary>
/// 2-D transposed convolution (Keras Conv2DTranspose, PyTorch ConvTranspose2d), the upsampling half of an
/// autoencoder or U-Net. In-channels are inferred unless given. Output size along each axis:
/// (size − 1)·Stride − 2·Padding + Dilation·(Kernel − 1) + OutputPadding + 1; OutputPadding picks between
/// the sizes a strided Conv2d maps to the same output and must be smaller than Stride or Dilation.
/// Kernel, Stride, Padding, OutputPadding and Dilation take one number for both axes or two,
/// <c>Kernel = new[] { 3, 1 }</c> (height, width), as PyTorch takes 3 or (3, 1).
/// </summary>
public sealed class ConvTranspose2dAttribute(int outChannels) : LayerAttribute
{
    public int OutChannels { get; } = outChannels;
    public object Kernel { get; set; } = 3;
    public object Stride { get; set; } = 1;
    public object Padding { get; set; } = 0;
    public object OutputPadding { get; set; } = 0;
    public object Dilation { get; set; } = 1;
    /// <summary>Blocked connections: in and out channels split into this many groups (both must divide by it).</summary>
    public int Groups { get; set; } = 1;
    /// <summary>0 means "infer from the previous layer".</summary>
    public int InChannels { get; set; }
    /// <summary>False leaves out the bias.</summary>
    public bool Bias { get; set; } = true;
}
