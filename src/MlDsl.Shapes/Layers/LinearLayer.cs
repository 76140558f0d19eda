namespace MlDsl.Shapes.Layers;

/// <summary>Linear: (in) -> (out); parameters in*out + out.</summary>
public sealed class LinearLayer : LayerDefinition<LinearLayer.Options>
{
    /// <param name="InFeatures">Declared in features, checked against the inferred ones; null infers them.</param>
    public sealed record Options(int OutFeatures, int? InFeatures);

    public override bool HasParameters => true;
    public override string? OutputWidthArgument => "OutFeatures";

    public override Options Read(LayerArguments arguments) => new(arguments.Int("OutFeatures", 0), arguments.Declared("InFeatures"));

    protected override string Onnx(ResolvedLayer layer, Options options) => $"Gemm(x, {layer.Spec.FieldName})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (input.Rank != 1)
            return Fail(ShapeProblemKind.MissingFlatten, spec,
                $"{spec.Describe()} expects a flat (features) tensor but receives {input}; add [Flatten] before it");
        if (options.OutFeatures <= 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} needs a positive number of out features");
        int inFeatures = input[0];
        long parameters = (long)inFeatures * options.OutFeatures + options.OutFeatures;
        LayerOutcome outcome = Resolved(spec, input, TensorShape.Of(options.OutFeatures), parameters, $"Linear({inFeatures}, {options.OutFeatures})", "Linear");
        return options.InFeatures is { } declared && declared != inFeatures
            ? Mismatch(outcome, spec, "InFeatures", declared, inFeatures, input, "in features")
            : outcome;
    }
}
