using System.Diagnostics;

namespace MlDsl.Examples.BreastCancer;

/// <summary>
/// The CSVs that Debian's python3-sklearn package ships, fetched without installing anything:
/// <c>apt-get download</c> + <c>dpkg-deb -x</c> into a cache folder, on first use.
/// </summary>
public static class SklearnData
{
    private const string Package = "python3-sklearn";
    private const string DataFolder = "usr/lib/python3/dist-packages/sklearn/datasets/data";

    public static string DefaultCache =>
        Environment.GetEnvironmentVariable("MLDSL_DATA") is { Length: > 0 } configured
            ? Path.Combine(configured, "sklearn")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "mldsl", "sklearn");

    /// <summary>Path of <c>breast_cancer.csv</c> (569 rows: a metadata line, then 30 measurements and the target).</summary>
    public static string BreastCancerCsv(string? cacheDirectory = null) => Fetch("breast_cancer.csv", cacheDirectory ?? DefaultCache);

    private static string Fetch(string file, string cacheDirectory)
    {
        string cached = Path.Combine(cacheDirectory, file);
        if (File.Exists(cached)) return cached;

        Directory.CreateDirectory(cacheDirectory);
        string work = Directory.CreateTempSubdirectory("mldsl-sklearn").FullName;
        try
        {
            Console.Error.WriteLine($"Fetching Debian's {Package} for {file} (first run only)...");
            if (Run("apt-get", $"download {Package}", work).Exit != 0)
            {
                // A fresh machine may have no package lists yet; only root can fetch them.
                Run("apt-get", "update -qq", work);
                var retry = Run("apt-get", $"download {Package}", work);
                if (retry.Exit != 0)
                    throw new InvalidOperationException($"'apt-get download {Package}' failed: {retry.Output}");
            }
            string package = Directory.GetFiles(work, "*.deb").Single();
            string extracted = Path.Combine(work, "root");
            var unpack = Run("dpkg-deb", $"-x {package} {extracted}", work);
            if (unpack.Exit != 0) throw new InvalidOperationException($"'dpkg-deb -x {package}' failed: {unpack.Output}");
            string source = Path.Combine(extracted, DataFolder, file);
            if (!File.Exists(source)) throw new FileNotFoundException($"{Package} does not ship {DataFolder}/{file}", source);
            File.Copy(source, cached + ".tmp", overwrite: true);
            File.Move(cached + ".tmp", cached, overwrite: true);
            return cached;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static (int Exit, string Output) Run(string program, string arguments, string directory)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
