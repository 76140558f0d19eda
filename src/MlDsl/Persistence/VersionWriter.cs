namespace MlDsl.Persistence;

/// <summary>
/// Writes the files of one new version, each flushed to the disk, and keeps their SHA-256 digests
/// for the manifest.
/// </summary>
/// <param name="directory">The new version's folder.</param>
/// <param name="firstWritten">Called once, after the first file is written.</param>
internal sealed class VersionWriter(string directory, Action firstWritten)
{
    private readonly Dictionary<string, string> checksums = new(StringComparer.Ordinal);

    public string Directory { get; } = directory;

    /// <summary>File name to SHA-256 (64 hex digits) of every file written so far.</summary>
    public IReadOnlyDictionary<string, string> Checksums => checksums;

    public void Write(string name, ReadOnlySpan<byte> bytes)
    {
        CheckName(name);
        DurableFile.Create(Path.Combine(Directory, name), bytes);
        checksums[name] = Sha256Hex.Of(bytes);
        Written();
    }

    /// <summary>A file written by <paramref name="save"/> (a library's own save to a path), then flushed and hashed.</summary>
    public void Write(string name, Action<string> save)
    {
        CheckName(name);
        string path = Path.Combine(Directory, name);
        save(path);
        DurableFile.Flush(path);
        checksums[name] = Sha256Hex.Of(File.ReadAllBytes(path));
        Written();
    }

    private void Written()
    {
        if (checksums.Count == 1) firstWritten();
    }

    private void CheckName(string name)
    {
        if (FolderEntries.WhyNotPlain(name) is { } why) throw new ArgumentException($"'{name}' is {why}", nameof(name));
        if (checksums.ContainsKey(name)) throw new ArgumentException($"'{name}' was written already", nameof(name));
    }
}
