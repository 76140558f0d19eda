namespace MlDsl.Shapes.Layers;

/// <summary>
/// A stack of Transformer encoder layers (self-attention and a feed-forward block, each with a residual
/// connection and LayerNorm, as PyTorch's post-norm <c>TransformerEncoderLayer</c>) over a sequence
/// (steps, width): shape unchanged. Parameters per layer: attention 4w²+4w, feed-forward 2·w·ff+ff+w,
/// two LayerNorms 4w.
/// </summary>
public sealed class TransformerEncoderLayer : LayerDefinition<TransformerEncoderLayer.Options>
{
    /// <param name="ModelWidth">Declared width (PyTorch's d_model), checked against the inferred one; null infers it.</param>
    public sealed record Options(int Heads, int FeedForward, int NumLayers, double Dropout, int? ModelWidth);

    public override bool HasParameters => true;

    public override Options Read(LayerArguments arguments) => new(
        arguments.Int("Heads", 0), arguments.Int("FeedForward", 2048), arguments.Int("NumLayers", 1),
        arguments.Double("Dropout", 0.1), arguments.Declared("ModelWidth"));

    /// <summary>Self-attention written as MatMul and Softmax, LayerNormalization, the feed-forward pair, per layer.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) =>
        $"TransformerEncoder(x, {Module(layer)}, width: {layer.Input[1]}, heads: {options.Heads}, layers: {options.NumLayers})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (RequireSequence(spec, input, "a Transformer") is { } sequence) return sequence;
        if (options.Heads <= 0 || options.FeedForward <= 0 || options.NumLayers <= 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} needs positive heads, feed-forward width and number of layers");
        if (options.Dropout < 0 || options.Dropout >= 1)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} has dropout {Number(options.Dropout)}; it must lie in [0, 1)");
        int width = input[1];
        // libtorch's multi-head attention splits the width evenly across the heads and aborts the process when it cannot.
        if (width % options.Heads != 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} has {options.Heads} heads but receives {input.Describe()}: the width {width} is not divisible by {options.Heads}; "
                + $"each head attends over width/heads features, so choose heads that divide {width} or project the width with [Linear] first");

        long perLayer = 4L * width * width + 4L * width + 2L * width * options.FeedForward + options.FeedForward + width + 4L * width;
        string factory = $"new global::MlDsl.Layers.TransformerEncoderModule({width}, {options.Heads}, feedForward: {options.FeedForward}"
            + (options.NumLayers != 1 ? $", numLayers: {options.NumLayers}" : "")
            + $", dropout: {Number(options.Dropout)})";
        LayerOutcome outcome = Resolved(spec, input, TensorShape.Sequence(input[0], width), perLayer * options.NumLayers, factory, "TransformerEncoder");
        return options.ModelWidth is { } declared && declared != width
            ? Mismatch(outcome, spec, "ModelWidth", declared, width, input, "features per step")
            : outcome;
    }
}
