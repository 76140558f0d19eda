using System.Runtime.InteropServices;

namespace MlDsl.Persistence;

/// <summary>
/// Writes that survive a crash once they return: file contents are flushed to the disk (fsync), and
/// a folder is flushed after a name in it was created or renamed, so the new name cannot vanish
/// after a power cut while the data it points to survives (POSIX; on Windows the file system
/// journals renames and folders cannot be flushed).
/// </summary>
internal static class DurableFile
{
    private const int EInvalid = 22, ENotSupportedLinux = 95, ENotSupportedMac = 45;

    /// <summary>Creates <paramref name="path"/> (it must not exist) with <paramref name="bytes"/>, flushed to the disk.</summary>
    public static void Create(string path, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Flushes a file written by someone else (e.g. a library's own Save) to the disk.</summary>
    public static void Flush(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Flushes a folder's entries (names created, renamed or removed in it) to the disk.</summary>
    public static void FlushFolder(string directory)
    {
        if (OperatingSystem.IsLinux()) FlushFolder(directory, LinuxOpen, LinuxFsync, LinuxClose);
        else if (OperatingSystem.IsMacOS()) FlushFolder(directory, MacOpen, MacFsync, MacClose);
    }

    private static void FlushFolder(string directory, Func<string, int, int> open, Func<int, int> fsync, Func<int, int> close)
    {
        // A folder that cannot be opened (no read permission) cannot be flushed; the rename itself still happened.
        int descriptor = open(directory, 0); // O_RDONLY: enough to fsync a folder
        if (descriptor < 0) return;
        try
        {
            // Some file systems (FUSE, network mounts) do not flush folders: EINVAL or ENOTSUP is no failure.
            if (fsync(descriptor) != 0 && Marshal.GetLastPInvokeError() is not (EInvalid or ENotSupportedLinux or ENotSupportedMac))
                throw new IOException($"{directory}: flushing the folder to the disk failed (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            close(descriptor);
        }
    }

    [DllImport("libc.so.6", EntryPoint = "open", SetLastError = true)]
    private static extern int LinuxOpen(string path, int flags);

    [DllImport("libc.so.6", EntryPoint = "fsync", SetLastError = true)]
    private static extern int LinuxFsync(int descriptor);

    [DllImport("libc.so.6", EntryPoint = "close")]
    private static extern int LinuxClose(int descriptor);

    [DllImport("libSystem.dylib", EntryPoint = "open", SetLastError = true)]
    private static extern int MacOpen(string path, int flags);

    [DllImport("libSystem.dylib", EntryPoint = "fsync", SetLastError = true)]
    private static extern int MacFsync(int descriptor);

    [DllImport("libSystem.dylib", EntryPoint = "close")]
    private static extern int MacClose(int descriptor);
}
