using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Layers;

/// <summary><c>[Unsqueeze]</c> at run time: inserts an axis of size 1 at <c>dim</c> (counted without the batch axis).</summary>
public sealed class UnsqueezeModule(long dim) : Module<Tensor, Tensor>(nameof(UnsqueezeModule))
{
    public override Tensor forward(Tensor input) => input.unsqueeze(dim + 1);
}
