namespace MlDsl.Shapes.Layers;

/// <summary>MelSpectrogram: a waveform (samples) to a power mel spectrogram (1, mels, frames).</summary>
public sealed class MelSpectrogramLayer : SpectrogramLayer
{
    protected override int DefaultMels => 64;
}
