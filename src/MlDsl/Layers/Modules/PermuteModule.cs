using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Layers;

/// <summary><c>[Permute]</c> at run time: reorders the axes after the batch axis, which stays first.</summary>
public sealed class PermuteModule : Module<Tensor, Tensor>
{
    private readonly long[] order;

    /// <param name="dims">For each output axis, the input axis it takes, counted without the batch axis.</param>
    public PermuteModule(params long[] dims) : base(nameof(PermuteModule))
    {
        order = new long[dims.Length + 1];
        for (int i = 0; i < dims.Length; i++) order[i + 1] = dims[i] + 1;
    }

    public override Tensor forward(Tensor input) => input.permute(order);
}
