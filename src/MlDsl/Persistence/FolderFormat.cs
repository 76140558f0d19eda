namespace MlDsl.Persistence;

/// <summary>
/// Which files a kind of versioned folder holds, fixed by the format rather than by the manifest's
/// own list: a manifest that leaves out a required file, or lists a name the format does not know,
/// is refused; so is any file in the folder that the manifest does not list.
/// </summary>
/// <param name="Kind">"artifact" or "checkpoint", for messages.</param>
/// <param name="ManifestName">The manifest's file name; its digest is in the pointer.</param>
/// <param name="Required">Files every version must list and hold.</param>
/// <param name="Optional">Files a version may list; when listed they must be present.</param>
/// <param name="MaxManifestBytes">The manifest's size limit, checked before it is read.</param>
/// <param name="MaxJsonBytes">A JSON file's size limit (its parse allocates a few times its size), checked before it is read.</param>
/// <param name="MaxFileBytes">Any other file's size limit, checked before it is read.</param>
internal sealed record FolderFormat(string Kind, string ManifestName, IReadOnlyList<string> Required, IReadOnlyList<string> Optional,
    long MaxManifestBytes, long MaxJsonBytes, long MaxFileBytes)
{
    public long MaxBytes(string name) => name.EndsWith(".json", StringComparison.Ordinal) ? MaxJsonBytes : MaxFileBytes;

    public bool Knows(string name) => Required.Contains(name) || Optional.Contains(name);

    public string Describe() => string.Join(", ", Required.Concat(Optional.Select(name => name + " (optional)")));
}
