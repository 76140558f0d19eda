namespace MlDsl;

/// <summary>
/// Layer normalisation of each example over its last <see cref="Dimensions"/> axes: by default the
/// last axis only (the features of flat rows, the width of each step of a sequence), as Keras
/// LayerNormalization and a Transformer's LayerNorm(d); <c>Dimensions = 3</c> on (c, h, w) normalises the whole map.
/// </summary>
public sealed class LayerNormAttribute : LayerAttribute
{
    /// <summary>How many trailing axes are normalised together (1 to the input's rank).</summary>
    public int Dimensions { get; set; } = 1;
}
