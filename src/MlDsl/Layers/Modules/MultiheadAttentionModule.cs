using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Layers;

/// <summary>
/// <c>[MultiheadAttention]</c> at run time: TorchSharp's <c>MultiheadAttention(embedDim, heads, dropout, bias, kdim, vdim)</c>.
/// TorchSharp's module reads (steps, N, width) and has no batch_first, so the batch-first query (N, Lq, embedDim) and
/// keys and values (N, Lk, keyDim) are transposed in and the output (N, Lq, embedDim) out. The attention weights are
/// not kept. Weights are registered as <c>attention.in_proj_weight</c>, ... (<c>attention.q_proj_weight</c>,
/// <c>k_proj_weight</c>, <c>v_proj_weight</c> when the key or value width differs from embedDim), as PyTorch names them.
/// </summary>
public sealed class MultiheadAttentionModule : Module<Tensor, Tensor>
{
    private readonly MultiheadAttention attention;
    private readonly long embedDim, keyDim, valueDim;

    /// <param name="embedDim">The query's and the output's width.</param>
    /// <param name="heads">Attention heads; they must divide <paramref name="embedDim"/>.</param>
    /// <param name="dropout">Dropout on the attention weights while training.</param>
    /// <param name="bias">Biases on the input and output projections.</param>
    /// <param name="keyDim">The keys' width; null is <paramref name="embedDim"/>, as in PyTorch.</param>
    /// <param name="valueDim">The values' width; null is <paramref name="embedDim"/>, as in PyTorch.</param>
    /// <exception cref="ArgumentOutOfRangeException">The heads do not divide the width (libtorch would abort the process).</exception>
    public MultiheadAttentionModule(long embedDim, long heads, double dropout = 0.0, bool bias = true, long? keyDim = null, long? valueDim = null)
        : base(nameof(MultiheadAttentionModule))
    {
        if (heads <= 0 || embedDim % heads != 0)
            throw new ArgumentOutOfRangeException(nameof(heads), $"The width {embedDim} must be divisible by the number of heads, {heads}");
        this.embedDim = embedDim;
        this.keyDim = keyDim ?? embedDim;
        this.valueDim = valueDim ?? embedDim;
        attention = MultiheadAttention(embedDim, heads, dropout, bias, kdim: keyDim, vdim: valueDim);
        RegisterComponents();
    }

    /// <summary>Self-attention: the sequence (N, L, embedDim) attends over itself.</summary>
    public override Tensor forward(Tensor input) => forward(input, input);

    /// <summary>Cross-attention: the query (N, Lq, embedDim) attends over the keys and values (N, Lk, keyDim), one tensor for both.</summary>
    /// <exception cref="ArgumentException">A size differs from the module's (libtorch would abort the process).</exception>
    public Tensor forward(Tensor query, Tensor keyValue)
    {
        Check(query, embedDim, "query", nameof(query));
        Check(keyValue, keyDim, "key", nameof(keyValue));
        Check(keyValue, valueDim, "value", nameof(keyValue));
        if (keyValue.shape[0] != query.shape[0])
            throw new ArgumentException($"The query has {query.shape[0]} examples but the keys and values {keyValue.shape[0]}", nameof(keyValue));
        using Tensor queryStepsFirst = query.transpose(0, 1);
        using Tensor keyValueStepsFirst = keyValue.transpose(0, 1);
        (Tensor attended, Tensor weights) = attention.call(queryStepsFirst, keyValueStepsFirst, keyValueStepsFirst, need_weights: true);
        weights.Dispose();
        using (attended)
            return attended.transpose(0, 1);
    }

    private static void Check(Tensor tensor, long width, string what, string parameter)
    {
        if (tensor.dim() != 3 || tensor.shape[2] != width)
            throw new ArgumentException($"Expected a batch of sequences (N, steps, {width}) as the {what}, got ({string.Join(", ", tensor.shape)})", parameter);
    }
}
