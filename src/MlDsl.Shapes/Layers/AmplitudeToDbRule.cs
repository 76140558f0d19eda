namespace MlDsl.Shapes.Layers;

/// <summary>AmplitudeToDb: shape unchanged; the floor must be positive.</summary>
public sealed class AmplitudeToDbRule : LayerRule
{
    public override LayerKind Kind => LayerKind.AmplitudeToDb;

    public override object Infer(LayerSpec spec, TensorShape input)
    {
        double topDb = spec.Probability ?? 80;
        if (!(topDb > 0))
            return Problem(ShapeProblemKind.InvalidArgument, spec, $"{Describe(spec)} has TopDb {Number(topDb)}; it must be positive");
        return new ResolvedLayer(spec, input, input, 0, $"new global::MlDsl.Audio.AmplitudeToDb(topDb: {Number(topDb)})", "AmplitudeToDb");
    }
}
