using System.Diagnostics;
using System.Globalization;
using MlDsl.Audio;
using MlDsl.Data.Files;
using MlDsl.Data.Streaming;
using MlDsl.Examples.SpokenLanguage;
using MlDsl.Training;

namespace MlDsl.Benchmarks;

/// <summary>
/// Peak memory and training throughput of the spoken-language CNN from 1×, 4× and 16× copies of the
/// clips on disk (streamed from WAV class folders), beside the same clips decoded into memory. Each
/// configuration runs in its own process, so each peak RSS (VmHWM) is its own; the order alternates
/// between runs so machine-load drift hits all alike.
/// </summary>
internal static class StreamingBench
{
    private const int BatchSize = 32, Warmup = 5;

    /// <summary>args: [steps] [runs] [copies...]; "csv [rows] [runs] [rounds]" for CSV shard reads with and without the rewrite check (<see cref="CsvShardBench"/>); or the child form "child MODE ROOT STEPS".</summary>
    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "child") return Child(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
        if (args.Length > 0 && args[0] == "csv") return CsvShardBench.Run(args[1..]);
        int steps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
        int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        int[] copies = args.Length > 2 ? args[2..].Select(arg => int.Parse(arg, CultureInfo.InvariantCulture)).ToArray() : [1, 4, 16];
        string root = Path.Combine(Path.GetTempPath(), "mldsl-streaming-bench");
        foreach (int copy in copies) Prepare(root, copy);

        string[] modes = ["memory-1", .. copies.Select(copy => $"stream-{copy}")];
        var results = modes.ToDictionary(mode => mode, _ => new List<(double RowsPerSecond, double PeakMb)>());
        for (int run = 0; run < runs; run++)
            foreach (string mode in run % 2 == 0 ? modes : modes.Reverse())
                results[mode].Add(Spawn(mode, root, steps));

        Console.WriteLine($"Spoken-language CNN, batch {BatchSize}, {steps} timed steps after {Warmup}, {runs} runs (min–max), {Environment.ProcessorCount} cores:");
        double memoryRate = results["memory-1"].Average(result => result.RowsPerSecond);
        double streamBase = results[$"stream-{copies[0]}"].Average(result => result.PeakMb);
        foreach (string mode in modes)
        {
            var r = results[mode];
            string relative = mode.StartsWith("stream", StringComparison.Ordinal)
                ? FormattableString.Invariant($" ({r.Average(x => x.PeakMb) / streamBase:F2}x {copies[0]}x stream)") : "";
            Console.WriteLine(FormattableString.Invariant(
                $"  {mode,-10} rows/s {r.Min(x => x.RowsPerSecond),6:F1}–{r.Max(x => x.RowsPerSecond),6:F1} ({r.Average(x => x.RowsPerSecond) / memoryRate:F2}x in-memory)   peak RSS {r.Min(x => x.PeakMb),6:F0}–{r.Max(x => x.PeakMb),6:F0} MB") + relative);
        }
        // CSV shards are streamed too: what their guard against a rewritten shard costs, side by side in the same run.
        return CsvShardBench.Run([]);
    }

    // Copies of every clip as WAV files in class folders (root/N/<language>/<copy>-<prompt>.wav), written once.
    private static void Prepare(string root, int copies)
    {
        string folder = Path.Combine(root, copies.ToString(CultureInfo.InvariantCulture));
        if (File.Exists(Path.Combine(folder, ".complete"))) return;
        Console.Error.WriteLine($"writing {copies}x the clips to {folder}...");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        List<SpokenClip> clips = AsteriskSounds.Load();
        foreach (var (clip, index) in clips.Select((clip, index) => (clip, index)))
        {
            string language = Path.Combine(folder, AsteriskSounds.Languages[clip.Language]);
            Directory.CreateDirectory(language);
            byte[] wav = Wav(clip.Samples);
            for (int copy = 0; copy < copies; copy++)
                File.WriteAllBytes(Path.Combine(language, $"{copy:D2}-{index:D5}.wav"), wav);
        }
        File.WriteAllText(Path.Combine(folder, ".complete"), "");
    }

    private static byte[] Wav(float[] samples)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + samples.Length * 2);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(SpokenClip.SampleRate);
        writer.Write(SpokenClip.SampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples.Length * 2);
        foreach (float sample in samples) writer.Write((short)Math.Clamp(MathF.Round(sample * 32767), -32768, 32767));
        writer.Flush();
        return stream.ToArray();
    }

    private static (double, double) Spawn(string mode, string root, int steps)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        foreach (string arg in new[] { typeof(StreamingBench).Assembly.Location, "streaming", "child", mode, root, steps.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string line = output.Split('\n').LastOrDefault(text => text.StartsWith("RESULT", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{mode} gave no result (exit {process.ExitCode}):\n{output}");
        string[] parts = line.Split(' ');
        Console.Error.WriteLine($"  {mode}: {line}");
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    private static int Child(string mode, string root, int steps)
    {
        using var model = new LanguageCnn(seed: 1);
        var clock = new Stopwatch();
        var options = new FitOptions
        {
            Epochs = 1, BatchSize = BatchSize, Optimizer = OptimizerKind.AdamW, Seed = 1,
            OnBatch = progress =>
            {
                if (progress.Step == Warmup) clock.Start();
                if (progress.Step == Warmup + steps) throw new StepsDone();
            },
        };
        try
        {
            if (mode == "memory-1")
            {
                List<SpokenClip> clips = AsteriskSounds.Load();
                model.Fit(clips, null, options);
            }
            else
            {
                string folder = Path.Combine(root, mode["stream-".Length..]);
                RowSource<SpokenClip> source = RowSources.FromWavFiles(LabelledFiles.FromFolders(folder, ".wav"), (audio, file, language) => new SpokenClip
                {
                    Samples = AsteriskSounds.Fit(audio.SampleRate == SpokenClip.SampleRate ? audio.Samples : Resampler.Resample(audio.Samples, audio.SampleRate, SpokenClip.SampleRate), SpokenClip.Length),
                    Language = language,
                    Prompt = Path.GetFileNameWithoutExtension(file.Path),
                    Category = "prompts",
                });
                model.Fit(source, null, options);
            }
            throw new InvalidOperationException($"the epoch ended before {Warmup + steps} steps");
        }
        catch (StepsDone)
        {
        }
        double rate = steps * BatchSize / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {rate:F2} {PeakResidentMb():F1}"));
        return 0;
    }

    private static double PeakResidentMb()
    {
        string line = File.ReadLines("/proc/self/status").First(text => text.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private sealed class StepsDone : Exception;
}
