using MlDsl.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlDsl.Training.Optimizers;

/// <summary>
/// One parameter's Adam update, shared by <see cref="Adam"/> and <see cref="AdamW"/>, in the order of operations
/// of <c>torch.optim.Adam</c>'s single-tensor path (so results equal TorchSharp's to the bit):
/// m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε).
/// Runs inside the optimizer's no-grad dispose scope, which frees the temporaries.
/// </summary>
internal static class AdamUpdate
{
    /// <summary>One step for <paramref name="parameter"/>: <c>coupledWeightDecay</c> is Adam's L2 term, added to the
    /// gradient; <c>decoupledWeightDecay</c> AdamW's, θ ← θ(1 − lr·λ) before the update.</summary>
    public static void Apply(Parameter parameter, Tensor gradient, TorchSharp.Modules.Adam.State state, double lr,
        double beta1, double beta2, double eps, bool amsgrad, bool maximize, double coupledWeightDecay, double decoupledWeightDecay) =>
        Apply(parameter, gradient, ref state.step, state.exp_avg, state.exp_avg_sq, lr, beta1, beta2, eps, amsgrad, maximize, coupledWeightDecay, decoupledWeightDecay);

    /// <summary>As the overload for Adam's state, for AdamW's (the same fields in another class).</summary>
    public static void Apply(Parameter parameter, Tensor gradient, TorchSharp.Modules.AdamW.State state, double lr,
        double beta1, double beta2, double eps, bool amsgrad, bool maximize, double coupledWeightDecay, double decoupledWeightDecay) =>
        Apply(parameter, gradient, ref state.step, state.exp_avg, state.exp_avg_sq, lr, beta1, beta2, eps, amsgrad, maximize, coupledWeightDecay, decoupledWeightDecay);

    private static void Apply(Parameter parameter, Tensor gradient, ref long step, Tensor average, Tensor squareAverage,
        double lr, double beta1, double beta2, double eps, bool amsgrad, bool maximize, double coupledWeightDecay, double decoupledWeightDecay)
    {
        // MlDsl never asks for AMSGrad; its maximum buffer exists only when the optimizer is made with it.
        if (amsgrad) throw new NotSupportedException("MlDsl's Adam and AdamW steps do not implement AMSGrad.");
        Tensor g = maximize ? gradient.neg() : gradient;
        step += 1;
        if (decoupledWeightDecay != 0)
        {
            using Scalar shrink = HeldScalars.Of(1 - lr * decoupledWeightDecay);
            parameter.mul_(shrink);
        }
        double correction1 = 1 - Math.Pow(beta1, step), correction2 = 1 - Math.Pow(beta2, step);
        if (coupledWeightDecay != 0)
        {
            using Scalar decay = HeldScalars.Of(coupledWeightDecay);
            g = g.add(parameter, alpha: decay);
        }
        using (Scalar keep = HeldScalars.Of(beta1), take = HeldScalars.Of(1 - beta1))
            average.mul_(keep).add_(g, alpha: take);
        using (Scalar keep = HeldScalars.Of(beta2), take = HeldScalars.Of(1 - beta2))
            squareAverage.mul_(keep).addcmul_(g, g, value: take);
        // The denominator is √v / √(1−β₂ᵗ) + ε, as torch.optim.Adam computes it.
        Tensor denominator;
        using (Scalar root = HeldScalars.Of(Math.Sqrt(correction2)), epsilon = HeldScalars.Of(eps))
            denominator = squareAverage.sqrt().div_(root).add_(epsilon, alpha: HeldScalars.One);
        using Scalar stepSize = HeldScalars.Of(-lr / correction1);
        parameter.addcdiv_(average, denominator, value: stepSize);
    }
}
