namespace MlDsl.Shapes.Layers;

/// <summary>BatchNorm2d: shape unchanged; parameters 2*c (weight and bias; running statistics are buffers).</summary>
public sealed class BatchNorm2dRule : LayerRule
{
    public override LayerKind Kind => LayerKind.BatchNorm2d;

    public override object Infer(LayerSpec spec, TensorShape input)
    {
        if (RequireImage(spec, input) is { } rankProblem) return rankProblem;
        int channels = input[0];
        if (spec.InSize is { } declared && declared != channels)
            return Problem(ShapeProblemKind.InputSizeMismatch, spec,
                $"{Describe(spec)} declares {declared} features but receives {input}, which has {channels} channels", channels);
        return new ResolvedLayer(spec, input, input, 2L * channels, $"BatchNorm2d({channels})", "BatchNorm2d");
    }
}
