namespace MlDsl;

/// <summary>
/// LSTM over a sequence (steps, features), batch first. Returns the last layer's final state
/// (hiddenSize × directions) unless <see cref="ReturnSequences"/> asks for every step (steps, hiddenSize × directions).
/// </summary>
/// <param name="hiddenSize">Width of the hidden state, per direction.</param>
public sealed class LstmAttribute(int hiddenSize) : LayerAttribute
{
    public int HiddenSize { get; } = hiddenSize;
    /// <summary>Stacked layers; each reads the sequence the one before it wrote.</summary>
    public int NumLayers { get; set; } = 1;
    /// <summary>Also read the sequence backwards and concatenate both directions.</summary>
    public bool Bidirectional { get; set; }
    /// <summary>Dropout between stacked layers, while training (none after the last, as PyTorch).</summary>
    public double Dropout { get; set; }
    /// <summary>Output every step (steps, width) instead of the final state (width), as Keras's return_sequences.</summary>
    public bool ReturnSequences { get; set; }
    /// <summary>Features per step; 0 means "infer from the previous layer". Declared, it is checked (MLDSL0001).</summary>
    public int InputSize { get; set; }
}
