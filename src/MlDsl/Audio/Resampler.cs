namespace MlDsl.Audio;

/// <summary>
/// Band-limited resampling with a Hann-windowed sinc (torchaudio's default "sinc_interp_hann":
/// 6 zero crossings, rolloff 0.99), as a polyphase filter over the rates' greatest common divisor.
/// </summary>
public static class Resampler
{
    public static float[] Resample(ReadOnlySpan<float> samples, int fromRate, int toRate, int zeroCrossings = 6, double rolloff = 0.99)
    {
        if (fromRate <= 0 || toRate <= 0) throw new ArgumentOutOfRangeException(nameof(fromRate), $"sample rates must be positive, got {fromRate} Hz -> {toRate} Hz");
        if (fromRate == toRate) return samples.ToArray();
        int divisor = Gcd(fromRate, toRate);
        int from = fromRate / divisor, to = toRate / divisor;
        double cutoff = Math.Min(from, to) * rolloff;
        int width = (int)Math.Ceiling(zeroCrossings * from / cutoff);
        double[,] kernels = Kernels(from, to, cutoff, width, zeroCrossings);

        int taps = 2 * width + from;
        int outputLength = (int)Math.Ceiling((double)to * samples.Length / from);
        var output = new float[outputLength];
        for (int index = 0; index < outputLength; index++)
        {
            int frame = index / to, phase = index % to;
            double sum = 0;
            for (int tap = 0; tap < taps; tap++)
            {
                int source = frame * from + tap - width; // the input, zero-padded by `width` on the left
                if ((uint)source < (uint)samples.Length) sum += samples[source] * kernels[phase, tap];
            }
            output[index] = (float)sum;
        }
        return output;
    }

    private static double[,] Kernels(int from, int to, double cutoff, int width, int zeroCrossings)
    {
        int taps = 2 * width + from;
        var kernels = new double[to, taps];
        for (int phase = 0; phase < to; phase++)
            for (int tap = 0; tap < taps; tap++)
            {
                double t = (-(double)phase / to + (double)(tap - width) / from) * cutoff;
                t = Math.Clamp(t, -zeroCrossings, zeroCrossings);
                double window = Math.Pow(Math.Cos(t * Math.PI / zeroCrossings / 2), 2);
                double x = t * Math.PI;
                double sinc = x == 0 ? 1 : Math.Sin(x) / x;
                kernels[phase, tap] = sinc * window * cutoff / from;
            }
        return kernels;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
