using System.Diagnostics;
using System.Globalization;
using MlDsl.Audio;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Benchmarks;

/// <summary>Log-mel features (NFft 256, hop 80, 64 mels, 80 dB floor) for a batch of 2-second 8 kHz clips: MlDsl versus torchaudio, same clips, same run.</summary>
internal static class AudioBench
{
    public static void Run(string[] args)
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
        using (inference_mode())
        {
            for (int run = 0; run < runs + 3; run++)
            {
                var clock = Stopwatch.StartNew();
                using (NewDisposeScope()) db.forward(mel.forward(batch));
                if (run >= 3) times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        times.Sort();
        double ours = times[times.Count / 2];
        Console.WriteLine($"Log-mel features for {clips} clips of {Samples / 8000} s at 8 kHz, {threads} threads, median of {runs}:");
        Console.WriteLine($"  MlDsl (libtorch {torch.__version__})   {ours,8:F2} ms   {clips / ours * 1000,8:F0} clips/s");

        var peer = PythonPeer.Run("torchaudio_logmel.py", $"{clips} {Samples} {runs} {threads}", "python3-torchaudio", "torchaudio");
        if (peer is null) return;
        double theirs = double.Parse(peer["median_ms"], CultureInfo.InvariantCulture);
        Console.WriteLine($"  torchaudio {peer["torchaudio_version"],-10}    {theirs,8:F2} ms   {clips / theirs * 1000,8:F0} clips/s");
        Console.WriteLine($"  throughput ratio: {theirs / ours:F2}x torchaudio");
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
