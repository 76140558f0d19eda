using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Layers;

/// <summary><c>[SelectStep]</c> at run time: step <c>step</c> of a batch of sequences (N, steps, features) -> (N, features); negative counts from the end.</summary>
public sealed class SelectStepModule(long step) : Module<Tensor, Tensor>(nameof(SelectStepModule))
{
    public override Tensor forward(Tensor input) => input.select(1, step);
}
