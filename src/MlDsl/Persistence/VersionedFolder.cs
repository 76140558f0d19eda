using MlDsl.Deployment;

namespace MlDsl.Persistence;

/// <summary>
/// A folder updated so that at every instant it holds either the old or the new version, complete:
/// each version is written into its own subfolder (<c>v&lt;utc time&gt;-&lt;id&gt;</c>) and flushed to the disk;
/// then the pointer file <see cref="FolderPointer.FileName"/> is written beside it under a temporary
/// name, flushed, and renamed over the old pointer (one atomic rename is the commit); only then are
/// older versions removed. Readers follow the pointer and never write. A writer first takes the
/// folder's lock and rolls back whatever an interrupted update left (uncommitted versions, temporary
/// pointers, versions the pointer no longer names), so leftovers never pile up.
/// </summary>
internal sealed class VersionedFolder(string root, string kind)
{
    /// <summary>The protocol's steps in order, as <see cref="CrashPoint"/> names them after the kind ("artifact.pointer-replaced").</summary>
    public static readonly IReadOnlyList<string> Steps =
        ["version-created", "file-written", "files-flushed", "pointer-written", "pointer-replaced", "old-version-removed"];

    private const string LockFile = ".lock", PointerTemporary = FolderPointer.FileName + ".tmp-";

    public string Root { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    /// <summary>Whether the folder exists; false when nothing stands at <see cref="Root"/> yet (a writer makes it).</summary>
    /// <exception cref="ArtifactException">A file (or anything else that is not a folder) stands where the folder goes.</exception>
    public bool Exists()
    {
        RefuseNonFolder();
        return Directory.Exists(Root);
    }

    /// <summary>
    /// Refuses a file, link or device standing where the folder goes, before anything is trained or written; a folder or
    /// nothing at all (a writer makes the folder) passes.
    /// </summary>
    /// <exception cref="ArtifactException">Naming <see cref="Root"/> and what stands there.</exception>
    public void RefuseNonFolder()
    {
        if (Directory.Exists(Root)) return;
        // File.Exists is false for a dangling link or a device, so ask for any entry at all.
        if (File.Exists(Root) || new FileInfo(Root).LinkTarget is not null || FileKind.OtherThanFile(Root) is not null)
            throw new ArtifactException(Root, $"is a file, not a folder; expected the {kind} folder, or nothing there for one to be made");
    }

    /// <summary>The committed version, or null when none was ever committed.</summary>
    public FolderPointer? Current() => FolderPointer.Read(Root);

    /// <summary>
    /// Writes a new version with <paramref name="write"/> (which writes the files and returns the
    /// manifest's bytes, written last) and makes it current. Returns the new version's folder.
    /// </summary>
    /// <exception cref="ArtifactException">A file stands where the folder goes, another process is updating the folder, or a file name is not plain.</exception>
    public string Commit(Func<VersionWriter, byte[]> write, string manifestName)
    {
        using IDisposable guard = LockAndRecover();
        string version = FolderEntries.NewVersionName();
        string directory = Path.Combine(Root, version);
        Directory.CreateDirectory(directory);
        Step("version-created");

        string temporary = Path.Combine(Root, PointerTemporary + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            // "file-written": the version holds its first file but not the others yet (reached once a commit).
            var writer = new VersionWriter(directory, () => Step("file-written"));
            byte[] manifest = write(writer);
            writer.Write(manifestName, manifest);
            DurableFile.FlushFolder(directory);
            DurableFile.FlushFolder(Root);
            Step("files-flushed");

            DurableFile.Create(temporary, new FolderPointer(version, Sha256Hex.Of(manifest)).ToBytes());
            Step("pointer-written");
            File.Move(temporary, Path.Combine(Root, FolderPointer.FileName), overwrite: true);
        }
        catch
        {
            // Nothing was committed: roll back now rather than leave it to the next writer.
            if (File.Exists(temporary)) File.Delete(temporary);
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            throw;
        }
        DurableFile.FlushFolder(Root);
        Step("pointer-replaced");

        RemoveAllBut(version);
        return directory;
    }

    /// <summary>
    /// Takes the folder's lock (held until disposed) and rolls back an interrupted update: removes
    /// temporary pointers and every version folder the pointer does not name (half-written ones, and
    /// old ones a crash kept from being removed). Entries the protocol did not create are left alone.
    /// </summary>
    /// <exception cref="ArtifactException">A file stands where the folder goes, the folder cannot be made, another process holds the lock, or the pointer is malformed.</exception>
    public IDisposable LockAndRecover()
    {
        if (!Exists())
        {
            try
            {
                Directory.CreateDirectory(Root);
            }
            catch (IOException error)
            {
                // A file where a parent folder goes, or a disk that refuses: named as the folder this update needed.
                throw new ArtifactException(Root, $"cannot be made as the {kind} folder: {error.Message}");
            }
        }
        FileStream guard = Lock();
        try
        {
            RemoveAllBut(Current()?.Version);
            return guard;
        }
        catch
        {
            guard.Dispose();
            throw;
        }
    }

    private void RemoveAllBut(string? keep)
    {
        bool removed = false;
        foreach (string entry in Directory.EnumerateFileSystemEntries(Root))
        {
            string name = Path.GetFileName(entry);
            if (name.StartsWith(PointerTemporary, StringComparison.Ordinal) && File.Exists(entry)) File.Delete(entry);
            else if (FolderEntries.IsVersionName(name) && name != keep)
            {
                if (new DirectoryInfo(entry).LinkTarget is not null) File.Delete(entry); // a link, never what it points to
                else if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
                else File.Delete(entry);
                if (!removed) Step("old-version-removed");
                removed = true;
            }
        }
        if (removed) DurableFile.FlushFolder(Root);
    }

    // The lock is advisory between writers (flock on Unix, a share lock on Windows); readers never take it.
    private FileStream Lock()
    {
        try
        {
            return new FileStream(Path.Combine(Root, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException error)
        {
            throw new ArtifactException(Root, $"another process is updating this {kind} ({error.Message})");
        }
    }

    private void Step(string step) => CrashPoint.Reached($"{kind}.{step}");
}
