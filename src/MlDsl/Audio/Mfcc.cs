using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Audio;

/// <summary>
/// Waveforms (N, samples) to MFCCs (N, 1, coefficients, frames): a mel spectrogram, decibels with
/// an 80 dB floor, and an orthonormal DCT-II over the mel axis — torchaudio's MFCC defaults.
/// <c>minHz</c> and <c>maxHz</c> bound the mel bank in Hz (torchaudio's
/// <c>f_min</c>/<c>f_max</c>; 0 for <c>maxHz</c> means half the sample rate).
/// </summary>
public sealed class Mfcc : Module<Tensor, Tensor>
{
    private readonly MelSpectrogram mel;
    private readonly Tensor dct; // [mels, coefficients]

    /// <param name="sampleRate">Rate of the waveform, in Hz.</param>
    /// <param name="coefficients">MFCCs kept per frame.</param>
    /// <param name="nFft">FFT size in samples.</param>
    /// <param name="hop">Samples between frames; 0 means nFft / 2.</param>
    /// <param name="mels">Mel filters before the DCT.</param>
    /// <param name="scale">HTK's mel scale (torchaudio's default) or Slaney's.</param>
    /// <param name="minHz">Lowest filter-bank frequency in Hz (torchaudio's f_min).</param>
    /// <param name="maxHz">Highest filter-bank frequency in Hz; 0 means half the sample rate (torchaudio's f_max = None).</param>
    public Mfcc(int sampleRate, int coefficients = 40, int nFft = 400, int hop = 0, int mels = 128, MelScaleKind scale = MelScaleKind.Htk,
        double minHz = 0, double maxHz = 0)
        : base(nameof(Mfcc))
    {
        mel = new MelSpectrogram(sampleRate, nFft, hop, mels, minHz, maxHz, scale);
        var matrix = new float[mels * coefficients];
        for (int n = 0; n < mels; n++)
            for (int k = 0; k < coefficients; k++)
            {
                double basis = Math.Cos(Math.PI / mels * (n + 0.5) * k) * Math.Sqrt(2.0 / mels);
                matrix[n * coefficients + k] = (float)(k == 0 ? basis / Math.Sqrt(2.0) : basis);
            }
        dct = tensor(matrix, new long[] { mels, coefficients });
        register_module("mel", mel);
        register_buffer("dct", dct, persistent: false);
    }

    /// <summary>The mel spectrogram and the DCT-II matrix [mels, coefficients], for the ONNX export.</summary>
    internal MelSpectrogram Mel => mel;

    internal Tensor Dct => dct;

    /// <summary>The waveform's sample rate in Hz.</summary>
    public int SampleRate => mel.SampleRate;

    public override Tensor forward(Tensor waveform)
    {
        using var scope = NewDisposeScope();
        Tensor db = AmplitudeToDb.ToDb(mel.forward(waveform), 80);      // [N, 1, mels, frames]
        return matmul(db.transpose(2, 3), dct).transpose(2, 3).MoveToOuterDisposeScope();
    }
}
