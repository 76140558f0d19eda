using MlDsl.Deployment;

namespace MlDsl.Persistence;

/// <summary>
/// The current version of a versioned folder, read and verified: its manifest's bytes match the
/// pointer's SHA-256, and (after <see cref="VerifyFiles"/>) every file the format requires is listed,
/// present, a regular file and matches its SHA-256, and nothing else is in the folder. The bytes
/// returned are the bytes verified, so a file swapped after the check is never used.
/// </summary>
internal sealed class VerifiedVersion
{
    private VerifiedVersion(string directory, FolderFormat format, string digest, byte[] manifest)
    {
        Directory = directory;
        Format = format;
        Digest = digest;
        Manifest = manifest;
    }

    /// <summary>The version's folder.</summary>
    public string Directory { get; }

    public FolderFormat Format { get; }

    /// <summary>SHA-256 of the manifest, as the pointer holds it (64 hex digits).</summary>
    public string Digest { get; }

    /// <summary>The manifest's verified bytes (UTF-8 JSON).</summary>
    public byte[] Manifest { get; }

    /// <summary>The current version of <paramref name="root"/>, its manifest verified; null when nothing was ever committed there.</summary>
    /// <exception cref="ArtifactException">The pointer, the version folder or the manifest is missing, malformed or does not match.</exception>
    public static VerifiedVersion? ReadCurrent(string root, FolderFormat format, string? expectedDigest = null)
    {
        FolderPointer? pointer = FolderPointer.Read(root);
        if (pointer is null) return null;
        if (expectedDigest is not null && !Sha256Hex.Matches(expectedDigest, pointer.ManifestDigest))
            throw new ArtifactException(root, FolderPointer.FileName, $"names a version whose manifest SHA-256 is {pointer.ManifestDigest}; expected {expectedDigest.ToUpperInvariant()}");
        string directory = Path.Combine(root, pointer.Version);
        var info = new DirectoryInfo(directory);
        if (MlDsl.Serving.ManifestRules.WhyNotOwnFolder(directory, format.Kind) is { } notOwn) throw new ArtifactException(root, pointer.Version, notOwn);
        if (!info.Exists) throw new ArtifactException(root, FolderPointer.FileName, $"names the version {pointer.Version}, which is missing");
        byte[] manifest = FolderEntries.ReadRegularFile(directory, format.ManifestName, format.MaxManifestBytes);
        string found = Sha256Hex.Of(manifest);
        if (!Sha256Hex.Matches(pointer.ManifestDigest, found))
            throw new ArtifactException(directory, format.ManifestName, $"SHA-256 is {found}, {FolderPointer.FileName} says {pointer.ManifestDigest}: the manifest was modified or damaged");
        return new VerifiedVersion(directory, format, pointer.ManifestDigest, manifest);
    }

    /// <summary>Checks the manifest's file list against the format and the folder, and returns each listed file's verified bytes.</summary>
    /// <param name="listed">File name to SHA-256, as the manifest lists them.</param>
    public IReadOnlyDictionary<string, byte[]> VerifyFiles(IReadOnlyDictionary<string, string> listed)
    {
        string manifest = Format.ManifestName;
        // The rules MlDsl.Serving's reader applies too (one shared file), so neither serves a manifest the other refuses.
        if (MlDsl.Serving.ManifestRules.WhyNotFileList(listed.Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value)), manifest,
                [.. Format.Required, .. Format.Optional], Format.Kind, Format.Describe()) is { } problem)
            throw new ArtifactException(Directory, manifest, problem);
        foreach (string required in Format.Required)
        {
            if (!listed.ContainsKey(required))
                throw new ArtifactException(Directory, manifest, $"does not list {required}, which every MlDsl {Format.Kind} holds (expected {Format.Describe()})");
        }
        foreach (string entry in System.IO.Directory.EnumerateFileSystemEntries(Directory))
        {
            string name = Path.GetFileName(entry);
            if (name != manifest && !listed.ContainsKey(name))
                throw new ArtifactException(Directory, name, $"is not listed in {manifest}: an MlDsl {Format.Kind} holds exactly the files its manifest lists");
        }
        var verified = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach ((string name, string expected) in listed)
        {
            byte[] bytes = FolderEntries.ReadRegularFile(Directory, name, Format.MaxBytes(name));
            string found = Sha256Hex.Of(bytes);
            if (!Sha256Hex.Matches(expected, found))
                throw new ArtifactException(Directory, name, $"SHA-256 is {found}, {manifest} says {expected.ToUpperInvariant()}: the file was modified or damaged");
            verified[name] = bytes;
        }
        return verified;
    }
}
