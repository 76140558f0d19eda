namespace MlDsl.Shapes.Layers;

/// <summary>BatchNorm2d over (c, h, w): shape unchanged; parameters 2*c (weight and bias; running statistics are buffers).</summary>
public sealed class BatchNorm2dLayer : LayerDefinition<BatchNorm2dLayer.Options>
{
    /// <param name="NumFeatures">Declared channel count, checked against the inferred one; null infers it.</param>
    public sealed record Options(int? NumFeatures);

    public override bool HasParameters => true;
    public override bool Normalizes => true;
    public override bool UsesBatchStatistics => true;

    public override Options Read(LayerArguments arguments) => new(arguments.Declared("NumFeatures"));

    protected override string Onnx(ResolvedLayer layer, Options options) => $"BatchNormalization(x, {Module(layer)})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (RequireRank(spec, input, 3, "(channels, height, width)", input.Rank is 1 or 2 ? "use BatchNorm1d for flat (features) rows or a (channels, length) signal" : null) is { } rank) return rank;
        int channels = input[0];
        LayerOutcome outcome = Resolved(spec, input, input, 2L * channels, $"global::MlDsl.Layers.BatchNormModule.BatchNorm2d({channels})", "BatchNorm2d");
        return options.NumFeatures is { } declared && declared != channels
            ? Mismatch(outcome, spec, "NumFeatures", declared, channels, input, "channels")
            : outcome;
    }
}
