namespace MlDsl.Shapes.Layers;

/// <summary>
/// Linear: (in) -> (out), or per position on a sequence (steps, in) -> (steps, out) as PyTorch applies
/// it to the last axis; parameters in*out, plus out for the bias unless <c>Bias = false</c>. Any other shape is a feature map that was meant to be
/// flattened first (MLDSL0003): a (C, H, W) map, or a (C, L) map that is not known to be a sequence.
/// </summary>
public sealed class LinearLayer : LayerDefinition<LinearLayer.Options>
{
    /// <param name="InFeatures">Declared in features, checked against the inferred ones; null infers them.</param>
    /// <param name="Bias">False: no bias parameter (TorchSharp's hasBias: false, PyTorch's bias=False).</param>
    public sealed record Options(int OutFeatures, int? InFeatures, bool Bias);

    public override bool HasParameters => true;
    public override string? OutputWidthArgument => "OutFeatures";

    public override Options Read(LayerArguments arguments) => new(arguments.Int("OutFeatures", 0), arguments.Declared("InFeatures"), arguments.Bool("Bias", true));

    protected override string Onnx(ResolvedLayer layer, Options options) => (layer.Input.IsSequence ? $"Dense(x, {Module(layer)}" : $"Gemm(x, {Module(layer)}") + (options.Bias ? ")" : ", bias: false)");

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (input.Rank != 1 && !input.IsSequence)
            return Fail(ShapeProblemKind.MissingFlatten, spec,
                $"{spec.Describe()} expects a flat (features) tensor but receives {input}, a feature map; add [Flatten] before it "
                + "(Linear applies per position only to a sequence (steps, features) made by Embedding, Lstm or Gru with ReturnSequences, TransformerEncoder, PositionalEncoding or Permute)");
        if (options.OutFeatures <= 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} needs a positive number of out features");
        int inFeatures = input[input.Rank - 1];
        long parameters = (long)inFeatures * options.OutFeatures + (options.Bias ? options.OutFeatures : 0);
        TensorShape output = input.IsSequence ? TensorShape.Sequence(input[0], options.OutFeatures) : TensorShape.Of(options.OutFeatures);
        LayerOutcome outcome = Resolved(spec, input, output, parameters, $"Linear({inFeatures}, {options.OutFeatures}" + (options.Bias ? ")" : ", hasBias: false)"), "Linear");
        return options.InFeatures is { } declared && declared != inFeatures
            ? Mismatch(outcome, spec, "InFeatures", declared, inFeatures, input, "in features")
            : outcome;
    }
}
