namespace MlDsl;

/// <summary>Waveform (samples) to MFCCs (1, coefficients, frames): mel spectrogram, decibels, orthonormal DCT-II.</summary>
public sealed class MfccAttribute(int coefficients) : LayerAttribute
{
    public int Coefficients { get; } = coefficients;
    public int SampleRate { get; set; }
    public int NFft { get; set; } = 400;
    /// <summary>0 means NFft / 2.</summary>
    public int Hop { get; set; }
    /// <summary>Lowest filter-bank frequency in Hz (torchaudio's f_min).</summary>
    public double MinHz { get; set; }
    /// <summary>Highest filter-bank frequency in Hz; 0 means half the sample rate (torchaudio's f_max).</summary>
    public double MaxHz { get; set; }
    public int Mels { get; set; } = 128;
}
