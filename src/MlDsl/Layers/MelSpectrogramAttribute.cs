namespace MlDsl;

/// <summary>
/// Waveform (samples) to a power mel spectrogram (1, mels, frames) computed on libtorch, as the
/// model's first layer so training and serving can never compute features differently.
/// </summary>
public sealed class MelSpectrogramAttribute : LayerAttribute
{
    public int SampleRate { get; set; }
    public int NFft { get; set; } = 400;
    /// <summary>0 means NFft / 2.</summary>
    public int Hop { get; set; }
    /// <summary>Lowest filter-bank frequency in Hz (torchaudio's f_min).</summary>
    public double MinHz { get; set; }
    /// <summary>Highest filter-bank frequency in Hz; 0 means half the sample rate (torchaudio's f_max).</summary>
    public double MaxHz { get; set; }
    public int Mels { get; set; } = 64;
    /// <summary>Slaney's mel scale with area normalisation (librosa's default) instead of HTK's (torchaudio's).</summary>
    public bool Slaney { get; set; }
}
