using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Layers;

/// <summary>
/// <c>[Embedding]</c> at run time: TorchSharp's <c>Embedding</c> fed the token ids of a batch (N, steps),
/// which arrive as floats because every feature shares one float batch buffer (ids are exact in a
/// float up to 2^24, which the dataset's [Vocabulary] check guarantees), cast to int64 here.
/// Output (N, steps, embeddingDim). The table is registered as <c>embedding.weight</c>.
/// </summary>
public sealed class EmbeddingModule : Module<Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly long numEmbeddings;
    private readonly bool checkIds;

    /// <param name="numEmbeddings">Rows of the table; ids lie in [0, numEmbeddings).</param>
    /// <param name="embeddingDim">Width of each row.</param>
    /// <param name="paddingIndex">The id whose row stays zero and untrained, or null.</param>
    /// <param name="checkIds">
    /// Check each batch's ids against the table (one reduction and a host read per batch). Generated
    /// models pass false: their rows are checked against the declared vocabulary while collating.
    /// </param>
    public EmbeddingModule(long numEmbeddings, long embeddingDim, long? paddingIndex = null, bool checkIds = true) : base(nameof(EmbeddingModule))
    {
        embedding = Embedding(numEmbeddings, embeddingDim, padding_idx: paddingIndex);
        this.numEmbeddings = numEmbeddings;
        this.checkIds = checkIds;
        RegisterComponents();
    }

    /// <param name="input">Token ids (N, steps), float or integer.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// With checking on, an id is negative, fractional or not below the table's size (libtorch would abort the process).
    /// </exception>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor ids = input.dtype == ScalarType.Int64 ? input : input.to_type(ScalarType.Int64);
        if (checkIds && ids.numel() > 0)
        {
            if (input.is_floating_point() && !input.eq(ids).all().item<bool>())
                throw new ArgumentOutOfRangeException(nameof(input), "Embedding received a token id with a fractional part; ids are whole numbers");
            long lowest = ids.min().item<long>(), highest = ids.max().item<long>();
            if (lowest < 0 || highest >= numEmbeddings)
                throw new ArgumentOutOfRangeException(nameof(input),
                    $"Embedding received token id {(lowest < 0 ? lowest : highest)}; its table has {numEmbeddings} rows, so ids lie in [0, {numEmbeddings - 1}]");
        }
        return embedding.forward(ids).MoveToOuterDisposeScope();
    }
}
