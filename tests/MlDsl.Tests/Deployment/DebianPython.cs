using System.Collections.Concurrent;
using System.Diagnostics;

namespace MlDsl.Tests.Deployment;

/// <summary>
/// Debian's python3 (/usr/bin/python3, not a pyenv shim) with the Debian package that provides a module,
/// installed with apt-get when missing, as other tests install their Debian packages (root needed).
/// </summary>
internal static class DebianPython
{
    public const string Python = "/usr/bin/python3";

    private static readonly ConcurrentDictionary<string, Lazy<bool>> Installed = new();

    /// <summary>Makes <paramref name="module"/> importable, installing <paramref name="package"/> when it is not.</summary>
    public static void Require(string module, string package) =>
        _ = Installed.GetOrAdd(module, _ => new Lazy<bool>(() =>
        {
            if (Run(Python, $"-c \"import {module}\"").ExitCode == 0) return true;
            var install = Run("apt-get", $"install -y -qq --no-install-recommends {package}");
            if (install.ExitCode != 0)
            {
                Run("dpkg", "--configure -a"); // an install killed half way (a test run stopped by a timeout) blocks every later one
                Run("apt-get", "update -qq"); // a fresh machine may have no package lists
                install = Run("apt-get", $"install -y -qq --no-install-recommends {package}");
            }
            Assert.True(install.ExitCode == 0, $"{package} is missing and apt-get could not install it (root needed): {install.Output}");
            return true;
        })).Value;

    public static (int ExitCode, string Output) Run(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(), error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
