using System.Diagnostics;
using System.Globalization;
using MlDsl.Audio;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Benchmarks;

/// <summary>Log-mel features (NFft 256, hop 80, 64 mels, 80 dB floor) for a batch of 2-second 8 kHz clips: MlDsl versus torchaudio, same clips, same run.</summary>
internal static class AudioBench
{
    /// <summary>
    /// The difference in dB allowed between MlDsl's features and torchaudio's for the timed configuration (torchaudio's
    /// mel filter bank built in float64, as MlDsl's is; see torchaudio_logmel.py): 1e-4 dB, plus float32 rounding for
    /// bins far below their clip's peak. An FFT's rounding is relative to the largest amplitude it transforms, so a bin
    /// <c>depth</c> dB below the peak carries 10^(depth/20) times the relative error: torchaudio's own float32 output
    /// differs from its float64 output by up to 4e-6 dB within 20 dB of the peak and 2.3e-3 dB 60–80 dB below it,
    /// under 1e-6 · 10^(depth/20) everywhere. A wrong window, bank or floor moves bins by whole dB, near the peak too.
    /// </summary>
    private static double Allowed(double depth) => 1e-4 + 1e-6 * Math.Pow(10, depth / 20);

    /// <returns>0, or 1 when MlDsl's features disagree with torchaudio's: a speed-up of a different computation is no speed-up.</returns>
    public static int Run(string[] args)
    {
        int clips = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
        int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        int threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        const int Samples = 16000;
        torch.set_num_threads(threads);

        using var mel = new MelSpectrogram(sampleRate: 8000, nFft: 256, hop: 80, mels: 64);
        using var db = new AmplitudeToDb(topDb: 80);
        using Tensor batch = Clips(clips, Samples);
        var times = new List<double>();
        float[] features = Array.Empty<float>();
        long[] shape = Array.Empty<long>();
        using (inference_mode())
        {
            for (int run = 0; run < runs + 3; run++)
            {
                var clock = Stopwatch.StartNew();
                using (NewDisposeScope())
                {
                    Tensor output = db.forward(mel.forward(batch));
                    if (run == 0) (features, shape) = (output.contiguous().data<float>().ToArray(), output.shape); // a warm-up run: not timed
                }
                if (run >= 3) times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        times.Sort();
        double ours = times[times.Count / 2];
        Console.WriteLine($"Log-mel features for {clips} clips of {Samples / 8000} s at 8 kHz, {threads} threads, median of {runs}:");
        Console.WriteLine($"  MlDsl (libtorch {torch.__version__})   {ours,8:F2} ms   {clips / ours * 1000,8:F0} clips/s");

        string reference = Path.Combine(Path.GetTempPath(), $"mldsl-torchaudio-logmel-{Environment.ProcessId}.f32");
        try
        {
            var peer = PythonPeer.Run("torchaudio_logmel.py", $"{clips} {Samples} {runs} {threads} {reference}", "python3-torchaudio", "torchaudio");
            if (peer is null)
            {
                Console.WriteLine("  agreement with torchaudio not checked: no torchaudio to compare with");
                return 0;
            }
            double theirs = double.Parse(peer["median_ms"], CultureInfo.InvariantCulture);
            Console.WriteLine($"  torchaudio {peer["torchaudio_version"],-10}    {theirs,8:F2} ms   {clips / theirs * 1000,8:F0} clips/s");
            Console.WriteLine($"  throughput ratio: {theirs / ours:F2}x torchaudio");
            // As timed, torchaudio builds its mel bank in float32: that rounding alone moves it by about 0.01 dB, so it is shown, not judged.
            Compare("torchaudio as timed (float32-built mel bank)", features, shape, ReadFloats(reference), peer["shape"], judged: false);
            return Compare("torchaudio with its mel bank built in float64", features, shape, ReadFloats(reference + ".f64bank"), peer["shape"], judged: true);
        }
        finally
        {
            File.Delete(reference);
            File.Delete(reference + ".f64bank");
        }
    }

    /// <summary>
    /// Prints the largest difference between the two feature sets, overall and within 40 dB of each clip's peak;
    /// when <paramref name="judged"/>, 1 (and the worst value on stderr) if any value differs by more than <see cref="Allowed"/>
    /// at its depth below its clip's peak, or if the sizes differ.
    /// </summary>
    private static int Compare(string peer, float[] ours, long[] ourShape, float[] theirs, string theirShape, bool judged)
    {
        if (ours.Length != theirs.Length)
        {
            Console.Error.WriteLine($"  DISAGREEMENT: MlDsl made {ours.Length} values ({string.Join('x', ourShape)}), torchaudio {theirs.Length} {theirShape}; the timings above are not comparable");
            return 1;
        }
        int perClip = ours.Length / (int)ourShape[0];
        double largest = 0, nearPeak = 0, worstShare = 0;
        int worst = 0;
        for (int clip = 0; clip < ourShape[0]; clip++)
        {
            ReadOnlySpan<float> reference = theirs.AsSpan(clip * perClip, perClip);
            float peak = float.MinValue;
            foreach (float value in reference) peak = Math.Max(peak, value);
            for (int i = clip * perClip; i < (clip + 1) * perClip; i++)
            {
                double difference = Math.Abs((double)ours[i] - theirs[i]), depth = peak - theirs[i];
                if (double.IsNaN(difference)) difference = double.PositiveInfinity;
                largest = Math.Max(largest, difference);
                if (depth <= 40) nearPeak = Math.Max(nearPeak, difference);
                if (difference / Allowed(depth) > worstShare) (worstShare, worst) = (difference / Allowed(depth), i);
            }
        }
        Console.WriteLine($"  agreement with {peer}: max |difference| {largest:G3} dB over {ours.Length:N0} values, {nearPeak:G3} dB within 40 dB of each clip's peak" +
            (judged ? $"; worst value at {worstShare:P0} of its allowance (1e-4 dB + float32 rounding)" : ""));
        if (!judged || worstShare <= 1) return 0;
        Console.Error.WriteLine($"  DISAGREEMENT with {peer}: value {worst} is {ours[worst]} dB here and {theirs[worst]} dB there; the timings above are not comparable");
        return 1;
    }

    private static float[] ReadFloats(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var values = new float[bytes.Length / sizeof(float)];
        for (int i = 0; i < values.Length; i++) values[i] = System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        return values;
    }

    /// <summary>The same tones the Python peer builds: two sines per clip, frequencies stepping with the clip index.</summary>
    private static Tensor Clips(int clips, int samples)
    {
        var values = new float[clips * samples];
        for (int c = 0; c < clips; c++)
            for (int n = 0; n < samples; n++)
                values[c * samples + n] = (float)(0.5 * Math.Sin(2 * Math.PI * (200 + 37 * c) * n / 8000.0) + 0.2 * Math.Sin(2 * Math.PI * (1500 + 11 * c) * n / 8000.0));
        return tensor(values, new long[] { clips, samples });
    }
}
