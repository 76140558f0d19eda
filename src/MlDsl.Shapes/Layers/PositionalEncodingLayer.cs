namespace MlDsl.Shapes.Layers;

/// <summary>
/// Adds the sinusoidal position table of "Attention Is All You Need" to a sequence (steps, width):
/// shape unchanged, no parameters (the table is a buffer that is not saved).
/// </summary>
public sealed class PositionalEncodingLayer : LayerDefinition
{
    /// <summary>Adds the module's sinusoid table.</summary>
    public override string Onnx(ResolvedLayer layer) => $"PositionalEncoding(x, {Module(layer)})";

    public override LayerOutcome Infer(LayerSpec spec, TensorShape input)
    {
        if (RequireSequence(spec, input, "a positional encoding") is { } sequence) return sequence;
        return Resolved(spec, input, TensorShape.Sequence(input[0], input[1]), 0,
            $"new global::MlDsl.Layers.PositionalEncodingModule({input[0]}, {input[1]})", "PositionalEncoding");
    }
}
