namespace MlDsl.Persistence;

/// <summary>
/// Whole-file writes that a crash cannot leave half done: the content goes to a temporary file in the same folder (so
/// the rename stays on one file system), is flushed to the disk, and is then renamed over the real name. A crash at any
/// instant leaves the previous complete file, or none, under that name; a failed write removes its temporary file. A
/// missing parent folder is made first, as <see cref="ModelFile"/> does, so every save behaves the same and no error
/// names the temporary file the user never asked for. A path that cannot hold a file (a folder at it, a file where a parent
/// folder goes) is an <see cref="OutputPathException"/> naming it, raised before anything is written; every writer of a
/// user-named file goes through here, so none re-detects it.
/// </summary>
internal static class AtomicFile
{
    /// <summary>The crash point reached once the temporary file is complete, just before the rename: <c>file-written:&lt;name&gt;</c>.</summary>
    public static string WrittenStep(string path) => "file-written:" + Path.GetFileName(path);

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <exception cref="OutputPathException">A folder stands at <paramref name="path"/>, or a file where one of its parent folders goes.</exception>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        RefuseWrongKind(path);
        MakeFolderOf(path);
        string temporary = Temporary(path);
        try
        {
            DurableFile.Create(temporary, bytes);
            Replace(temporary, path);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Lets a library that only saves to a path (a plot's <c>SavePng</c>) write the temporary file, then moves it into place.</summary>
    /// <param name="path">The final name.</param>
    /// <param name="write">Writes the whole file to the path it is given.</param>
    /// <exception cref="OutputPathException">A folder stands at <paramref name="path"/>, or a file where one of its parent folders goes.</exception>
    public static void Write(string path, Action<string> write)
    {
        RefuseWrongKind(path);
        MakeFolderOf(path);
        string temporary = Temporary(path);
        try
        {
            write(temporary);
            DurableFile.Flush(temporary);
            Replace(temporary, path);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // Named from what lies on the disk, before a byte is written: .NET would say "Is a directory" or "access denied" after
    // the temporary file was written, naming neither the path nor the fix.
    private static void RefuseWrongKind(string path)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new OutputPathException(path, "is a folder");
        for (string? folder = Path.GetDirectoryName(full); folder is not null; folder = Path.GetDirectoryName(folder))
            if (File.Exists(folder)) throw new OutputPathException(path, $"{folder} is a file, not a folder");
    }

    private static void MakeFolderOf(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } directory) Directory.CreateDirectory(directory);
    }

    // Hidden and unique, and ending in the final name's extension, for libraries that pick a format by extension.
    private static string Temporary(string path)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        string unique = Guid.NewGuid().ToString("N")[..8];
        return Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(full)}.tmp-{unique}{Path.GetExtension(full)}");
    }

    private static void Replace(string temporary, string path)
    {
        CrashPoint.Reached(WrittenStep(path));
        try
        {
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException && Directory.Exists(path))
        {
            // A folder made since RefuseWrongKind looked; the caller's finally removes the temporary file.
            throw new OutputPathException(path, "is a folder");
        }
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory) DurableFile.FlushFolder(directory);
    }
}
