using System.Diagnostics;

namespace MlDsl.Data.Sources;

/// <summary>
/// Data shipped in Debian packages (scikit-learn's CSVs, Asterisk's recordings), fetched without
/// installing anything: <c>apt-get download</c> + <c>dpkg-deb -x</c> into a cache folder, once.
/// </summary>
public static class DebianPackage
{
    /// <summary><c>$MLDSL_DATA</c>, or <c>~/.cache/mldsl</c>.</summary>
    public static string CacheRoot =>
        Environment.GetEnvironmentVariable("MLDSL_DATA") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "mldsl");

    /// <summary>The folder holding <paramref name="package"/>'s extracted files (usr/...), downloading it on first use.</summary>
    public static string Extract(string package, string? cacheRoot = null)
    {
        string target = Path.Combine(cacheRoot ?? CacheRoot, "debian", package);
        string marker = Path.Combine(target, ".complete");
        if (File.Exists(marker)) return target;

        string work = Directory.CreateTempSubdirectory("mldsl-deb").FullName;
        try
        {
            Console.Error.WriteLine($"Fetching Debian's {package} into {target} (first use only)...");
            if (Run("apt-get", $"download {package}", work).Exit != 0)
            {
                Run("apt-get", "update -qq", work); // a fresh machine may have no package lists; root can fetch them
                var retry = Run("apt-get", $"download {package}", work);
                if (retry.Exit != 0) throw new InvalidOperationException($"'apt-get download {package}' failed: {retry.Output.Trim()}");
            }
            string deb = Directory.GetFiles(work, "*.deb").Single();
            string extracted = Path.Combine(work, "root");
            var unpack = Run("dpkg-deb", $"-x {deb} {extracted}", work);
            if (unpack.Exit != 0) throw new InvalidOperationException($"'dpkg-deb -x {deb}' failed: {unpack.Output.Trim()}");
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            Directory.Move(extracted, target);
            File.WriteAllText(marker, package);
            return target;
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    private static (int Exit, string Output) Run(string program, string arguments, string directory)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}; Debian's apt-get and dpkg-deb are needed to fetch {arguments}");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
