using System.Diagnostics;
using System.Text;

namespace MlDsl.Tests.Distributed;

/// <summary>Runs the DataParallel example under <c>mpiexec.mpich -n N</c> and reads back each rank's weights.</summary>
internal static class DataParallelRun
{
    public sealed record Outcome(int ExitCode, string Output, TimeSpan Elapsed);

    public static Outcome Start(int ranks, string output, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null, params string[] args) =>
        Example(ranks, "DataParallel", null, timeout, environment, [output, .. args]);

    /// <summary>Runs <paramref name="example"/>'s program under <c>mpiexec.mpich -n <paramref name="ranks"/></c> in <paramref name="workingDirectory"/>.</summary>
    public static Outcome Example(int ranks, string example, string? workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(Mpich.Launcher) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (string arg in new[] { "-n", ranks.ToString(), "dotnet", ExampleProcess.Dll(example) }.Concat(args)) start.ArgumentList.Add(arg);
        start.Environment.Remove("MLDSL_DIE_RANK");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var text = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) lock (text) text.AppendLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (text) text.AppendLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"mpiexec -n {ranks} {example} {string.Join(' ', args)} did not finish in {timeout}: the ranks hang. Output so far:\n{text}");
        }
        process.WaitForExit();
        lock (text) return new Outcome(process.ExitCode, text.ToString(), clock.Elapsed);
    }

    public static float[] Weights(string output, int rank)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(output, $"weights-rank{rank}.f32"));
        var weights = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, weights, 0, bytes.Length);
        return weights;
    }
}
