using System.Globalization;
using System.Text.RegularExpressions;
using TorchSharp;

namespace MlDsl.Pipelines;

/// <summary>
/// The command line's <c>--device</c> and <c>--threads</c>: a device name checked against the libtorch this
/// process loaded (a CUDA device without a CUDA libtorch is one line naming the option and what is installed,
/// never a native abort), and libtorch's thread count set for one command and restored after it.
/// </summary>
internal static partial class ComputeOptions
{
    /// <summary>
    /// Threads for <c>evaluate</c> and <c>predict</c> when <c>--threads</c> is absent. One: a row is too small to share
    /// between threads, and libtorch's extra worker threads fight other busy processes for the cores (the issue
    /// measured 0.71 ms at 1 thread and 71 ms at 2 beside a busy process; the onnx bench's busy mode re-measures it).
    /// </summary>
    public const int ServingThreads = 1;

    /// <summary>"cpu", "cuda" or "cuda:N" as a TorchSharp device.</summary>
    /// <exception cref="CommandLineInputException">Another name, or a CUDA device this process's libtorch cannot reach.</exception>
    public static torch.Device Device(string name)
    {
        Match match = DeviceName().Match(name.Trim().ToLowerInvariant());
        if (!match.Success)
            throw new CommandLineInputException($"--device: expected cpu, cuda or cuda:N (N a device index) but got '{name}'");
        if (match.Groups["kind"].Value == "cpu") return torch.CPU;
        int index = match.Groups["index"].Success ? int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) : 0;
        if (!torch.cuda.is_available())
            throw new CommandLineInputException(
                $"--device {name}: this program's libtorch has no CUDA (installed: {InstalledLibTorch()}); reference TorchSharp-cuda-linux or "
                + "TorchSharp-cuda-windows instead of the CPU libtorch package, or use --device cpu");
        int count = torch.cuda.device_count();
        if (index >= count)
            throw new CommandLineInputException($"--device {name}: this machine has {count} CUDA device(s), cuda:0 to cuda:{count - 1}");
        return torch.device(DeviceType.CUDA, index);
    }

    /// <summary>"torch" or "onnx" (<c>--engine</c>) as the engine that serves the artifact.</summary>
    /// <exception cref="CommandLineInputException">Another name.</exception>
    public static MlDsl.Deployment.ServingEngine Engine(string name) => name.Trim().ToLowerInvariant() switch
    {
        "torch" or "torchsharp" => MlDsl.Deployment.ServingEngine.TorchSharp,
        "onnx" or "onnxruntime" => MlDsl.Deployment.ServingEngine.OnnxRuntime,
        _ => throw new CommandLineInputException($"--engine: expected torch or onnx but got '{name}'"),
    };

    /// <summary>
    /// The most threads <c>--threads</c> accepts: four per logical processor, and never fewer than 64. More only wait for one
    /// another, and a count such as 100000 makes libtorch's thread pool abort the whole process ("Out of memory.") at the first
    /// parallel operation, which no exception handler sees.
    /// </summary>
    public static int MaxThreads => Math.Max(64, 4 * Environment.ProcessorCount);

    /// <summary>The thread count <c>--threads</c> gave, checked before libtorch is told.</summary>
    /// <exception cref="CommandLineInputException">Below 1 or above <see cref="MaxThreads"/>.</exception>
    public static int? Threads(int? threads) => threads switch
    {
        < 1 and var count => throw new CommandLineInputException($"--threads: expected a whole number of at least 1 but got {count}"),
        { } count when count > MaxThreads => throw new CommandLineInputException(
            $"--threads: expected at most {MaxThreads} (4 per logical processor, at least 64; this machine has {Environment.ProcessorCount}) but got {count}"),
        _ => threads,
    };

    /// <summary>Runs <paramref name="command"/> with libtorch at <paramref name="threads"/> intra-op threads (unchanged when null), restoring the count after.</summary>
    public static T WithThreads<T>(int? threads, Func<T> command)
    {
        if (threads is not { } count) return command();
        int before = torch.get_num_threads();
        torch.set_num_threads(count);
        try
        {
            return command();
        }
        finally
        {
            torch.set_num_threads(before);
        }
    }

    // The libtorch packages the app was built with, as its .deps.json files list them, e.g. "libtorch-cpu-linux-x64 2.10.0".
    private static string InstalledLibTorch()
    {
        var packages = new SortedSet<string>(StringComparer.Ordinal);
        // A test host or plug-in host names its own deps file there; the app's sits beside its assemblies.
        IEnumerable<string> files = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.deps.json"));
        foreach (string file in files)
        {
            if (!File.Exists(file)) continue;
            foreach (Match package in LibTorchPackage().Matches(File.ReadAllText(file)))
                packages.Add($"{package.Groups["name"].Value} {package.Groups["version"].Value}");
        }
        return packages.Count > 0 ? string.Join(", ", packages) : "a libtorch built without CUDA";
    }

    [GeneratedRegex(@"^(?<kind>cpu)$|^(?<kind>cuda)(:(?<index>\d{1,3}))?$")]
    private static partial Regex DeviceName();

    [GeneratedRegex(@"""(?<name>(libtorch|TorchSharp)-(cpu|cuda)[A-Za-z0-9.-]*)/(?<version>[0-9][0-9.]*)""")]
    private static partial Regex LibTorchPackage();
}
