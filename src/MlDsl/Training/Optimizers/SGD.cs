using MlDsl.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MlDsl.Training.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional momentum (Sutskever et al., 2013, as <c>torch.optim.SGD</c>:
/// b ← μb + (1−dampening)g, the first buffer being g itself; θ ← θ − lr·b, or θ − lr·(g + μb) with Nesterov),
/// TorchSharp's <see cref="TorchSharp.Modules.SGD"/> with a step whose Scalars outlive the native calls reading them
/// (see <see cref="MlDsl.Runtime.HeldScalars"/>). Keeps the name <c>SGD</c> that checkpoints record.
/// </summary>
internal sealed class SGD(IEnumerable<Parameter> parameters, double lr, double momentum, double weight_decay)
    : TorchSharp.Modules.SGD(parameters, lr, momentum: momentum, weight_decay: weight_decay)
{
    /// <inheritdoc/>
    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        Options options = group.Options;
        double momentum = options.momentum!.Value, dampening = options.dampening!.Value, weightDecay = options.weight_decay!.Value;
        double lr = options.LearningRate!.Value;
        foreach (Parameter parameter in group.Parameters)
        {
            if (parameter.grad is not { } gradient) continue;
            var state = (State)_state[parameter.Handle];
            Tensor g = gradient;
            if (weightDecay != 0)
            {
                using Scalar decay = HeldScalars.Of(weightDecay);
                g = g.add(parameter, alpha: decay);
            }
            if (momentum != 0)
            {
                if (state.momentum_buffer is null)
                    state.momentum_buffer = g.clone().detach().DetachFromDisposeScope();
                else
                    using (Scalar keep = HeldScalars.Of(momentum), take = HeldScalars.Of(1 - dampening))
                        state.momentum_buffer.mul_(keep).add_(g, alpha: take);
                if (options.nesterov!.Value)
                {
                    using Scalar keep = HeldScalars.Of(momentum);
                    g = g.add(state.momentum_buffer, alpha: keep);
                }
                else
                    g = state.momentum_buffer;
            }
            using Scalar stepSize = HeldScalars.Of(options.maximize!.Value ? lr : -lr);
            parameter.add_(g, alpha: stepSize);
        }
    }, closure);
}
