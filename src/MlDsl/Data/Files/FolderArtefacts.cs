namespace MlDsl.Data.Files;

/// <summary>
/// Files and folders that tools and operating systems leave beside data (Jupyter checkpoints, macOS
/// resource forks, thumbnail caches, Office lock files...). They are never examples and never
/// classes: a <c>.ipynb_checkpoints</c> folder taken for a class would shift every class index.
/// </summary>
internal static class FolderArtefacts
{
    private static readonly Dictionary<string, string> Folders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["__MACOSX"] = "a macOS archive's resource-fork folder",
        ["@eaDir"] = "a Synology NAS thumbnail folder",
        ["$RECYCLE.BIN"] = "a Windows recycle bin",
        ["System Volume Information"] = "a Windows system folder",
        ["__pycache__"] = "a Python bytecode cache",
        ["lost+found"] = "a file system recovery folder",
    };

    private static readonly Dictionary<string, string> Files = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Thumbs.db"] = "a Windows thumbnail cache",
        ["ehthumbs.db"] = "a Windows thumbnail cache",
        ["desktop.ini"] = "a Windows folder settings file",
        ["Icon\r"] = "a macOS folder icon file",
    };

    /// <summary>Why the folder is not a class or a place to look for examples, or null when it is.</summary>
    public static string? WhyFolderSkipped(string name, FileAttributes attributes)
    {
        if (Folders.TryGetValue(name, out string? what)) return $"{what}, not data";
        if (name.StartsWith('.')) return name.Equals(".ipynb_checkpoints", StringComparison.OrdinalIgnoreCase)
            ? "a Jupyter checkpoint folder, not data"
            : "a hidden folder (its name starts with '.'), not data";
        if ((attributes & FileAttributes.Hidden) != 0) return "a hidden folder, not data";
        return null;
    }

    /// <summary>Why the file is not an example whatever its extension, or null when it may be one.</summary>
    public static string? WhyFileSkipped(string name, FileAttributes attributes)
    {
        if (Files.TryGetValue(name, out string? what)) return $"{what}, not data";
        if (name.StartsWith("._", StringComparison.Ordinal)) return "a macOS resource fork (AppleDouble '._' file), not data";
        if (name.Equals(".DS_Store", StringComparison.OrdinalIgnoreCase)) return "a macOS Finder file, not data";
        if (name.StartsWith('.')) return "a hidden file (its name starts with '.'), not data";
        if (name.StartsWith("~$", StringComparison.Ordinal)) return "an Office lock or temporary file ('~$'), not data";
        if (name.EndsWith('~')) return "an editor backup file (name ends with '~'), not data";
        if ((attributes & FileAttributes.Hidden) != 0) return "a hidden file, not data";
        return null;
    }
}
