using MlDsl.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Layers;

/// <summary>
/// PyTorch's LeakyReLU, element-wise: x for x ≥ 0, negative_slope·x below (Maas et al. 2013). The same computation as
/// TorchSharp's <c>nn.LeakyReLU</c>, whose forward turns the slope into a Scalar nothing holds while libtorch reads it
/// (see <see cref="HeldScalars"/>); this module holds its slope for its lifetime. Shape unchanged; no parameters.
/// </summary>
public sealed class LeakyReluModule : nn.Module<Tensor, Tensor>
{
    private readonly Scalar slope;

    private LeakyReluModule(double negativeSlope) : base("LeakyReLU") => slope = negativeSlope.ToScalar();

    /// <summary>As <c>torch.nn.LeakyReLU(negative_slope)</c>.</summary>
    /// <param name="negative_slope">The slope below zero (PyTorch's default 0.01).</param>
    public static LeakyReluModule LeakyReLU(double negative_slope = 0.01) => new(negative_slope);

    /// <param name="input">Any shape.</param>
    /// <returns>Same shape.</returns>
    public override Tensor forward(Tensor input) => input.leaky_relu(slope);

    protected override void Dispose(bool disposing)
    {
        if (disposing) slope.Dispose();
        base.Dispose(disposing);
    }
}
