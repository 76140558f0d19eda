using MlDsl.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Layers;

/// <summary>
/// PyTorch's Softplus, element-wise: log(1 + e^(β·x)) / β, and x itself where β·x exceeds the threshold (Dugas et al.
/// 2001; PyTorch's <c>torch.nn.Softplus</c> formula and defaults β = 1, threshold 20). TorchSharp 0.107's
/// <c>nn.Softplus</c> turns β and the threshold into Scalars nothing holds while libtorch reads them (see
/// <see cref="HeldScalars"/>) and offers no overload taking Scalars, so this module computes the same formula from
/// tensor operations with its Scalars held for its lifetime. The exponent is clamped at the threshold first: where the
/// input is kept as it is, e^(β·x) would overflow to infinity and its gradient, though not selected, would be NaN.
/// Shape unchanged; no parameters.
/// </summary>
public sealed class SoftplusModule : nn.Module<Tensor, Tensor>
{
    private readonly Scalar beta;
    private readonly Scalar threshold;

    private SoftplusModule(double beta, double threshold) : base("Softplus")
    {
        this.beta = beta.ToScalar();
        this.threshold = threshold.ToScalar();
    }

    /// <summary>As <c>torch.nn.Softplus(beta, threshold)</c>.</summary>
    /// <param name="beta">The sharpness β (positive; PyTorch's default 1).</param>
    /// <param name="threshold">Above this value of β·x the output is x itself (PyTorch's default 20).</param>
    public static SoftplusModule Softplus(double beta = 1.0, double threshold = 20.0) => new(beta, threshold);

    /// <param name="input">Any shape.</param>
    /// <returns>Same shape.</returns>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor scaled = input.mul(beta);
        Tensor smooth = scaled.clamp_max(threshold).exp().log1p().div(beta);
        return scope.MoveToOuter(where(scaled.gt(threshold), input, smooth));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            beta.Dispose();
            threshold.Dispose();
        }
        base.Dispose(disposing);
    }
}
