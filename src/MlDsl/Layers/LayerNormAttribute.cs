namespace MlDsl;

/// <summary>
/// Layer normalisation of each example over its last <see cref="Dimensions"/> axes: by default the
/// last axis only (the features of flat rows, the width of each step of a sequence), as Keras
/// LayerNormalization and a Transformer's LayerNorm(d); <c>Dimensions = 3</c> on (c, h, w) normalises the whole map.
/// </summary>
/// <param name="normalizedShape">PyTorch's <c>nn.LayerNorm(normalizedShape)</c> with one size: the last axis's width, declared and checked (MLDSL0001); 0 infers it.</param>
public sealed class LayerNormAttribute(int normalizedShape = 0) : LayerAttribute
{
    /// <summary>How many trailing axes are normalised together (1 to the input's rank).</summary>
    public int Dimensions { get; set; } = 1;

    /// <summary>
    /// The last axis's size, as PyTorch's <c>normalized_shape</c> with one size; 0 means "infer from the previous layer".
    /// Declared, it is checked against the inferred width (MLDSL0001). Only with <see cref="Dimensions"/> = 1.
    /// </summary>
    public int NormalizedShape { get; set; } = normalizedShape;
}
