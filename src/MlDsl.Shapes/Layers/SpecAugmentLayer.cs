namespace MlDsl.Shapes.Layers;

/// <summary>SpecAugment: masks bands of (channels, frequency, time) while training; shape unchanged.</summary>
public sealed class SpecAugmentLayer : LayerDefinition<SpecAugmentLayer.Options>
{
    public sealed record Options(int FrequencyMasks, int FrequencyWidth, int TimeMasks, int TimeWidth);

    public override bool TrainOnly => true;

    public override Options Read(LayerArguments arguments) => new(
        arguments.Int("FrequencyMasks", 2), arguments.Int("FrequencyWidth", 8), arguments.Int("TimeMasks", 2), arguments.Int("TimeWidth", 10));

    protected override LayerOutcome Infer(LayerSpec spec, Options masks, TensorShape input)
    {
        if (RequireRank(spec, input, 3, "a spectrogram (channels, frequency, time)") is { } rank) return rank;
        if (masks.FrequencyMasks < 0 || masks.FrequencyWidth < 0 || masks.TimeMasks < 0 || masks.TimeWidth < 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} needs non-negative mask counts and widths");
        if (masks.FrequencyWidth >= input[1] || masks.TimeWidth >= input[2])
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} masks up to {masks.FrequencyWidth} bins and {masks.TimeWidth} frames of {input}; a mask must be narrower than its axis");
        string factory = $"new global::MlDsl.Audio.SpecAugment(frequencyMasks: {masks.FrequencyMasks}, frequencyWidth: {masks.FrequencyWidth}, timeMasks: {masks.TimeMasks}, timeWidth: {masks.TimeWidth})";
        return Resolved(spec, input, input, 0, factory, "SpecAugment");
    }
}
