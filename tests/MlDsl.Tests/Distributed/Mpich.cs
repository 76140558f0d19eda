using System.Diagnostics;

namespace MlDsl.Tests.Distributed;

/// <summary>
/// MPICH's launcher for the data-parallel tests. On a fresh Debian machine it is installed here
/// (<c>apt-get install mpich</c>, as root, the way other tests fetch Debian packages); where that is
/// impossible the test fails with the reason, never skips.
/// </summary>
internal static class Mpich
{
    private static readonly Lazy<string> launcher = new(Find);

    /// <summary>The path of <c>mpiexec.mpich</c>.</summary>
    /// <exception cref="InvalidOperationException">MPICH is missing and could not be installed; the message says why and how.</exception>
    public static string Launcher => launcher.Value;

    private static string Find()
    {
        if (OnPath("mpiexec.mpich") is { } found) return found;
        if (Environment.UserName != "root")
            throw new InvalidOperationException("The data-parallel tests need MPICH and this process is not root: run 'sudo apt-get install mpich' (Open MPI's ABI does not work with MPI.NET).");
        Console.Error.WriteLine("Installing Debian's mpich for the data-parallel tests (first use only)...");
        var install = Run("apt-get", "install -y -qq --no-install-recommends mpich");
        if (install.Exit != 0)
        {
            Run("dpkg", "--configure -a"); // an install killed half way (a test run stopped by a timeout) blocks every later one
            Run("apt-get", "update -qq"); // a fresh machine may have no package lists
            install = Run("apt-get", "install -y -qq --no-install-recommends mpich");
        }
        return OnPath("mpiexec.mpich")
            ?? throw new InvalidOperationException($"'apt-get install mpich' did not provide mpiexec.mpich (exit {install.Exit}): {install.Output.Trim()}");
    }

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    private static (int Exit, string Output) Run(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        Task<string> errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + errors.Result);
    }
}
