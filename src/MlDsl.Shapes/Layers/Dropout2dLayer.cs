namespace MlDsl.Shapes.Layers;

/// <summary>
/// Dropout2d (Keras SpatialDropout2D): zeroes whole channels of (c, h, w) while training; shape
/// unchanged. Only on maps: libtorch reads a 3-D batch (N, c, l) as one unbatched (c, h, w) map, not as N signals.
/// </summary>
public sealed class Dropout2dLayer : LayerDefinition<Dropout2dLayer.Options>
{
    public sealed record Options(double Probability);

    public override bool TrainOnly => true;

    public override Options Read(LayerArguments arguments) => new(arguments.Double("Probability", 0.5));

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (RequireRank(spec, input, 3, "(channels, height, width)", input.Rank is 1 or 2 ? "use Dropout for flat features or a (channels, length) signal" : null) is { } rank)
            return rank;
        if (options.Probability < 0 || options.Probability >= 1)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} has probability {Number(options.Probability)}; it must lie in [0, 1)");
        return Resolved(spec, input, input, 0, $"Dropout2d({Number(options.Probability)})", "Dropout2d");
    }
}
