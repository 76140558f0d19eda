namespace MlDsl.Persistence;

/// <summary>
/// Says what stands at a path a reader expects a folder at, so every Open/Load that takes a folder refuses a file with "is
/// a file" rather than "no such folder" (which sends the user looking for a path that is right there).
/// </summary>
internal static class FolderInput
{
    /// <summary>Null when <paramref name="path"/> is a folder; otherwise why it is not, ending in "; expected <paramref name="expected"/>".</summary>
    /// <param name="path">The path given as a folder.</param>
    /// <param name="expected">What the folder should be, for the message (<c>"an artifact folder"</c>).</param>
    public static string? Problem(string path, string expected)
    {
        if (Directory.Exists(path)) return null;
        if (FileKind.OtherThanFile(path) is { } kind) return $"is {kind}, not a folder; expected {expected}";
        // File.Exists is false for a dangling link, which is no more a folder than a file is.
        if (File.Exists(path)) return $"is a file, not a folder; expected {expected}";
        if (new FileInfo(path).LinkTarget is { } target) return $"is a link to {target}, which does not exist; expected {expected}";
        return $"no such folder; expected {expected}";
    }
}
