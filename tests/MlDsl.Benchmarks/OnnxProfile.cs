using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using MlDsl.Deployment.Onnx;
using MlDsl.Examples.Mnist;

namespace MlDsl.Benchmarks;

/// <summary>
/// Where ONNX Runtime's single-row time goes for DigitCnn under MlDsl's serving options: the graph as ONNX Runtime
/// optimised it (node by node, so an avoidable transpose, reshape or reorder shows) and ONNX Runtime's own profile,
/// per node kind, the mean microseconds a row over <c>runs</c> rows (<c>onnx [runs] profile</c>); and each candidate
/// setting against serving's own, the two sessions run alternately row by row so that the machine's noise falls on both
/// alike (<c>onnx [runs] candidates</c>).
/// </summary>
internal static class OnnxProfile
{
    public static void Run(int runs)
    {
        using var model = new DigitCnn(seed: 1);
        model.eval();
        var bytes = new MemoryStream();
        ((IOnnxExportable)model).ExportOnnx(bytes);
        string folder = Directory.CreateTempSubdirectory("mldsl-onnx-profile").FullName;
        try
        {
            using var options = MlDsl.Serving.ServingSessionOptions.Create(1);
            options.OptimizedModelFilePath = Path.Combine(folder, "optimized.onnx");
            options.ProfileOutputPathPrefix = Path.Combine(folder, "profile"); // read when profiling is switched on, so first
            options.EnableProfiling = true;
            using var session = new InferenceSession(bytes.ToArray(), options);
            var optimized = global::Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(options.OptimizedModelFilePath));
            Console.WriteLine($"graph as ONNX Runtime optimised it ({optimized.Graph.Node.Count} nodes):");
            foreach (var node in optimized.Graph.Node)
                Console.WriteLine($"  {node.Domain,-18} {node.OpType,-22} {string.Join(",", node.Input)} -> {string.Join(",", node.Output)}  "
                    + string.Join(" ", node.Attribute.Select(a => $"{a.Name}={(a.Ints.Count > 0 ? string.Join("x", a.Ints) : a.S.Length > 0 ? a.S.ToStringUtf8() : a.I.ToString())}")));

            float[] row = Enumerable.Range(0, 784).Select(i => (float)((i * 7919) % 255) / 255).ToArray();
            float[] output = new float[10];
            using OrtValue input = OrtValue.CreateTensorValueFromMemory(row, [1, 1, 28, 28]);
            using OrtValue result = OrtValue.CreateTensorValueFromMemory(output, [1, 10]);
            using var runOptions = new RunOptions();
            for (int i = 0; i < runs; i++) session.Run(runOptions, ["input"], [input], ["output"], [result]);
            string file = session.EndProfiling();
            using var profile = JsonDocument.Parse(File.ReadAllText(file));
            var perNode = new Dictionary<string, (double Total, int Count)>();
            double runTotal = 0;
            int runCount = 0;
            foreach (JsonElement e in profile.RootElement.EnumerateArray())
            {
                string cat = e.GetProperty("cat").GetString()!, name = e.GetProperty("name").GetString()!;
                double dur = e.GetProperty("dur").GetDouble();
                if (cat == "Session" && name == "model_run") { runTotal += dur; runCount++; }
                if (cat != "Node" || !name.EndsWith("_kernel_time")) continue;
                string op = e.GetProperty("args").GetProperty("op_name").GetString()!;
                string key = $"{op} ({name[..^"_kernel_time".Length]})";
                perNode[key] = perNode.TryGetValue(key, out var sum) ? (sum.Total + dur, sum.Count + 1) : (dur, 1);
            }
            // The first runs warm up; the means include them, so read the figures as shares rather than the bench's medians.
            Console.WriteLine($"ONNX Runtime profile, {runCount} runs, mean model_run {runTotal / Math.Max(1, runCount):F1} us; per node (mean us a run):");
            double nodes = 0;
            foreach (var (key, (total, count)) in perNode.OrderByDescending(p => p.Value.Total))
            {
                Console.WriteLine($"  {key,-60} {total / count,8:F1}");
                nodes += total / count;
            }
            Console.WriteLine($"  {"sum of nodes",-60} {nodes,8:F1}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static void Candidates(int runs)
    {
        using var model = new DigitCnn(seed: 1);
        model.eval();
        var bytes = new MemoryStream();
        ((IOnnxExportable)model).ExportOnnx(bytes);
        byte[] onnx = bytes.ToArray();
        float[] row = Enumerable.Range(0, 784).Select(i => (float)((i * 7919) % 255) / 255).ToArray();
        var candidates = new (string Name, Action<SessionOptions> Change)[]
        {
            ("same options (noise check)", _ => { }),
            ("batch dimension fixed at 1 (free dimension override)", o => o.AddFreeDimensionOverrideByName("N", 1)),
            ("no CPU memory arena", o => o.EnableCpuMemArena = false),
            ("no memory pattern", o => o.EnableMemoryPattern = false),
            ("denormals as zero", o => o.AddSessionConfigEntry("session.set_denormal_as_zero", "1")),
            ("ORT_ENABLE_EXTENDED (no NCHWc layout)", o => o.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED),
            ("no weight prepacking", o => o.AddSessionConfigEntry("session.disable_prepacking", "1")),
        };
        Console.WriteLine($"single row, 1 thread, candidate against serving's options run alternately, medians of {runs}");
        Console.WriteLine($"{"candidate",-55}   serving us   candidate us   ratio   max |diff|");
        foreach ((string name, Action<SessionOptions> change) in candidates)
        {
            using var servingOptions = MlDsl.Serving.ServingSessionOptions.Create(1);
            using var candidateOptions = MlDsl.Serving.ServingSessionOptions.Create(1);
            change(candidateOptions);
            using var serving = new BoundRow(onnx, servingOptions, row);
            using var candidate = new BoundRow(onnx, candidateOptions, row);
            for (int i = 0; i < Math.Max(20, runs / 10); i++) { serving.Run(); candidate.Run(); }
            double[] a = new double[runs], b = new double[runs];
            for (int i = 0; i < runs; i++)
            {
                a[i] = serving.Time();
                b[i] = candidate.Time();
            }
            Array.Sort(a);
            Array.Sort(b);
            float diff = serving.Output.Zip(candidate.Output, (x, y) => Math.Abs(x - y)).Max();
            Console.WriteLine($"{name,-55}   {a[runs / 2] * 1000,10:F1}   {b[runs / 2] * 1000,12:F1}   {b[runs / 2] / a[runs / 2],5:F2}   {diff:G3}");
        }
    }

    /// <summary>One session with its row's input and output bound once, as serving runs a single row.</summary>
    private sealed class BoundRow : IDisposable
    {
        private readonly InferenceSession session;
        private readonly OrtValue input, output;
        private readonly RunOptions runOptions = new();

        public BoundRow(byte[] onnx, SessionOptions options, float[] row)
        {
            session = new InferenceSession(onnx, options);
            input = OrtValue.CreateTensorValueFromMemory(row, [1, 1, 28, 28]);
            output = OrtValue.CreateTensorValueFromMemory(Output, [1, 10]);
        }

        public float[] Output { get; } = new float[10];

        public void Run() => session.Run(runOptions, ["input"], [input], ["output"], [output]);

        /// <summary>One run's milliseconds.</summary>
        public double Time()
        {
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            Run();
            return System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        public void Dispose()
        {
            input.Dispose();
            output.Dispose();
            runOptions.Dispose();
            session.Dispose();
        }
    }
}
