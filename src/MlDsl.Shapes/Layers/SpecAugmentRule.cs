namespace MlDsl.Shapes.Layers;

/// <summary>SpecAugment: masks (channels, frequency, time) in place of values; shape unchanged.</summary>
public sealed class SpecAugmentRule : LayerRule
{
    public override LayerKind Kind => LayerKind.SpecAugment;

    public override object Infer(LayerSpec spec, TensorShape input)
    {
        if (input.Rank != 3)
            return Problem(ShapeProblemKind.RankMismatch, spec, $"{Describe(spec)} expects a spectrogram (channels, frequency, time) but receives {input}");
        MaskSettings masks = spec.Masks!;
        if (masks.FrequencyMasks < 0 || masks.FrequencyWidth < 0 || masks.TimeMasks < 0 || masks.TimeWidth < 0)
            return Problem(ShapeProblemKind.InvalidArgument, spec, $"{Describe(spec)} needs non-negative mask counts and widths");
        if (masks.FrequencyWidth >= input[1] || masks.TimeWidth >= input[2])
            return Problem(ShapeProblemKind.InvalidArgument, spec,
                $"{Describe(spec)} masks up to {masks.FrequencyWidth} bins and {masks.TimeWidth} frames of {input}; a mask must be narrower than its axis");
        string factory = $"new global::MlDsl.Audio.SpecAugment(frequencyMasks: {masks.FrequencyMasks}, frequencyWidth: {masks.FrequencyWidth}, timeMasks: {masks.TimeMasks}, timeWidth: {masks.TimeWidth})";
        return new ResolvedLayer(spec, input, input, 0, factory, "SpecAugment");
    }
}
