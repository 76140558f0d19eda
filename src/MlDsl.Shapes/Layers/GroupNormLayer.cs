namespace MlDsl.Shapes.Layers;

/// <summary>
/// GroupNorm (Keras GroupNormalization): splits the channels of (c, l) or (c, h, w) into groups and normalises
/// each group of each example on its own (no batch statistics); shape unchanged; parameters 2*c. The groups
/// must divide the channels. Emitted through <c>MlDsl.Layers.GroupNorms</c>, which initialises what TorchSharp leaves empty.
/// </summary>
public sealed class GroupNormLayer : LayerDefinition<GroupNormLayer.Options>
{
    /// <param name="NumChannels">Declared channel count, checked against the inferred one; null infers it.</param>
    public sealed record Options(int Groups, int? NumChannels);

    public override bool HasParameters => true;
    public override bool Normalizes => true;

    public override Options Read(LayerArguments arguments) => new(arguments.Int("Groups", 0), arguments.Declared("NumChannels"));

    /// <summary>InstanceNormalization over the regrouped channels, then the per-channel weight and bias.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) => $"GroupNormalization(x, {Module(layer)}, groups: {options.Groups}, {Sizes(layer.Input)})";

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        // TorchSharp's GroupNorm refuses (N, C) batches (PyTorch's takes them): flat rows are LayerNorm's.
        if (input.Rank < 2)
            return Fail(ShapeProblemKind.RankMismatch, spec,
                $"{spec.Describe()} expects (channels, length) or (channels, height, width) but receives {input}, a rank-1 tensor; use LayerNorm to normalise flat features");
        if (options.NumChannels is null && input.IsSequence && SignalHints.RefuseSequence(spec, input, $"split the {input[0]} steps into groups instead of the {input[1]} features",
                "use [LayerNorm] to normalise each step's features") is { } sequence)
            return sequence;
        int channels = input[0], groups = options.Groups;
        if (groups <= 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} needs a positive number of groups, not {groups}");
        if (channels % groups != 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} splits the {channels} channels of {input} into {groups} groups, but {groups} does not divide {channels}; use a divisor such as {LargestDivisorUpTo(channels, groups)}");
        LayerOutcome outcome = Resolved(spec, input, input, 2L * channels, $"global::MlDsl.Layers.GroupNorms.Create({groups}, {channels})", "GroupNorm");
        return options.NumChannels is { } declared && declared != channels
            ? Mismatch(outcome, spec, "NumChannels", declared, channels, input, "channels")
            : outcome;
    }

    private static int LargestDivisorUpTo(int channels, int limit)
    {
        for (int candidate = System.Math.Min(limit, channels); candidate > 1; candidate--)
            if (channels % candidate == 0) return candidate;
        return 1;
    }
}
