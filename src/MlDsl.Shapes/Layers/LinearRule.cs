namespace MlDsl.Shapes.Layers;

/// <summary>Linear: (in) -> (out); parameters in*out + out.</summary>
public sealed class LinearRule : LayerRule
{
    public override LayerKind Kind => LayerKind.Linear;

    public override object Infer(LayerSpec spec, TensorShape input)
    {
        if (input.Rank != 1)
            return Problem(ShapeProblemKind.MissingFlatten, spec,
                $"{Describe(spec)} expects a flat (features) tensor but receives {input}; add [Flatten] before it");
        int outFeatures = spec.Size ?? 0;
        if (outFeatures <= 0)
            return Problem(ShapeProblemKind.InvalidArgument, spec, $"{Describe(spec)} needs a positive number of out features");
        int inFeatures = input[0];
        if (spec.InSize is { } declared && declared != inFeatures)
            return Problem(ShapeProblemKind.InputSizeMismatch, spec,
                $"{Describe(spec)} declares {declared} in features but receives {input}", inFeatures);
        long parameters = (long)inFeatures * outFeatures + outFeatures;
        return new ResolvedLayer(spec, input, TensorShape.Of(outFeatures), parameters, $"Linear({inFeatures}, {outFeatures})", "Linear");
    }
}
