using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Layers;

/// <summary><c>[Squeeze]</c> at run time: removes axis <c>dim</c> (counted without the batch axis) when its size is 1.</summary>
public sealed class SqueezeModule(long dim) : Module<Tensor, Tensor>(nameof(SqueezeModule))
{
    public override Tensor forward(Tensor input) => input.squeeze(dim + 1);
}
