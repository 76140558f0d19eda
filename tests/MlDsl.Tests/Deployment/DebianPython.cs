using MlDsl.TestSupport;

namespace MlDsl.Tests.Deployment;

/// <summary>
/// Debian's python3 (/usr/bin/python3, not a pyenv shim) with the Debian package that provides a module,
/// installed with apt-get when missing (<see cref="DebianInstall"/>, root needed).
/// </summary>
internal static class DebianPython
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Makes <paramref name="module"/> importable, installing <paramref name="package"/> when it is not.</summary>
    public static void Require(string module, string package)
    {
        if (Run(Python, $"-c \"import {module}\"").ExitCode == 0) return;
        var install = DebianInstall.Install(package);
        Assert.True(install.Exit == 0, $"{package} is missing and apt-get could not install it (root needed): {install.Output}");
    }

    public static (int ExitCode, string Output) Run(string program, string arguments) => DebianInstall.Run(program, arguments);
}
