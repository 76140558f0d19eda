using MlDsl.Runtime;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlDsl.Training.Optimizers;

/// <summary>
/// AdamW (Loshchilov and Hutter, 2019, Algorithm 2: weight decay applied to the weights, not the gradient, as
/// <c>torch.optim.AdamW</c>), TorchSharp's <see cref="TorchSharp.Modules.AdamW"/> with a step whose Scalars outlive
/// the native calls reading them (see <see cref="MlDsl.Runtime.HeldScalars"/>). Keeps the name <c>AdamW</c> that checkpoints record.
/// </summary>
internal sealed class AdamW(IEnumerable<Parameter> parameters, double lr, double weight_decay)
    : TorchSharp.Modules.AdamW(parameters, lr: lr, weight_decay: weight_decay)
{
    /// <inheritdoc/>
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        Options options = group.Options;
        foreach (Parameter parameter in group.Parameters)
            if (parameter.grad is { } gradient)
                AdamUpdate.Apply(parameter, gradient, (State)_state[parameter.Handle], options.LearningRate!.Value,
                    options.beta1!.Value, options.beta2!.Value, options.eps!.Value, options.amsgrad!.Value, options.maximize!.Value,
                    coupledWeightDecay: 0, decoupledWeightDecay: options.weight_decay!.Value);
    }, closure);
}
