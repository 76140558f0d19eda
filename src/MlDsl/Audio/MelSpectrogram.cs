using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Audio;

/// <summary>
/// Waveforms (N, samples) to a power mel spectrogram (N, 1, mels, frames), on libtorch: centred
/// frames with reflect padding, a periodic Hann window, <c>stft</c>, |X|², and the mel filter bank
/// as one matrix product. Frames = 1 + samples / hop. Matches torchaudio's MelSpectrogram;
/// <c>minHz</c> and <c>maxHz</c> are its <c>f_min</c>/<c>f_max</c> (0 for
/// <c>maxHz</c> means half the sample rate).
/// </summary>
/// <exception cref="ArgumentOutOfRangeException">
/// A size is not positive, or the band is not 0 ≤ minHz &lt; maxHz ≤ sampleRate / 2 (checked here, before libtorch sees it).
/// </exception>
public sealed class MelSpectrogram : Module<Tensor, Tensor>
{
    private readonly int fftSize;
    private readonly int hop;
    private readonly Tensor window;
    private readonly Tensor filters; // [bins, mels]

    public MelSpectrogram(int sampleRate, int nFft = 400, int hop = 0, int mels = 64, double minHz = 0, double maxHz = 0,
        MelScaleKind scale = MelScaleKind.Htk, bool slaneyNormalize = false)
        : base(nameof(MelSpectrogram))
    {
        if (sampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), $"the sample rate must be positive, got {sampleRate} Hz");
        if (nFft <= 0 || mels <= 0 || hop < 0) throw new ArgumentOutOfRangeException(nFft <= 0 ? nameof(nFft) : mels <= 0 ? nameof(mels) : nameof(hop), $"sizes must be positive: nFft {nFft}, mels {mels}, hop {hop}");
        double top = maxHz > 0 ? maxHz : sampleRate / 2.0;
        if (!(minHz >= 0 && minHz < top && top <= sampleRate / 2.0))
            throw new ArgumentOutOfRangeException(minHz >= top || minHz < 0 ? nameof(minHz) : nameof(maxHz),
                $"the mel band must satisfy 0 <= minHz < maxHz <= {sampleRate / 2.0} Hz (half the sample rate), got minHz {minHz} Hz, maxHz {top} Hz");
        SampleRate = sampleRate;
        fftSize = nFft;
        this.hop = hop > 0 ? hop : nFft / 2;
        window = hann_window(nFft, periodic: true);
        double[,] bank = MelScale.FilterBank(nFft / 2 + 1, mels, sampleRate, minHz, top, scale, slaneyNormalize);
        var transposed = new float[bank.GetLength(1) * mels];
        for (int m = 0; m < mels; m++)
            for (int bin = 0; bin < bank.GetLength(1); bin++)
                transposed[bin * mels + m] = (float)bank[m, bin];
        filters = tensor(transposed, new long[] { bank.GetLength(1), mels });
        register_buffer("window", window, persistent: false);
        register_buffer("filters", filters, persistent: false);
    }

    /// <summary>The periodic Hann window [nFft], for the ONNX export.</summary>
    internal Tensor Window => window;

    /// <summary>The filter bank [bins, mels], for the ONNX export.</summary>
    internal Tensor Filters => filters;

    /// <summary>The waveform's sample rate in Hz.</summary>
    public int SampleRate { get; }

    public override Tensor forward(Tensor waveform)
    {
        using var scope = NewDisposeScope();
        Tensor spectrum = stft(waveform, fftSize, hop_length: hop, window: window, center: true,
            pad_mode: PaddingModes.Reflect, onesided: true, return_complex: true);
        Tensor parts = view_as_real(spectrum);
        Tensor power = parts.mul(parts).sum(-1);        // [N, bins, frames]
        Tensor mel = matmul(power.transpose(1, 2), filters).transpose(1, 2); // [N, mels, frames]
        return mel.unsqueeze(1).MoveToOuterDisposeScope();
    }
}
