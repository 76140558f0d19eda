using System.Runtime.InteropServices;

namespace MlDsl.Persistence;

/// <summary>
/// Tells a regular file from the other things a path can name on Linux and macOS — a named pipe (opening it waits for a
/// writer: a reader would hang), a character or block device (<c>/dev/zero</c> never ends: a reader would fill memory), a
/// socket. .NET's <see cref="FileSystemInfo.Attributes"/> reports all of them as <see cref="FileAttributes.Normal"/>, so
/// the kind is read with <c>stat(2)</c> (links followed) through the runtime's own native shim, whose
/// <c>FileStatus</c> starts with the flags and the mode on every Unix .NET supports.
/// </summary>
internal static class FileKind
{
    private const int TypeMask = 0xF000; // S_IFMT
    private const int RegularFile = 0x8000; // S_IFREG
    private const int Folder = 0x4000; // S_IFDIR

    /// <summary>
    /// What <paramref name="path"/> is when it is neither a regular file nor a folder (<c>"a named pipe"</c>, <c>"a character
    /// device"</c>...); null for a regular file, a folder, a missing path, on Windows, or when the kind cannot be read.
    /// </summary>
    public static string? OtherThanFile(string path)
    {
        if (OperatingSystem.IsWindows() || string.IsNullOrEmpty(path)) return null;
        int mode;
        try
        {
            // FileStatus grows at its end between runtime versions; a buffer larger than any of them is passed.
            Span<byte> status = stackalloc byte[512];
            if (Stat(path, ref MemoryMarshal.GetReference(status)) != 0) return null;
            mode = MemoryMarshal.Read<int>(status[4..]);
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        return (mode & TypeMask) switch
        {
            RegularFile or Folder => null,
            0x1000 => "a named pipe",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            var other => $"a special file (type 0x{other:X4})",
        };
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref byte status);
}
