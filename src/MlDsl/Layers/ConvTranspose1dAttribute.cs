namespace MlDsl;

/// <summary>
/// 1-D transposed convolution (Keras Conv1DTranspose, PyTorch ConvTranspose1d) over (channels, length): the upsampling
/// half of a waveform or time-series autoencoder. In-channels are inferred unless given. Output length:
/// (length − 1)·Stride − 2·Padding + Dilation·(Kernel − 1) + OutputPadding + 1; OutputPadding picks between the lengths
/// a strided Conv1d maps to the same output and must be smaller than Stride or Dilation.
/// </summary>
public sealed class ConvTranspose1dAttribute(int outChannels) : LayerAttribute
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
