using NWaves.Effects;
using NWaves.Operations;
using NWaves.Operations.Tsm;
using NWaves.Signals;
using ButterworthBandPass = NWaves.Filters.Butterworth.BandPassFilter;

namespace MlDsl.Audio.Augmentation;

/// <summary>
/// The waveform effects behind <see cref="AudioAugmentation"/>, on NWaves: each takes mono samples and
/// returns as many samples as it was given (a longer or shorter result is centre-cropped or
/// zero-padded), so an augmented clip keeps the dataset's shape. Deterministic: randomness is the caller's.
/// </summary>
public static class WaveformEffects
{
    /// <summary>Clips shorter than this are returned unchanged by the time-scale effects (too short for a 1024-sample analysis window).</summary>
    public const int MinTimeScaleSamples = 2048;

    /// <summary>
    /// Slower (<paramref name="factor"/> &gt; 1) or faster (&lt; 1) speech at the same pitch: WSOLA
    /// time-scale modification (NWaves), then fitted back to the input's length.
    /// </summary>
    public static float[] TimeStretch(float[] samples, int sampleRate, double factor)
    {
        if (factor == 1 || samples.Length < MinTimeScaleSamples) return (float[])samples.Clone();
        DiscreteSignal stretched = Operation.TimeStretch(new DiscreteSignal(sampleRate, samples, allocateNew: true), factor, TsmAlgorithm.Wsola);
        return FitLength(stretched.Samples, samples.Length);
    }

    /// <summary>The same clip <paramref name="semitones"/> higher (or lower when negative), same duration: NWaves' WSOLA pitch shift.</summary>
    public static float[] PitchShift(float[] samples, int sampleRate, double semitones)
    {
        if (semitones == 0 || samples.Length < MinTimeScaleSamples) return (float[])samples.Clone();
        var effect = new PitchShiftEffect(Math.Pow(2, semitones / 12), 1024, 128, TsmAlgorithm.Wsola);
        DiscreteSignal shifted = effect.ApplyTo(new DiscreteSignal(sampleRate, samples, allocateNew: true));
        return FitLength(shifted.Samples, samples.Length);
    }

    /// <summary>A fourth-order Butterworth band-pass from <paramref name="lowHz"/> to <paramref name="highHz"/> (NWaves), as a telephone or a cheap microphone would.</summary>
    public static float[] BandPass(float[] samples, int sampleRate, double lowHz, double highHz, int order = 4)
    {
        var filter = new ButterworthBandPass(lowHz / sampleRate, highHz / sampleRate, order);
        return FitLength(filter.ApplyTo(new DiscreteSignal(sampleRate, samples, allocateNew: true)).Samples, samples.Length);
    }

    /// <summary>
    /// <paramref name="samples"/> plus <paramref name="noise"/> (repeated to length) scaled so that the
    /// clip's power over the noise's is <paramref name="snrDb"/> dB. A silent clip or silent noise is returned unchanged.
    /// </summary>
    public static float[] MixNoise(float[] samples, ReadOnlySpan<float> noise, double snrDb)
    {
        var mixed = (float[])samples.Clone();
        if (noise.Length == 0) return mixed;
        var added = new float[samples.Length];
        for (int i = 0; i < added.Length; i++) added[i] = noise[i % noise.Length];
        // The power of the noise as added (repeated to the clip's length), so the SNR holds exactly.
        double signalPower = Power(samples), noisePower = Power(added);
        if (signalPower == 0 || noisePower == 0) return mixed;
        double scale = Math.Sqrt(signalPower / (noisePower * Math.Pow(10, snrDb / 10)));
        for (int i = 0; i < mixed.Length; i++) mixed[i] += (float)(scale * added[i]);
        return mixed;
    }

    /// <summary>Mean square over all samples.</summary>
    public static double Power(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (float sample in samples) sum += (double)sample * sample;
        return samples.Length == 0 ? 0 : sum / samples.Length;
    }

    /// <summary>The middle <paramref name="length"/> samples, or all of them centred between zeros.</summary>
    internal static float[] FitLength(float[] samples, int length)
    {
        if (samples.Length == length) return samples;
        var fitted = new float[length];
        if (samples.Length > length) Array.Copy(samples, (samples.Length - length) / 2, fitted, 0, length);
        else Array.Copy(samples, 0, fitted, (length - samples.Length) / 2, samples.Length);
        return fitted;
    }
}
