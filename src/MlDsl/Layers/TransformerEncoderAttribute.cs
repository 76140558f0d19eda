namespace MlDsl;

/// <summary>
/// Transformer encoder layers over a sequence (steps, width), batch first, as PyTorch's
/// <c>nn.TransformerEncoder(nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward, dropout), num_layers)</c>:
/// self-attention and a ReLU feed-forward block, each with a residual connection and LayerNorm. Shape unchanged.
/// Positions are invisible to attention: put <see cref="PositionalEncodingAttribute"/> before it.
/// </summary>
/// <param name="heads">Attention heads; the width must be divisible by them (MLDSL0006).</param>
public sealed class TransformerEncoderAttribute(int heads) : LayerAttribute
{
    public int Heads { get; } = heads;
    /// <summary>Width of the feed-forward block (PyTorch's dim_feedforward, default 2048).</summary>
    public int FeedForward { get; set; } = 2048;
    /// <summary>Stacked encoder layers.</summary>
    public int NumLayers { get; set; } = 1;
    /// <summary>Dropout inside each layer while training (PyTorch's default 0.1).</summary>
    public double Dropout { get; set; } = 0.1;
    /// <summary>The width (d_model); 0 means "infer from the previous layer". Declared, it is checked (MLDSL0001).</summary>
    public int ModelWidth { get; set; }
}
