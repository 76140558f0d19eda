namespace MlDsl;

/// <summary>
/// Upsampling of a signal (C, L) or map (C, H, W) (PyTorch's nn.Upsample, Keras UpSampling1D/2D): every length after the
/// channels times <paramref name="scaleFactor"/>, or, with <see cref="Size"/>, to that size.
/// </summary>
public sealed class UpsampleAttribute(int scaleFactor = 2) : LayerAttribute
{
    public int ScaleFactor { get; } = scaleFactor;

    /// <summary>
    /// The output's size instead of a factor (PyTorch's <c>size</c>): a signal's length, or a map's height and width as one number
    /// for both or <c>new[] { height, width }</c> — for example to meet a skip connection of an odd size. Not with a ScaleFactor.
    /// </summary>
    public object? Size { get; set; }

    /// <summary>"nearest" (default), "linear" (signals), "bilinear" or "bicubic" (maps), as PyTorch names them.</summary>
    public string Mode { get; set; } = "nearest";

    /// <summary>
    /// PyTorch's align_corners for the interpolating modes: true maps the corner pixels of input and output onto each
    /// other; false (PyTorch's default) treats pixels as areas. Not allowed with "nearest".
    /// </summary>
    public bool AlignCorners { get; set; }
}
