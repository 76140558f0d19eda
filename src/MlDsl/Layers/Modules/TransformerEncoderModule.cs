using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Layers;

/// <summary>
/// <c>[TransformerEncoder]</c> at run time: TorchSharp's <c>TransformerEncoder</c> of <c>numLayers</c> copies of
/// <c>TransformerEncoderLayer(modelWidth, heads, feedForward, dropout)</c>. TorchSharp's layer reads
/// (steps, N, width) and has no batch_first, so the batch-first input (N, steps, width) is transposed in
/// and out. Weights are registered as <c>encoder.layers.0.self_attn.in_proj_weight</c>, ... as PyTorch names them.
/// </summary>
public sealed class TransformerEncoderModule : Module<Tensor, Tensor>
{
    private readonly TransformerEncoder encoder;

    public TransformerEncoderModule(long modelWidth, long heads, long feedForward = 2048, long numLayers = 1, double dropout = 0.1)
        : base(nameof(TransformerEncoderModule))
    {
        if (heads <= 0 || modelWidth % heads != 0)
            throw new ArgumentOutOfRangeException(nameof(heads), $"The width {modelWidth} must be divisible by the number of heads, {heads}");
        // The encoder clones this layer numLayers times, as PyTorch's does.
        TransformerEncoderLayer layer = TransformerEncoderLayer(modelWidth, heads, feedForward, dropout);
        encoder = TransformerEncoder(layer, numLayers);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using Tensor stepsFirst = input.transpose(0, 1);
        using Tensor encoded = encoder.call(stepsFirst);
        return encoded.transpose(0, 1);
    }
}
