namespace MlDsl.Audio.Augmentation;

/// <summary>
/// Put on a dataset's waveform member: a pipeline augments its training split with these waveform
/// effects (after any oversampling; validation, test and prediction never see them). The same options
/// as <see cref="AudioAugmentOptions"/>; scripts call <see cref="AudioAugmentation.Augment{TRow}"/> on
/// the training rows instead.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class AudioAugmentAttribute(int sampleRate) : Attribute
{
    public int SampleRate { get; } = sampleRate;
    public double TimeStretch { get; set; }
    public double PitchShiftSemitones { get; set; }
    public double BandPassLowHz { get; set; }
    public double BandPassHighHz { get; set; }
    public double NoiseSnrDb { get; set; } = double.NaN;
    public string? NoiseFolder { get; set; }
    public double RandomCrop { get; set; }
    public double Probability { get; set; } = 0.5;
    public int Copies { get; set; } = 1;
    public int Seed { get; set; } = 42;

    /// <summary>The options this attribute declares for member <paramref name="member"/>.</summary>
    public AudioAugmentOptions ToOptions(string member) => new()
    {
        SampleRate = SampleRate, Member = member, TimeStretch = TimeStretch, PitchShiftSemitones = PitchShiftSemitones,
        BandPassLowHz = BandPassLowHz, BandPassHighHz = BandPassHighHz, NoiseSnrDb = NoiseSnrDb, NoiseFolder = NoiseFolder,
        RandomCrop = RandomCrop, Probability = Probability, Copies = Copies, Seed = Seed,
    };
}
