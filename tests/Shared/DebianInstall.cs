using System.Collections.Concurrent;
using System.Diagnostics;

namespace MlDsl.TestSupport;

/// <summary>
/// Installs the Debian packages the tests and benchmarks compare against or launch (python3-torch, python3-onnx,
/// mpich, ...) with apt-get, once per process, the one way every test does it. Compiled into each test project as a
/// linked file: installing system packages is a test concern, not the library's.
/// </summary>
internal static class DebianInstall
{
    private static readonly ConcurrentDictionary<string, Lazy<(int Exit, string Output)>> Installs = new();

    /// <summary>True when this process may install packages (apt-get needs root).</summary>
    public static bool CanInstall => Environment.UserName == "root";

    /// <summary>
    /// Runs <c>apt-get install</c> for <paramref name="package"/> (once per process) and returns apt's exit code and output.
    /// A failed first try repairs an install killed half way (<c>dpkg --configure -a</c>: a test run stopped by a timeout
    /// blocks every later install) and fetches the package lists a fresh machine lacks (<c>apt-get update</c>) before retrying.
    /// </summary>
    public static (int Exit, string Output) Install(string package) =>
        Installs.GetOrAdd(package, name => new Lazy<(int, string)>(() =>
        {
            string arguments = $"install -y -qq --no-install-recommends {name}";
            var install = Run("apt-get", arguments);
            if (install.Exit == 0) return install;
            Run("dpkg", "--configure -a");
            Run("apt-get", "update -qq");
            return Run("apt-get", arguments);
        })).Value;

    /// <summary>The full path of <paramref name="program"/> on <c>PATH</c>, or null.</summary>
    public static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs <paramref name="program"/> non-interactively and returns its exit code and its output and errors together.</summary>
    /// <exception cref="InvalidOperationException">The program could not be started (not installed).</exception>
    public static (int Exit, string Output) Run(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        Task<string> output = process.StandardOutput.ReadToEndAsync(), errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + errors.Result);
    }
}
