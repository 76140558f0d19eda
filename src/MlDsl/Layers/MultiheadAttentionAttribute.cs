namespace MlDsl;

/// <summary>
/// Multi-head attention over a sequence, batch first, as PyTorch's
/// <c>nn.MultiheadAttention(embed_dim, num_heads, dropout, bias, kdim=, vdim=, batch_first=True)</c> and Keras'
/// <c>MultiHeadAttention</c>: the query is the member's input (steps, embedDim); the keys and values are the same
/// sequence (self-attention) or, with <see cref="KeyValue"/>, the output of an earlier member (cross-attention,
/// e.g. a question attending over an answer: <c>[From(nameof(question)), MultiheadAttention(64, 8, KeyValue = nameof(answer), KeyDim = 32, ValueDim = 32)]</c>).
/// Output (query steps, embedDim).
/// </summary>
/// <param name="embedDim">The query's width and the output's (PyTorch's embed_dim); checked against the input (MLDSL0001).</param>
/// <param name="heads">Attention heads; <paramref name="embedDim"/> must be divisible by them (MLDSL0006).</param>
public sealed class MultiheadAttentionAttribute(int embedDim, int heads) : LayerAttribute
{
    public int EmbedDim { get; } = embedDim;
    public int Heads { get; } = heads;

    /// <summary>Dropout on the attention weights while training (PyTorch's default 0).</summary>
    public double Dropout { get; set; }

    /// <summary>Biases on the input and output projections (PyTorch's default true).</summary>
    public bool Bias { get; set; } = true;

    /// <summary>The keys' width (PyTorch's kdim); 0 means the embedding width, as in PyTorch. Declared, it is checked (MLDSL0001).</summary>
    public int KeyDim { get; set; }

    /// <summary>The values' width (PyTorch's vdim); 0 means the embedding width, as in PyTorch. Declared, it is checked (MLDSL0001).</summary>
    public int ValueDim { get; set; }

    /// <summary>
    /// The earlier member (<c>nameof(answer)</c>) whose output gives the keys and values; null attends over the input itself.
    /// In a [Block], a member of the block or <see cref="BlockAttribute.Input"/>. A name that is no earlier member is MLDSL0038.
    /// </summary>
    public string? KeyValue { get; set; }
}
