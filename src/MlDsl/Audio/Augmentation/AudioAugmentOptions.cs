namespace MlDsl.Audio.Augmentation;

/// <summary>
/// Which waveform augmentations <see cref="AudioAugmentation.Augment{TRow}"/> applies to training rows,
/// and how strongly. Each effect that is switched on is applied to an augmented copy with probability
/// <see cref="Probability"/>, with strengths drawn from a generator seeded by <see cref="Seed"/>.
/// </summary>
public sealed record AudioAugmentOptions
{
    /// <summary>The waveform's sample rate in Hz (band edges and pitch depend on it).</summary>
    public required int SampleRate { get; init; }

    /// <summary>The dataset member holding the waveform; null means the row's only feature member.</summary>
    public string? Member { get; init; }

    /// <summary>Largest relative change of speed: a factor drawn uniformly from [1 − x, 1 + x]; 0 is off. At most 0.5.</summary>
    public double TimeStretch { get; init; }

    /// <summary>Largest pitch shift in semitones, drawn uniformly from [−x, x]; 0 is off. At most 12.</summary>
    public double PitchShiftSemitones { get; init; }

    /// <summary>Lower edge of the band-pass in Hz; with <see cref="BandPassHighHz"/> both 0 the band-pass is off.</summary>
    public double BandPassLowHz { get; init; }

    /// <summary>Upper edge of the band-pass in Hz, below half the sample rate.</summary>
    public double BandPassHighHz { get; init; }

    /// <summary>Background noise mixed in at this signal-to-noise ratio in dB; NaN is off.</summary>
    public double NoiseSnrDb { get; init; } = double.NaN;

    /// <summary>WAV files of background noise (a folder, searched recursively), resampled to <see cref="SampleRate"/>; null mixes seeded white noise.</summary>
    public string? NoiseFolder { get; init; }

    /// <summary>
    /// Random crop: the copy keeps a window of (1 − x) of the waveform, at a seeded random start, placed at a random
    /// offset among zeros (the row's length is fixed); 0 is off, at most 0.5. Clips are otherwise centre-cropped at ingestion.
    /// </summary>
    public double RandomCrop { get; init; }

    /// <summary>The chance that each switched-on effect is applied to a given copy.</summary>
    public double Probability { get; init; } = 0.5;

    /// <summary>Augmented copies added per training row; 0 replaces each training row by one augmented version.</summary>
    public int Copies { get; init; } = 1;

    public int Seed { get; init; } = 42;

    internal bool BandPass => BandPassLowHz != 0 || BandPassHighHz != 0;
}
