using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Layers;

/// <summary><c>[Reshape]</c> at run time: each example to the given shape; the batch axis stays first.</summary>
public sealed class ReshapeModule : Module<Tensor, Tensor>
{
    private readonly long[] shape;

    /// <param name="shape">One example's sizes; -1 once at most.</param>
    public ReshapeModule(params long[] shape) : base(nameof(ReshapeModule))
    {
        this.shape = new long[shape.Length + 1];
        this.shape[0] = -1;
        shape.CopyTo(this.shape, 1);
    }

    public override Tensor forward(Tensor input)
    {
        long[] batched = (long[])shape.Clone();
        batched[0] = input.shape[0];
        return input.reshape(batched);
    }
}
