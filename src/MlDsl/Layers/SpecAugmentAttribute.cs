namespace MlDsl;

/// <summary>SpecAugment frequency and time masking on (channels, frequency, time) inputs, in training only.</summary>
public sealed class SpecAugmentAttribute : LayerAttribute
{
    public int FrequencyMasks { get; set; } = 2;
    public int FrequencyWidth { get; set; } = 8;
    public int TimeMasks { get; set; } = 2;
    public int TimeWidth { get; set; } = 10;
}
