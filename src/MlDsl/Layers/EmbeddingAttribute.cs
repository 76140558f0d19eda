namespace MlDsl;

/// <summary>
/// Looks up a learned vector for each token id: token ids (steps) -> a sequence (steps, embeddingDim),
/// as PyTorch's <c>nn.Embedding(num_embeddings, embedding_dim)</c> and Keras's <c>Embedding(input_dim, output_dim)</c>.
/// Its input is an <c>int[]</c> feature with <c>[Shape(steps), Vocabulary(n)]</c>; <paramref name="numEmbeddings"/>
/// must be at least that vocabulary (MLDSL0033).
/// </summary>
/// <param name="numEmbeddings">Rows of the table: every id lies in [0, numEmbeddings).</param>
/// <param name="embeddingDim">Width of each vector.</param>
public sealed class EmbeddingAttribute(int numEmbeddings, int embeddingDim) : LayerAttribute
{
    public int NumEmbeddings { get; } = numEmbeddings;
    public int EmbeddingDim { get; } = embeddingDim;
    /// <summary>An id whose vector stays zero and is never trained (the tokenizer's padding id); -1 for none.</summary>
    public int PaddingIndex { get; set; } = -1;
}
