using System.Diagnostics;
using System.Globalization;
using MlDsl.Audio;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Benchmarks;

/// <summary>Log-mel features (NFft 256, hop 80, 64 mels, 80 dB floor) for a batch of 2-second 8 kHz clips: MlDsl versus torchaudio, same clips, same run.</summary>
internal static class AudioBench
{
    /// <summary>The largest difference in dB allowed between MlDsl's features and torchaudio's for the timed configuration.</summary>
    private const double Tolerance = 1e-4;

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
            return Compare(features, shape, ReadFloats(reference), peer["shape"]);
        }
        finally
        {
            File.Delete(reference);
        }
    }

    /// <summary>Prints the largest difference between the two feature sets; 1 (and an error on stderr) when it exceeds <see cref="Tolerance"/> or the sizes differ.</summary>
    private static int Compare(float[] ours, long[] ourShape, float[] theirs, string theirShape)
    {
        if (ours.Length != theirs.Length)
        {
            Console.Error.WriteLine($"  DISAGREEMENT: MlDsl made {ours.Length} values ({string.Join('x', ourShape)}), torchaudio {theirs.Length} {theirShape}; the timings above are not comparable");
            return 1;
        }
        double largest = 0;
        int at = 0;
        for (int i = 0; i < ours.Length; i++)
        {
            double difference = Math.Abs((double)ours[i] - theirs[i]);
            if (difference > largest || double.IsNaN(difference)) (largest, at) = (double.IsNaN(difference) ? double.PositiveInfinity : difference, i);
        }
        Console.WriteLine($"  agreement: max |MlDsl - torchaudio| = {largest:G3} dB over {ours.Length:N0} values (tolerance {Tolerance:G1})");
        if (largest <= Tolerance) return 0;
        Console.Error.WriteLine($"  DISAGREEMENT: value {at} is {ours[at]} dB here and {theirs[at]} dB in torchaudio; the timings above are not comparable");
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
