using MlDsl.Deployment;
using MlDsl.Serving;

namespace MlDsl.Persistence;

/// <summary>
/// The rules for names and files inside an artifact or checkpoint: a name is a plain file name (no
/// folder part, no "..", no absolute or drive path, no control characters); the entry is a regular
/// file (not a folder, not a symbolic link, which could point anywhere); its size is checked before
/// a byte is allocated for it.
/// </summary>
internal static class FolderEntries
{
    public static bool IsVersionName(string name) => ManifestRules.IsVersionName(name);

    public static string NewVersionName() => $"v{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}"[..28];

    /// <summary>Why <paramref name="name"/> is not a plain file name; null when it is one (the rule MlDsl.Serving applies too).</summary>
    public static string? WhyNotPlain(string name) => ManifestRules.WhyNotPlain(name);

    /// <summary>
    /// Reads <paramref name="name"/> in <paramref name="directory"/> after checking that it is a regular
    /// file of at most <paramref name="maxBytes"/> bytes.
    /// </summary>
    public static byte[] ReadRegularFile(string directory, string name, long maxBytes)
    {
        string path = Path.Combine(directory, name);
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target) throw new ArtifactException(directory, name, $"is a symbolic link (to {target}); expected a regular file inside the folder");
        if (Directory.Exists(path)) throw new ArtifactException(directory, name, "is a folder; expected a regular file");
        if (!info.Exists) throw new ArtifactException(directory, name, "is missing");
        if (info.Length > maxBytes) throw new ArtifactException(directory, name, $"holds {info.Length} bytes; at most {maxBytes} are allowed for this file");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            // The length is read again from the open file: it may have changed since the check above.
            long length = stream.Length;
            if (length > maxBytes) throw new ArtifactException(directory, name, $"holds {length} bytes; at most {maxBytes} are allowed for this file");
            var bytes = new byte[length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ArtifactException(directory, name, $"cannot be read: {error.Message}");
        }
    }
}
