namespace MlDsl.Shapes.Layers;

/// <summary>WaveAugment: shifts, scales and adds noise to a waveform (samples) while training; shape unchanged.</summary>
public sealed class WaveAugmentLayer : LayerDefinition<WaveAugmentLayer.Options>
{
    /// <param name="MaxShift">Largest circular shift, in samples.</param>
    /// <param name="GainDb">Largest gain change, in dB.</param>
    /// <param name="Noise">Standard deviation of added Gaussian noise, relative to the clip's RMS.</param>
    public sealed record Options(int MaxShift, double GainDb, double Noise);

    public override bool TrainOnly => true;

    public override Options Read(LayerArguments arguments) =>
        new(arguments.Int("MaxShift", 800), arguments.Double("GainDb", 6), arguments.Double("Noise", 0.05));

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (RequireRank(spec, input, 1, "a waveform (samples)") is { } rank) return rank;
        if (options.MaxShift < 0 || options.MaxShift >= input[0] || options.GainDb < 0 || options.Noise < 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} needs 0 <= MaxShift < {input[0]} samples and non-negative GainDb and Noise");
        return Resolved(spec, input, input, 0,
            $"new global::MlDsl.Audio.WaveAugment(maxShift: {options.MaxShift}, gainDb: {Number(options.GainDb)}, noise: {Number(options.Noise)})", "WaveAugment");
    }
}
