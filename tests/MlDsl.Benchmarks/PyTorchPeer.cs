using System.Diagnostics;
using System.Globalization;

namespace MlDsl.Benchmarks;

/// <summary>Runs the PyTorch eager step benchmark with Debian's python3-torch, installing it when missing (as root).</summary>
internal static class PyTorchPeer
{
    private const string Python = "/usr/bin/python3";

    public static (double MedianMs, string Version)? MeasureStep(int steps, int warmup, int threads)
    {
        if (!HasTorch() && !TryInstall())
        {
            Console.WriteLine("  PyTorch: python3-torch is not installed and could not be installed (needs root: apt-get install python3-torch); skipped");
            return null;
        }
        string script = Path.Combine(AppContext.BaseDirectory, "pytorch_mnist_step.py");
        (int exit, string output) = Run(Python, $"{script} {steps} {warmup} {threads}");
        if (exit != 0)
        {
            Console.WriteLine($"  PyTorch: the step script failed: {output}");
            return null;
        }
        string Value(string key) => output.Split('\n').First(line => line.StartsWith(key, StringComparison.Ordinal))[(key.Length + 1)..].Trim();
        return (double.Parse(Value("median_ms"), CultureInfo.InvariantCulture), Value("torch_version"));
    }

    private static bool HasTorch() => File.Exists(Python) && Run(Python, "-c \"import torch\"").Exit == 0;

    private static bool TryInstall()
    {
        if (Environment.UserName != "root") return false;
        Console.WriteLine("  installing Debian's python3-torch for the PyTorch peer (first run only)...");
        return Run("apt-get", "update -qq").Exit == 0
            && Run("apt-get", "install -y -qq python3-torch").Exit == 0
            && HasTorch();
    }

    private static (int Exit, string Output) Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
