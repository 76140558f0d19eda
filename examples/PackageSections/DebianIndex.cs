using System.Diagnostics;
using System.Security.Cryptography;
using MlDsl.Data.Sources;

namespace MlDsl.Examples.PackageSections;

/// <summary>One compressed index file of the archive, pinned by the SHA-256 of its bytes and of its text.</summary>
/// <param name="Path">Its path under <c>dists/bookworm/</c>, as the release file lists it.</param>
public sealed record IndexFile(string Path, string CompressedSha256, string Sha256)
{
    /// <summary>The file name once decompressed ("Packages", "Translation-en").</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
}

/// <summary>
/// A fixed snapshot of Debian's package index: bookworm (Debian 12.15, released 11 July 2026), main,
/// amd64. Every machine reads the same text: the files are fetched by their SHA-256 from the Debian
/// mirrors apt is configured with (<c>apt-get indextargets</c>), by apt's own downloader
/// (<c>apt-helper download-file</c>, which checks the hash), decompressed by apt, checked again and
/// cached under <c>$MLDSL_DATA</c> (default <c>~/.cache/mldsl</c>), once.
/// </summary>
public static class DebianIndex
{
    /// <summary>Binary packages: name, source package, section and short description.</summary>
    public static readonly IndexFile Packages = new(
        "main/binary-amd64/Packages.xz",
        "9e0b5aabb2465b3d2e7a7fe27f9913846277833f7a2826e7767acccff5b588c5",
        "515e692f2c4121c6fcec444ef100cc18f79a991910615f3a88c8b7becfc94d2f");

    /// <summary>The English long descriptions, keyed by <c>Description-md5</c>.</summary>
    public static readonly IndexFile Descriptions = new(
        "main/i18n/Translation-en.xz",
        "a3d4a0bfd8e9242810b0885eda7c1a6e05dac15b333ddbaab03ba56f2dfa4bf0",
        "62f59c3cdca9786e4f7adf9002f9f5729a684adcb4667e58e448dec9b5a46c7f");

    private const string Snapshot = "bookworm-12.15";
    private const string AptHelper = "/usr/lib/apt/apt-helper";

    /// <summary>The decompressed file's path in the cache, fetching it on first use.</summary>
    /// <exception cref="DebianIndexException">No configured mirror serves the file with the pinned hash
    /// (each attempt is named), apt is missing, or its text does not have the pinned hash.</exception>
    public static string Fetch(IndexFile file, string? cacheRoot = null)
    {
        string folder = System.IO.Path.Combine(cacheRoot ?? DebianPackage.CacheRoot, "debian-index", Snapshot);
        string target = System.IO.Path.Combine(folder, file.Name);
        if (File.Exists(target)) return target; // written only after its hash was checked
        // A work folder of this process's own: apt leaves a failed download beside the target (*.FAILED).
        string work = System.IO.Path.Combine(folder, $".fetch-{file.Name}-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            Console.Error.WriteLine($"Fetching Debian bookworm's {file.Path} into {folder} (first use only)...");
            string download = System.IO.Path.Combine(work, file.Name + ".xz"), text = System.IO.Path.Combine(work, file.Name);
            Download(file, download);
            Decompress(file, download, text);
            File.Move(text, target, overwrite: true);
            return target;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Download(IndexFile file, string destination)
    {
        var attempts = new List<string>();
        List<string> mirrors = Mirrors();
        if (mirrors.Count == 0)
        {
            Run("apt-get", new[] { "update", "-qq" }, stdout: null); // a fresh machine may have no package lists yet; root can fetch them
            mirrors = Mirrors();
        }
        foreach (string mirror in mirrors)
        {
            // by-hash stays put when a later point release replaces the named file.
            string folder = file.Path[..file.Path.LastIndexOf('/')];
            foreach (string url in new[] { $"{mirror}dists/bookworm/{folder}/by-hash/SHA256/{file.CompressedSha256}", $"{mirror}dists/bookworm/{file.Path}" })
            {
                (int exit, string output) = Run(AptHelper, new[] { "download-file", url, destination, "SHA256:" + file.CompressedSha256 }, stdout: null);
                if (exit == 0) return;
                attempts.Add($"{url}: {AptErrors(output)}");
            }
        }
        if (attempts.Count == 0)
            throw new DebianIndexException(file.Path, null, $"apt has no Debian mirror configured ('apt-get indextargets' lists no Packages index); add one to /etc/apt/sources.list.d and run 'apt-get update', or place the decompressed file ({file.Name}, SHA-256 {file.Sha256}) in {System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(destination))} yourself.");
        throw new DebianIndexException(file.Path, null, $"no mirror served the file with SHA-256 {file.CompressedSha256}: " + string.Join("; ", attempts));
    }

    private static void Decompress(IndexFile file, string compressed, string destination)
    {
        using (var output = new FileStream(destination, FileMode.Create, FileAccess.Write))
        {
            (int exit, string errors) = Run(AptHelper, new[] { "cat-file", compressed }, output);
            if (exit != 0) throw new DebianIndexException(file.Path, null, $"apt-helper cat-file failed: {AptErrors(errors)}");
        }
        string actual;
        using (FileStream input = File.OpenRead(destination)) actual = Convert.ToHexStringLower(SHA256.HashData(input));
        if (actual != file.Sha256)
            throw new DebianIndexException(file.Path, null, $"its text has SHA-256 {actual}, expected {file.Sha256}.");
    }

    /// <summary>The repository URIs apt knows for Packages indexes (Debian's main mirror first, as configured).</summary>
    private static List<string> Mirrors()
    {
        var output = new MemoryStream();
        (int exit, string errors) = Run("apt-get", new[] { "indextargets", "--format", "$(REPO_URI)", "Identifier: Packages" }, output);
        if (exit != 0) throw new DebianIndexException("apt-get indextargets", null, $"failed: {AptErrors(errors)}");
        return System.Text.Encoding.UTF8.GetString(output.ToArray())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(uri => uri.EndsWith('/') ? uri : uri + "/")
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static (int Exit, string Errors) Run(string program, string[] arguments, Stream? stdout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException();
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new DebianIndexException(program, null, $"could not start it ({error.Message}); Debian's apt is needed to fetch the package index.");
        }
        using (process)
        {
            Task<string> errors = process.StandardError.ReadToEndAsync();
            if (stdout is null) process.StandardOutput.ReadToEnd(); // apt-helper's progress lines
            else process.StandardOutput.BaseStream.CopyTo(stdout);
            process.WaitForExit();
            return (process.ExitCode, errors.Result);
        }
    }

    private static string AptErrors(string output) =>
        string.Join(" ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(line => line.StartsWith("E:", StringComparison.Ordinal))) is { Length: > 0 } errors ? errors : output.Trim();
}
