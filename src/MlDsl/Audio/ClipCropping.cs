namespace MlDsl.Audio;

/// <summary>
/// Cutting recordings to what a dataset row holds: silence trimmed at the ends (an energy voice-activity
/// detector), then a fixed length taken from the middle or, for training, from a seeded random place.
/// </summary>
public static class ClipCropping
{
    /// <summary>
    /// The part of <paramref name="samples"/> from the first to the last 20 ms frame whose energy is within
    /// <paramref name="thresholdDb"/> dB of the loudest frame's: leading and trailing silence (and hiss far below the
    /// voice) cut, pauses inside kept. A silent clip gives an empty array; a clip shorter than one frame is returned whole.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The sample rate is not positive, or the threshold is not a positive number of dB.</exception>
    public static float[] TrimSilence(float[] samples, int sampleRate, double thresholdDb = 40)
    {
        if (sampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), $"the sample rate must be positive, got {sampleRate} Hz");
        if (!(thresholdDb > 0) || double.IsInfinity(thresholdDb)) throw new ArgumentOutOfRangeException(nameof(thresholdDb), $"the threshold is dB below the loudest frame, a positive number; got {thresholdDb}");
        int frame = Math.Max(1, sampleRate / 50);
        if (samples.Length < frame) return (float[])samples.Clone();
        int frames = (samples.Length + frame - 1) / frame;
        var energies = new double[frames];
        for (int f = 0; f < frames; f++)
            for (int i = f * frame; i < Math.Min(samples.Length, (f + 1) * frame); i++) energies[f] += (double)samples[i] * samples[i];
        double loudest = energies.Max();
        if (loudest <= 0) return Array.Empty<float>();
        double floor = loudest * Math.Pow(10, -thresholdDb / 10);
        int first = Array.FindIndex(energies, energy => energy >= floor), last = Array.FindLastIndex(energies, energy => energy >= floor);
        int start = first * frame, end = Math.Min(samples.Length, (last + 1) * frame);
        return samples[start..end];
    }

    /// <summary>
    /// Exactly <paramref name="length"/> samples: a longer clip's middle (or, with <paramref name="random"/>, a window
    /// at a uniformly drawn start); a shorter clip centred between zeros (or placed at a drawn offset).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The length is negative.</exception>
    public static float[] Crop(float[] samples, int length, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var clip = new float[length];
        int spare = Math.Abs(samples.Length - length);
        int offset = random is null ? spare / 2 : random.Next(spare + 1);
        if (samples.Length >= length) Array.Copy(samples, offset, clip, 0, length);
        else Array.Copy(samples, 0, clip, offset, samples.Length);
        return clip;
    }
}
