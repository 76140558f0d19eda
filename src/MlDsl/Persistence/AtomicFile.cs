namespace MlDsl.Persistence;

/// <summary>
/// Whole-file writes that a crash cannot leave half done: the content goes to a temporary file in the same folder (so
/// the rename stays on one file system), is flushed to the disk, and is then renamed over the real name. A crash at any
/// instant leaves the previous complete file, or none, under that name; a failed write removes its temporary file. A
/// missing parent folder is made first, as <see cref="ModelFile"/> does, so every save behaves the same and no error
/// names the temporary file the user never asked for.
/// </summary>
internal static class AtomicFile
{
    /// <summary>The crash point reached once the temporary file is complete, just before the rename: <c>file-written:&lt;name&gt;</c>.</summary>
    public static string WrittenStep(string path) => "file-written:" + Path.GetFileName(path);

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
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
    public static void Write(string path, Action<string> write)
    {
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
            // .NET says "access denied" or "is a directory" without the name; the caller's finally removes the temporary file.
            throw new IOException($"{path}: is a folder; expected a file name to write to", error);
        }
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory) DurableFile.FlushFolder(directory);
    }
}
