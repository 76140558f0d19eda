using MlDsl.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Training;

/// <summary>
/// A regression model's target scale, saved with its weights: training fits the mean and standard
/// deviation of the training targets once, the loss compares outputs with standardized targets, and
/// predictions are restored to the label's own units. Without it a target such as a price in the
/// thousands would take an output layer thousands of optimizer steps just to reach its range.
/// </summary>
public sealed class TargetScaling : Module<Tensor, Tensor>
{
    private readonly Tensor shift, scale, fitted;

    public TargetScaling() : base(nameof(TargetScaling))
    {
        shift = zeros(1);
        scale = ones(1);
        fitted = zeros(1);
        register_buffer("shift", shift);
        register_buffer("scale", scale);
        register_buffer("fitted", fitted);
    }

    /// <summary>Whether the scale has been fitted (by the first <c>Fit</c>, or loaded with the weights).</summary>
    public bool IsFitted => fitted.item<float>() > 0;

    /// <summary>The training targets' mean, subtracted before the loss.</summary>
    public double Shift => shift.item<float>();

    /// <summary>The training targets' standard deviation (1 for constant targets), divided out before the loss.</summary>
    public double Scale => scale.item<float>();

    /// <summary>Fits the scale to <paramref name="targets"/> (N, 1) unless it already is: a second <c>Fit</c> continues in the same units.</summary>
    public void FitOnce(Tensor targets)
    {
        if (IsFitted) return;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor mean = targets.mean(), deviation = targets.numel() > 1 ? targets.std() : ones(1);
        shift.copy_(mean.reshape(1));
        using Scalar negligible = HeldScalars.Of(1e-12);
        scale.copy_(where(deviation.gt(negligible), deviation, ones_like(deviation)).reshape(1));
        fitted.fill_(HeldScalars.One);
    }

    /// <summary>Targets in the units the model is trained in.</summary>
    public Tensor Standardize(Tensor targets) => (targets - shift) / scale;

    /// <summary>Model outputs back in the label's units.</summary>
    public override Tensor forward(Tensor outputs) => outputs.mul(scale).add(shift, alpha: HeldScalars.One);
}

/// <summary>A model that keeps a <see cref="Training.TargetScaling"/> (every generated regression model).</summary>
public interface ITargetScaled
{
    TargetScaling TargetScaling { get; }
}
