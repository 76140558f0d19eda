namespace MlDsl.Shapes.Layers;

/// <summary>
/// BatchNorm1d over (c, l) signals or flat (f) rows: shape unchanged; each channel (or feature) is
/// normalised over the batch (and the length); parameters 2*c (weight and bias; running statistics are buffers).
/// A (steps, features) sequence is refused: PyTorch would read its steps as channels.
/// </summary>
public sealed class BatchNorm1dLayer : LayerDefinition<BatchNorm1dLayer.Options>
{
    /// <param name="NumFeatures">Declared channel or feature count, checked against the inferred one; null infers it.</param>
    public sealed record Options(int? NumFeatures);

    public override bool HasParameters => true;
    public override bool Normalizes => true;
    public override bool UsesBatchStatistics => true;

    public override Options Read(LayerArguments arguments) => new(arguments.Declared("NumFeatures"));

    /// <summary>BatchNormalization on the running statistics, over (N, F) or (N, C, L).</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) => $"BatchNormalization(x, {Module(layer)})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (input.Rank is not (1 or 2))
            return Fail(ShapeProblemKind.RankMismatch, spec,
                $"{spec.Describe()} expects flat (features) rows or a (channels, length) signal but receives {input}, a rank-{input.Rank} tensor; "
                + (input.Rank == 3 ? "use BatchNorm2d for a (channels, height, width) map" : "[Reshape] it to (channels, length)"));
        if (options.NumFeatures is null && input.IsSequence && SignalHints.RefuseSequence(spec, input, $"normalise each of the {input[0]} steps over the batch instead of each of the {input[1]} features",
                "use [LayerNorm] to normalise each step's features") is { } sequence)
            return sequence;
        int channels = input[0];
        LayerOutcome outcome = Resolved(spec, input, input, 2L * channels, $"global::MlDsl.Layers.BatchNormModule.BatchNorm1d({channels})", "BatchNorm1d");
        return options.NumFeatures is { } declared && declared != channels
            ? Mismatch(outcome, spec, "NumFeatures", declared, channels, input, input.Rank == 1 ? "features" : "channels")
            : outcome;
    }
}
