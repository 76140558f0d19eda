namespace MlDsl.Shapes.Layers;

/// <summary>Dropout: shape unchanged; the probability must lie in [0, 1).</summary>
public sealed class DropoutLayer : LayerDefinition<DropoutLayer.Options>
{
    public sealed record Options(double Probability);

    public override bool TrainOnly => true;

    public override Options Read(LayerArguments arguments) => new(arguments.Double("Probability", 0.5));

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (options.Probability < 0 || options.Probability >= 1)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} has probability {Number(options.Probability)}; it must lie in [0, 1)");
        return Resolved(spec, input, input, 0, $"Dropout({Number(options.Probability)})", "Dropout");
    }
}
