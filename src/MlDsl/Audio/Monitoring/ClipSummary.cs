using NWaves.FeatureExtractors;
using NWaves.FeatureExtractors.Options;
using NWaves.Signals;
using NWaves.Transforms;
using NWaves.Windows;
using Spectral = NWaves.Features.Spectral;

namespace MlDsl.Audio.Monitoring;

/// <summary>
/// What a clip sounds like, in numbers drift monitoring can compare (NWaves): RMS level, zero-crossing
/// rate, and the means over the clip's sounding frames of spectral centroid (Hz), 85% rolloff (Hz),
/// flatness and 13 MFCCs. Frames 40 dB or more below the clip's loudest frame (the silence a clip is
/// padded with) are left out of the means, so padding does not pass for a change of sound.
/// </summary>
public static class ClipSummary
{
    public const int MfccCount = 13;
    private const double SilenceDb = 40;

    /// <summary>The summary's names, in the order <see cref="Summarise"/> returns them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        new[] { "rms", "zero_crossing_rate", "spectral_centroid_hz", "spectral_rolloff_hz", "spectral_flatness" }
            .Concat(Enumerable.Range(1, MfccCount).Select(k => $"mfcc_{k}_mean")).ToArray();

    /// <summary>Frame length for a rate: a power of two of about 32 ms (256 at 8 kHz, 512 at 16 kHz), at least 64.</summary>
    public static int FrameSize(int sampleRate) => Math.Max(64, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, sampleRate / 32)));

    /// <summary>One value per <see cref="Names"/> entry for <paramref name="samples"/> at <paramref name="sampleRate"/> Hz; a silent or too short clip gives 0 for the frame means.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The sample rate is not positive.</exception>
    public static double[] Summarise(float[] samples, int sampleRate)
    {
        if (sampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), $"the sample rate must be positive, got {sampleRate} Hz");
        var summary = new double[Names.Count];
        var signal = new DiscreteSignal(sampleRate, samples);
        summary[0] = samples.Length == 0 ? 0 : signal.Rms();
        summary[1] = samples.Length < 2 ? 0 : signal.ZeroCrossingRate();
        int frame = FrameSize(sampleRate), hop = frame / 2;
        if (samples.Length < frame) return summary;

        int frames = 1 + (samples.Length - frame) / hop;
        double[] energies = Enumerable.Range(0, frames).Select(f => Energy(samples.AsSpan(f * hop, frame))).ToArray();
        double loudest = energies.Max();
        if (loudest <= 0) return summary;
        bool[] sounding = energies.Select(energy => energy > 0 && 10 * Math.Log10(loudest / energy) < SilenceDb).ToArray();

        var fft = new RealFft(frame);
        float[] window = Window.OfType(WindowType.Hann, frame);
        float[] frequencies = Enumerable.Range(0, frame / 2 + 1).Select(bin => (float)bin * sampleRate / frame).ToArray();
        var block = new float[frame];
        var spectrum = new float[frame / 2 + 1];
        List<float[]> mfccs = new MfccExtractor(new MfccOptions
        {
            SamplingRate = sampleRate, FeatureCount = MfccCount, FrameSize = frame, HopSize = hop, Window = WindowType.Hann,
        }).ComputeFrom(samples);
        int counted = 0;
        for (int f = 0; f < frames; f++)
        {
            if (!sounding[f]) continue;
            for (int i = 0; i < frame; i++) block[i] = samples[f * hop + i] * window[i];
            fft.MagnitudeSpectrum(block, spectrum);
            summary[2] += Spectral.Centroid(spectrum, frequencies);
            summary[3] += Spectral.Rolloff(spectrum, frequencies, 0.85f);
            summary[4] += Spectral.Flatness(spectrum, 1e-10f);
            if (f < mfccs.Count)
                for (int k = 0; k < MfccCount; k++) summary[5 + k] += mfccs[f][k];
            counted++;
        }
        for (int i = 2; i < summary.Length; i++) summary[i] /= counted;
        return summary;
    }

    /// <summary>Per summary value, the values of every clip (columns for <c>DriftMonitor.Compare</c>), computed in parallel.</summary>
    public static double[][] Columns(IReadOnlyList<float[]> clips, int sampleRate)
    {
        var rows = new double[clips.Count][];
        Parallel.For(0, clips.Count, i => rows[i] = Summarise(clips[i], sampleRate));
        return Enumerable.Range(0, Names.Count).Select(k => rows.Select(row => row[k]).ToArray()).ToArray();
    }

    private static double Energy(ReadOnlySpan<float> frame)
    {
        double sum = 0;
        foreach (float sample in frame) sum += (double)sample * sample;
        return sum;
    }
}
