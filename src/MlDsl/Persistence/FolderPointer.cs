using System.Text;
using MlDsl.Deployment;

namespace MlDsl.Persistence;

/// <summary>
/// The one file that says which version of a versioned folder is current, and the SHA-256 of that
/// version's manifest: <c>mldsl-pointer 1</c>, the version's folder name and the digest, one a line.
/// Replaced only by an atomic rename, so it always names a complete version.
/// </summary>
internal sealed record FolderPointer(string Version, string ManifestDigest)
{
    public const string FileName = "CURRENT";
    private const string Header = "mldsl-pointer 1";
    private const int MaxBytes = 1024;

    public byte[] ToBytes() => Encoding.UTF8.GetBytes($"{Header}\n{Version}\n{ManifestDigest}\n");

    /// <summary>The pointer in <paramref name="root"/>; null when there is none (nothing was ever committed).</summary>
    public static FolderPointer? Read(string root)
    {
        string path = Path.Combine(root, FileName);
        if (!Path.Exists(path) && new FileInfo(path).LinkTarget is null) return null; // a dangling link is refused below
        byte[] bytes = FolderEntries.ReadRegularFile(root, FileName, MaxBytes);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ArtifactException(root, FileName, "is not UTF-8 text: expected the pointer's three lines");
        }
        string[] lines = text.Split('\n');
        if (lines.Length != 4 || lines[0] != Header || lines[3].Length != 0)
            throw new ArtifactException(root, FileName, $"expected three lines ('{Header}', a version folder, a SHA-256); found {Describe(text)}");
        if (!FolderEntries.IsVersionName(lines[1]))
            throw new ArtifactException(root, FileName, $"line 2: expected a version folder name such as v20260101T000000000-0123abcd; found {Describe(lines[1])}");
        if (!Sha256Hex.IsValid(lines[2]))
            throw new ArtifactException(root, FileName, $"line 3: expected a SHA-256 of 64 hex digits; found {Describe(lines[2])}");
        return new FolderPointer(lines[1], lines[2]);
    }

    private static string Describe(string text) => text.Length <= 80 ? $"'{text.ReplaceLineEndings("\\n")}'" : $"{text.Length} characters";
}
