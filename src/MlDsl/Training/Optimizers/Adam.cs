using MlDsl.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlDsl.Training.Optimizers;

/// <summary>
/// Adam (Kingma and Ba, 2015, Algorithm 1; L2 weight decay added to the gradient, as <c>torch.optim.Adam</c>),
/// TorchSharp's <see cref="TorchSharp.Modules.Adam"/> with a step whose Scalars outlive the native calls reading
/// them (see <see cref="MlDsl.Runtime.HeldScalars"/>). Same options, state and saved state as TorchSharp's: the class keeps the
/// name <c>Adam</c>, which checkpoints record, so checkpoints of either load into the other.
/// </summary>
internal sealed class Adam(IEnumerable<Parameter> parameters, double lr, double weight_decay)
    : TorchSharp.Modules.Adam(parameters, lr: lr, weight_decay: weight_decay)
{
    /// <inheritdoc/>
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        Options options = group.Options;
        foreach (Parameter parameter in group.Parameters)
            if (parameter.grad is { } gradient)
                AdamUpdate.Apply(parameter, gradient, (State)_state[parameter.Handle], options.LearningRate!.Value,
                    options.beta1!.Value, options.beta2!.Value, options.eps!.Value, options.amsgrad!.Value, options.maximize!.Value,
                    coupledWeightDecay: options.weight_decay!.Value, decoupledWeightDecay: 0);
    }, closure);
}
