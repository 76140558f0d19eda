using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using MlDsl.Deployment.Onnx;
using MlDsl.Examples.Mnist;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Benchmarks;

/// <summary>
/// Prediction latency of the Keras MNIST CNN (DigitCnn): TorchSharp eager (eval, inference mode)
/// against ONNX Runtime on the generated ONNX export, side by side in one run, one thread each,
/// single row and batch of 256; median of <c>runs</c> after a warm-up. <c>onnx [runs] busy</c> instead measures
/// the single-row latency at 1 and 2 threads each, first on a quiet machine, then beside a competing process
/// that keeps every core busy: the figure serving's thread default is chosen by.
/// </summary>
internal static class OnnxBench
{
    public static void Run(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0]) : 200;
        if (args.Length > 1 && args[1] == "busy")
        {
            RunBusy(runs, torchCompetitor: args.Length > 2 && args[2] == "torch");
            return;
        }
        torch.set_num_threads(1);
        using var model = new DigitCnn(seed: 1);
        model.eval();
        var bytes = new MemoryStream();
        ((IOnnxExportable)model).ExportOnnx(bytes);
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(bytes.ToArray(), options);

        Console.WriteLine($"DigitCnn prediction latency, 1 thread each, median of {runs} (ONNX file {bytes.Length / 1024} KiB)");
        Console.WriteLine("batch   TorchSharp ms   ONNX Runtime ms   ratio (ORT / TorchSharp)");
        foreach (int batch in new[] { 1, 256 })
        {
            float[] rows = Enumerable.Range(0, batch * 784).Select(i => (float)((i * 7919) % 255) / 255).ToArray();
            long[] shape = { batch, 1, 28, 28 };
            double torchMs = Median(runs, () =>
            {
                using var scope = NewDisposeScope();
                using var mode = inference_mode();
                model.forward(tensor(rows, shape)).data<float>().ToArray();
            });
            double ortMs = Median(runs, () =>
            {
                using OrtValue input = OrtValue.CreateTensorValueFromMemory(rows, shape);
                using var runOptions = new RunOptions();
                using var outputs = session.Run(runOptions, new[] { "input" }, new[] { input }, new[] { "output" });
                outputs[0].GetTensorDataAsSpan<float>().ToArray();
            });
            Console.WriteLine($"{batch,5}   {torchMs,13:F3}   {ortMs,15:F3}   {ortMs / torchMs,6:F2}");
        }
    }

    private static void RunBusy(int runs, bool torchCompetitor)
    {
        using var model = new DigitCnn(seed: 1);
        model.eval();
        var bytes = new MemoryStream();
        ((IOnnxExportable)model).ExportOnnx(bytes);
        float[] row = Enumerable.Range(0, 784).Select(i => (float)((i * 7919) % 255) / 255).ToArray();
        long[] shape = { 1, 1, 28, 28 };
        string competitor = torchCompetitor
            ? $"Debian's PyTorch multiplying matrices on {Environment.ProcessorCount} threads"
            : $"a shell loop spinning on each of {Environment.ProcessorCount} cores";
        Console.WriteLine($"DigitCnn single-row latency, median of {runs}, quiet and beside {competitor}");
        Console.WriteLine("threads   load    TorchSharp ms   ONNX Runtime ms");
        foreach (bool busy in new[] { false, true })
        {
            using Competitor? load = busy ? new Competitor(Environment.ProcessorCount, torchCompetitor) : null;
            foreach (int threads in new[] { 1, 2 })
            {
                torch.set_num_threads(threads);
                using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
                using var session = new InferenceSession(bytes.ToArray(), options);
                double torchMs = Median(runs, () =>
                {
                    using var scope = NewDisposeScope();
                    using var mode = inference_mode();
                    model.forward(tensor(row, shape)).data<float>().ToArray();
                });
                double ortMs = Median(runs, () =>
                {
                    using OrtValue input = OrtValue.CreateTensorValueFromMemory(row, shape);
                    using var runOptions = new RunOptions();
                    using var outputs = session.Run(runOptions, new[] { "input" }, new[] { input }, new[] { "output" });
                    outputs[0].GetTensorDataAsSpan<float>().ToArray();
                });
                Console.WriteLine($"{threads,7}   {(busy ? "busy" : "quiet"),-5}   {torchMs,13:F3}   {ortMs,15:F3}");
            }
        }
    }

    /// <summary>
    /// Other processes that keep the CPUs busy until disposed: a shell loop per core, or one PyTorch process
    /// multiplying matrices on as many intra-op threads as cores (libtorch's own worker threads, as a training run has).
    /// </summary>
    private sealed class Competitor : IDisposable
    {
        private readonly List<Process> spinners;

        public Competitor(int cores, bool torch)
        {
            spinners = torch
                ? [Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c",
                    $"import torch\ntorch.set_num_threads({cores})\na = torch.randn(512, 512)\nwhile True: a = torch.mm(a, a).clamp(-1, 1)"]))!]
                : Enumerable.Range(0, cores).Select(_ => Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "while :; do :; done"]))!).ToList();
            Thread.Sleep(torch ? 3000 : 500); // PyTorch takes a moment to import
        }

        public void Dispose()
        {
            foreach (Process spinner in spinners)
            {
                spinner.Kill();
                spinner.WaitForExit();
                spinner.Dispose();
            }
        }
    }

    private static double Median(int runs, Action step)
    {
        for (int i = 0; i < Math.Max(5, runs / 10); i++) step();
        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            step();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }
}
