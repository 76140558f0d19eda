using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Layers;

/// <summary>
/// Global max pooling: (N, C, ...) -> (N, C), the largest value over the trailing <c>spatialDimensions</c>
/// axes (1 for a (C, L) signal, 2 for a (C, H, W) map), as Keras's GlobalMaxPooling; no parameters.
/// </summary>
public sealed class GlobalMaxPool : nn.Module<Tensor, Tensor>
{
    private readonly long[] axes;

    /// <param name="spatialDimensions">How many axes after the channel axis are reduced away (1 or 2).</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one axis.</exception>
    public GlobalMaxPool(int spatialDimensions) : base(nameof(GlobalMaxPool))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(spatialDimensions, 1);
        axes = Enumerable.Range(2, spatialDimensions).Select(axis => (long)axis).ToArray();
    }

    /// <param name="input">(N, C, L) or (N, C, H, W), as many axes after C as the module was built for.</param>
    /// <exception cref="ArgumentException">The input has another rank (checked before libtorch sees it).</exception>
    public override Tensor forward(Tensor input)
    {
        if (input.dim() != axes.Length + 2)
            throw new ArgumentException($"GlobalMaxPool expects (N, C) and {axes.Length} more axes, got a tensor of shape ({string.Join(", ", input.shape)})", nameof(input));
        return input.amax(axes);
    }
}
