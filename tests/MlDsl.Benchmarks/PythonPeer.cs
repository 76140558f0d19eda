using MlDsl.TestSupport;

namespace MlDsl.Benchmarks;

/// <summary>
/// Runs a peer benchmark script with Debian's Python, installing its Debian package when missing
/// (as root), and returns the script's "key value" lines.
/// </summary>
internal static class PythonPeer
{
    private const string Python = "/usr/bin/python3";

    public static Dictionary<string, string>? Run(string script, string arguments, string debianPackage, string module)
    {
        if (!Has(module) && !TryInstall(debianPackage, module))
        {
            Console.WriteLine($"  {module}: {debianPackage} is not installed and could not be installed (needs root: apt-get install {debianPackage}); skipped");
            return null;
        }
        (int exit, string output) = Execute(Python, $"{Path.Combine(AppContext.BaseDirectory, script)} {arguments}");
        if (exit != 0)
        {
            Console.WriteLine($"  {module}: {script} failed: {output}");
            return null;
        }
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0])
            .ToDictionary(group => group.Key, group => group.Last()[1].Trim());
    }

    private static bool Has(string module) => File.Exists(Python) && Execute(Python, $"-c \"import {module}\"").Exit == 0;

    private static bool TryInstall(string package, string module)
    {
        if (!DebianInstall.CanInstall) return false;
        Console.WriteLine($"  installing Debian's {package} for the {module} peer (first run only)...");
        return DebianInstall.Install(package).Exit == 0 && Has(module);
    }

    private static (int Exit, string Output) Execute(string file, string arguments) => DebianInstall.Run(file, arguments);
}
