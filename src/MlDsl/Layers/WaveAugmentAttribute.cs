namespace MlDsl;

/// <summary>Training-only waveform augmentation: random time shift, gain and noise (identity at prediction).</summary>
public sealed class WaveAugmentAttribute : LayerAttribute
{
    /// <summary>Largest circular shift, in samples.</summary>
    public int MaxShift { get; set; } = 800;
    /// <summary>Largest gain change, in decibels either way.</summary>
    public double GainDb { get; set; } = 6;
    /// <summary>Noise level relative to the clip's RMS.</summary>
    public double Noise { get; set; } = 0.05;
}
