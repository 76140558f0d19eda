namespace MlDsl.Shapes.Layers;

/// <summary>WaveAugment: a waveform (samples) in, the same shape out; the shift must be shorter than the clip.</summary>
public sealed class WaveAugmentRule : LayerRule
{
    public override LayerKind Kind => LayerKind.WaveAugment;

    public override object Infer(LayerSpec spec, TensorShape input)
    {
        if (input.Rank != 1)
            return Problem(ShapeProblemKind.RankMismatch, spec, $"{Describe(spec)} expects a waveform (samples) but receives {input}");
        int shift = spec.Size ?? 0;
        double gain = spec.GainDb ?? 0, noise = spec.Probability ?? 0;
        if (shift < 0 || shift >= input[0] || gain < 0 || noise < 0)
            return Problem(ShapeProblemKind.InvalidArgument, spec,
                $"{Describe(spec)} needs 0 <= MaxShift < {input[0]} samples and non-negative GainDb and Noise");
        return new ResolvedLayer(spec, input, input, 0,
            $"new global::MlDsl.Audio.WaveAugment(maxShift: {shift}, gainDb: {Number(gain)}, noise: {Number(noise)})", "WaveAugment");
    }
}
