namespace MlDsl.Shapes.Layers;

/// <summary>AmplitudeToDb: power to decibels with a floor TopDb below the peak; shape unchanged.</summary>
public sealed class AmplitudeToDbLayer : LayerDefinition<AmplitudeToDbLayer.Options>
{
    /// <param name="TopDb">How far below the peak values are clipped, in dB.</param>
    public sealed record Options(double TopDb);

    public override Options Read(LayerArguments arguments) => new(arguments.Double("TopDb", 80));

    protected override string Onnx(ResolvedLayer layer, Options options) =>
        $"AmplitudeToDb(x, topDb: {Number(options.TopDb)}, rank: {layer.Input.Rank})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (!(options.TopDb > 0))
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} has TopDb {Number(options.TopDb)}; it must be positive");
        return Resolved(spec, input, input, 0, $"new global::MlDsl.Audio.AmplitudeToDb(topDb: {Number(options.TopDb)})", "AmplitudeToDb");
    }
}
