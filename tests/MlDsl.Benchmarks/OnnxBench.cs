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
/// single row and batch of 256; median of <c>runs</c> after a warm-up, the two engines run in alternate blocks so that
/// other processes' load falls on both alike. <c>onnx [runs] busy</c> instead measures
/// the single-row latency at 1 and 2 threads each, first on a quiet machine, then beside a competing process
/// that keeps every core busy: the figure serving's thread default is chosen by.
/// </summary>
internal static class OnnxBench
{
    public static void Run(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0]) : 200;
        if (args.Length > 1 && args[1] == "profile")
        {
            OnnxProfile.Run(runs);
            return;
        }
        if (args.Length > 1 && args[1] == "candidates")
        {
            OnnxProfile.Candidates(runs);
            return;
        }
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
        using var plainOptions = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(bytes.ToArray(), plainOptions);

        Console.WriteLine($"DigitCnn prediction latency, 1 thread each, median of {runs} (ONNX file {bytes.Length / 1024} KiB), {Processor()}");
        Console.WriteLine("batch   TorchSharp ms   ONNX Runtime ms   ratio (ORT / TorchSharp)");
        double torchRowMs = 0;
        foreach (int batch in new[] { 1, 256 })
        {
            float[] rows = Enumerable.Range(0, batch * 784).Select(i => (float)((i * 7919) % 255) / 255).ToArray();
            long[] shape = { batch, 1, 28, 28 };
            (double torchMs, double ortMs) = Medians(runs, () =>
            {
                using var scope = NewDisposeScope();
                using var mode = inference_mode();
                model.forward(tensor(rows, shape)).data<float>().ToArray();
            }, () =>
            {
                using OrtValue input = OrtValue.CreateTensorValueFromMemory(rows, shape);
                using var runOptions = new RunOptions();
                using var outputs = session.Run(runOptions, new[] { "input" }, new[] { input }, new[] { "output" });
                outputs[0].GetTensorDataAsSpan<float>().ToArray();
            });
            if (batch == 1) torchRowMs = torchMs;
            Console.WriteLine($"{batch,5}   {torchMs,13:F3}   {ortMs,15:F3}   {ortMs / torchMs,6:F2}");
        }
        SingleRowSettings(runs, model, bytes.ToArray(), torchRowMs);
    }

    /// <summary>
    /// One row through ONNX Runtime with each serving setting added in turn (graph optimisation level, sequential execution,
    /// no spinning, input and output OrtValues bound once, IOBinding), then through the public Deploy path of both engines
    /// (an artifact of the same model: the row's collation and the typed Predict included); and the floor: the model's
    /// floating-point operations per row over this CPU's single-thread rate for a large matrix product in TorchSharp.
    /// </summary>
    private static void SingleRowSettings(int runs, DigitCnn model, byte[] onnx, double torchRowMs)
    {
        float[] row = Enumerable.Range(0, 784).Select(i => (float)((i * 7919) % 255) / 255).ToArray();
        long[] shape = { 1, 1, 28, 28 };
        string[] inputNames = ["input"], outputNames = ["output"];
        Console.WriteLine();
        Console.WriteLine($"single row through ONNX Runtime, 1 thread, median of {runs}; ratio against TorchSharp's {torchRowMs:F3} ms above");
        Console.WriteLine("setting                                                    ms      ratio");
        void Report(string setting, double ms) => Console.WriteLine($"{setting,-55}   {ms,6:F3}   {ms / torchRowMs,6:F2}");

        foreach ((string name, GraphOptimizationLevel level, bool sequential, bool noSpin) in new[]
        {
            ("default options (basic optimisation)", GraphOptimizationLevel.ORT_ENABLE_BASIC, false, false),
            ("+ ORT_ENABLE_ALL", GraphOptimizationLevel.ORT_ENABLE_ALL, false, false),
            ("+ ORT_SEQUENTIAL", GraphOptimizationLevel.ORT_ENABLE_ALL, true, false),
            ("+ allow_spinning 0 (MlDsl's serving options)", GraphOptimizationLevel.ORT_ENABLE_ALL, true, true),
        })
        {
            using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, GraphOptimizationLevel = level,
                ExecutionMode = sequential ? ExecutionMode.ORT_SEQUENTIAL : ExecutionMode.ORT_PARALLEL };
            if (noSpin) options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            using var tuned = new InferenceSession(onnx, options);
            Report(name + ", per-call OrtValues", Median(runs, () =>
            {
                using OrtValue input = OrtValue.CreateTensorValueFromMemory(row, shape);
                using var runOptions = new RunOptions();
                using var outputs = tuned.Run(runOptions, inputNames, new[] { input }, outputNames);
                outputs[0].GetTensorDataAsSpan<float>().ToArray();
            }));
            if (!noSpin) continue;
            float[] output = new float[10];
            using OrtValue boundInput = OrtValue.CreateTensorValueFromMemory(row, shape);
            using OrtValue boundOutput = OrtValue.CreateTensorValueFromMemory(output, [1, 10]);
            using var reused = new RunOptions();
            OrtValue[] inputs = [boundInput], outputs = [boundOutput];
            Report("  input and output OrtValues made once", Median(runs, () => tuned.Run(reused, inputNames, inputs, outputNames, outputs)));
            using OrtIoBinding binding = tuned.CreateIoBinding();
            binding.BindInput("input", boundInput);
            binding.BindOutput("output", boundOutput);
            binding.SynchronizeBoundInputs();
            Report("  IOBinding of the same OrtValues", Median(runs, () => tuned.RunWithBinding(reused, binding)));
        }

        string folder = Directory.CreateTempSubdirectory("mldsl-onnx-bench").FullName;
        try
        {
            var digits = Enumerable.Range(0, 20).Select(i => new Digit { Pixels = row.Select(v => (v + i * 0.01f) % 1).ToArray(), Value = i % 10 }).ToArray();
            MlDsl.Deployment.ModelArtifact.Export(folder, model, DigitCnn.ModelName,
                new MlDsl.Deployment.ArtifactContents<Digit>(digits, MlDsl.Analysis.ClassificationReport.Compute(digits, model.Predict(digits))));
            Digit one = digits[0];
            using var torchServed = MlDsl.Deployment.DeployedModel<Digit, DigitCnn>.Open(folder, DigitCnn.Load);
            using var onnxServed = MlDsl.Deployment.DeployedModel<Digit, DigitCnn>.Open(folder, DigitCnn.Load, MlDsl.Deployment.ServingEngine.OnnxRuntime);
            (double deployedTorch, double deployedOnnx) = Medians(runs,
                () => MlDsl.Deployment.DeployedClassifier.Predict(torchServed, one), () => MlDsl.Deployment.DeployedClassifier.Predict(onnxServed, one));
            Console.WriteLine($"Deploy().Predict(row): TorchSharp {deployedTorch:F3} ms, ONNX Runtime {deployedOnnx:F3} ms, ratio {deployedOnnx / deployedTorch:F2}");
            // What MlDsl adds around ONNX Runtime's Run, step by step without ONNX Runtime (two sessions of one model differ by
            // more than this, so their difference cannot show it): the artifact's preparation of the row, its collation with
            // the finite check into the bound input, the output's copy and the argmax.
            float[] input = new float[Digit.FeatureLength], logits = new float[10];
            int steps = Math.Max(3000, runs * 100);
            (double prepare, double collate) = Medians(steps,
                () => onnxServed.Prepare(one), () => MlDsl.Data.BatchCollator.WriteCheckedFeatures(one, 0, input), block: 1);
            (double head, _) = Medians(steps, () => MlDsl.Deployment.OnnxHeads.Class((float[])logits.Clone()), () => { }, block: 1);
            Console.WriteLine($"MlDsl's steps around ONNX Runtime's Run for one row: prepare {prepare * 1000:F2} us, collate and check "
                + $"{collate * 1000:F2} us, copy and argmax {head * 1000:F2} us");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // Multiply-adds of each layer of the Keras CNN, two operations each: conv1 1->32 3x3 on 26x26, conv2 32->64 3x3 on 24x24,
        // fc1 9216->128, fc2 128->10 (ReLU, pooling and bias adds are under 0.5% and left out).
        double flops = 2.0 * (26 * 26 * 32 * 9 * 1 + 24 * 24 * 64 * 9 * 32 + 9216 * 128 + 128 * 10);
        const int n = 1024;
        using var a = randn(n, n);
        using var b = randn(n, n);
        double matmulMs = Median(Math.Max(5, runs / 10), () =>
        {
            using var scope = NewDisposeScope();
            matmul(a, b).data<float>()[0].ToString();
        });
        double rate = 2.0 * n * n * n / (matmulMs / 1000);
        Console.WriteLine($"FLOPs per row: {flops / 1e6:F2} M; single-thread fp32 rate (TorchSharp {n}x{n} matmul, 1 thread): {rate / 1e9:F1} GFLOP/s ({matmulMs:F2} ms)");
        Console.WriteLine($"floor at that rate: {flops / rate * 1000:F3} ms a row = {flops / rate * 1000 / torchRowMs:F2}x TorchSharp's single row; 0.25x would be {0.25 * torchRowMs:F3} ms");
    }

    /// <summary>
    /// The CPU's model name and its widest vector extension (Linux), since ONNX Runtime's kernels and so the ratio depend on it:
    /// MLAS picks AVX-512 kernels where the CPU has them.
    /// </summary>
    private static string Processor()
    {
        if (!File.Exists("/proc/cpuinfo")) return "CPU unknown";
        string[] lines = File.ReadAllLines("/proc/cpuinfo");
        string model = lines.FirstOrDefault(line => line.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "CPU unknown";
        string flags = lines.FirstOrDefault(line => line.StartsWith("flags")) ?? "";
        string vector = flags.Contains(" avx512f") ? "AVX-512" : flags.Contains(" avx2") ? "AVX2" : "no AVX2";
        return $"{model}, {vector}";
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

    /// <summary>
    /// The medians of <paramref name="first"/> and <paramref name="second"/> over <paramref name="runs"/> runs each, taken in
    /// alternate blocks of <paramref name="block"/> runs after a warm-up of both: a burst of load from another process falls on both alike, so their
    /// ratio holds, while each engine still runs with its weights warm in the cache, as a server answering requests does
    /// (alternating every run instead would measure each engine just after the other has evicted its weights).
    /// </summary>
    private static (double First, double Second) Medians(int runs, Action first, Action second, int block = 10)
    {
        for (int i = 0; i < Math.Max(5, runs / 10); i++)
        {
            first();
            second();
        }
        var a = new double[runs];
        var b = new double[runs];
        for (int start = 0; start < runs; start += block)
        {
            int end = Math.Min(runs, start + block);
            Time(first, a, start, end);
            Time(second, b, start, end);
        }
        Array.Sort(a);
        Array.Sort(b);
        return (a[runs / 2], b[runs / 2]);
    }

    private static void Time(Action step, double[] times, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            long begin = Stopwatch.GetTimestamp();
            step();
            times[i] = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
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
