using MlDsl.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Layers;

/// <summary>
/// <c>[PositionalEncoding]</c> at run time: adds the sinusoidal table of "Attention Is All You Need",
/// PE[p, 2i] = sin(p / 10000^(2i/width)) and PE[p, 2i+1] = cos(p / 10000^(2i/width)), to a batch
/// (N, steps, width). The table is a buffer (it follows the module to a device) that is not saved,
/// since it is computed from the shape.
/// </summary>
public sealed class PositionalEncodingModule : Module<Tensor, Tensor>
{
    private const string Table = "table";

    public PositionalEncodingModule(long steps, long width) : base(nameof(PositionalEncodingModule))
    {
        register_buffer(Table, Sinusoids(steps, width), persistent: false);
    }

    /// <summary>The (1, steps, width) table.</summary>
    public static Tensor Sinusoids(long steps, long width)
    {
        using var scope = NewDisposeScope();
        Tensor position = HeldScalars.Arange(steps, dtype: ScalarType.Float32).unsqueeze(1);
        using Scalar stop = HeldScalars.Of(width), two = HeldScalars.Of(2L), rate = HeldScalars.Of(-Math.Log(10000.0) / width);
        Tensor frequencies = exp(arange(HeldScalars.Zero, stop, two, dtype: ScalarType.Float32).mul(rate));
        Tensor angles = position * frequencies;
        Tensor table = zeros(steps, width);
        table[TensorIndex.Colon, TensorIndex.Slice(0, null, 2)] = sin(angles);
        // With an odd width the last even feature has no cosine partner.
        table[TensorIndex.Colon, TensorIndex.Slice(1, null, 2)] = cos(angles[TensorIndex.Colon, TensorIndex.Slice(0, width / 2)]);
        return table.unsqueeze(0).MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor input) => input.add(Positions, alpha: HeldScalars.One);

    /// <summary>The sinusoid table (1, steps, width) the forward adds; a non-persistent buffer, so neither state_dict nor named_buffers lists it.</summary>
    public Tensor Positions => get_buffer(Table)!;
}
