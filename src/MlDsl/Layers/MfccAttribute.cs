namespace MlDsl;

/// <summary>Waveform (samples) to MFCCs (1, coefficients, frames): mel spectrogram, decibels, orthonormal DCT-II.</summary>
public sealed class MfccAttribute(int coefficients) : LayerAttribute
{
    public int Coefficients { get; } = coefficients;
    public int SampleRate { get; set; }
    public int NFft { get; set; } = 400;
    /// <summary>0 means NFft / 2.</summary>
    public int Hop { get; set; }
    public int Mels { get; set; } = 128;
}
