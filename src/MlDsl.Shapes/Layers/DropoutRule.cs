namespace MlDsl.Shapes.Layers;

/// <summary>Dropout: shape unchanged; the probability must lie in [0, 1).</summary>
public sealed class DropoutRule : LayerRule
{
    public override LayerKind Kind => LayerKind.Dropout;

    public override object Infer(LayerSpec spec, TensorShape input)
    {
        double probability = spec.Probability ?? 0.5;
        if (probability < 0 || probability >= 1)
            return Problem(ShapeProblemKind.InvalidArgument, spec,
                $"{Describe(spec)} has probability {Number(probability)}; it must lie in [0, 1)");
        return new ResolvedLayer(spec, input, input, 0, $"Dropout({Number(probability)})", "Dropout");
    }
}
