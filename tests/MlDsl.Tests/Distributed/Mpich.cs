using MlDsl.TestSupport;

namespace MlDsl.Tests.Distributed;

/// <summary>
/// MPICH's launcher for the data-parallel tests. On a fresh Debian machine it is installed here
/// (<c>apt-get install mpich</c>, as root, through <see cref="DebianInstall"/>); where that is
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
        if (DebianInstall.OnPath("mpiexec.mpich") is { } found) return found;
        if (!DebianInstall.CanInstall)
            throw new InvalidOperationException("The data-parallel tests need MPICH and this process is not root: run 'sudo apt-get install mpich' (Open MPI's ABI does not work with MPI.NET).");
        Console.Error.WriteLine("Installing Debian's mpich for the data-parallel tests (first use only)...");
        var install = DebianInstall.Install("mpich");
        return DebianInstall.OnPath("mpiexec.mpich")
            ?? throw new InvalidOperationException($"'apt-get install mpich' did not provide mpiexec.mpich (exit {install.Exit}): {install.Output.Trim()}");
    }
}
