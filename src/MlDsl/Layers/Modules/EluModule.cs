using MlDsl.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Layers;

/// <summary>
/// PyTorch's ELU, element-wise: x for x &gt; 0, alpha·(eˣ − 1) below (Clevert et al. 2016). The same computation as
/// TorchSharp's <c>nn.ELU</c>, whose forward turns alpha (and a scale and input scale of 1) into Scalars nothing holds
/// while libtorch reads them (see <see cref="HeldScalars"/>); this module holds them. Shape unchanged; no parameters.
/// </summary>
public sealed class EluModule : nn.Module<Tensor, Tensor>
{
    private readonly Scalar alpha;

    private EluModule(double alpha) : base("ELU") => this.alpha = alpha.ToScalar();

    /// <summary>As <c>torch.nn.ELU(alpha)</c>.</summary>
    /// <param name="alpha">The value ELU tends to below zero is −alpha (PyTorch's default 1).</param>
    public static EluModule ELU(double alpha = 1.0) => new(alpha);

    /// <param name="input">Any shape.</param>
    /// <returns>Same shape.</returns>
    public override Tensor forward(Tensor input) => input.elu(alpha, HeldScalars.One, HeldScalars.One);

    protected override void Dispose(bool disposing)
    {
        if (disposing) alpha.Dispose();
        base.Dispose(disposing);
    }
}
