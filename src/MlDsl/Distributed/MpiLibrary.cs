using System.Reflection;
using System.Runtime.InteropServices;

namespace MlDsl.Distributed;

/// <summary>
/// MPI.NET 1.4.0 binds to <c>msmpi.dll</c> (Microsoft MPI). MPICH shares MS-MPI's ABI, so on Linux
/// that name is mapped to MPICH's <c>libmpich.so.12</c> (Debian's <c>libmpich12</c>, pulled in by
/// <c>apt-get install mpich</c>). Open MPI's ABI differs: MPI.NET does not work over it.
/// </summary>
internal static class MpiLibrary
{
    private static int registered;

    /// <summary>The library names tried, in order: <c>$MLDSL_MPI_LIBRARY</c> when set, then MPICH's.</summary>
    public static IReadOnlyList<string> Candidates =>
        Environment.GetEnvironmentVariable("MLDSL_MPI_LIBRARY") is { Length: > 0 } configured
            ? [configured]
            : ["libmpich.so.12", "/usr/lib/x86_64-linux-gnu/libmpich.so.12", "/usr/lib/aarch64-linux-gnu/libmpich.so.12"];

    /// <summary>Maps MPI.NET's <c>msmpi.dll</c> to MPICH once per process (on Windows MS-MPI's own msmpi.dll is used).</summary>
    /// <exception cref="DllNotFoundException">No MPICH library could be loaded; the message says what was tried and how to install it.</exception>
    public static void Register()
    {
        if (OperatingSystem.IsWindows() || Interlocked.Exchange(ref registered, 1) == 1) return;
        IntPtr handle = Load();
        NativeLibrary.SetDllImportResolver(typeof(MPI.Communicator).Assembly, (name, _, _) =>
            name.StartsWith("msmpi", StringComparison.OrdinalIgnoreCase) ? handle : IntPtr.Zero);
    }

    private static IntPtr Load()
    {
        foreach (string candidate in Candidates)
            if (NativeLibrary.TryLoad(candidate, out IntPtr handle)) return handle;
        Volatile.Write(ref registered, 0);
        throw new DllNotFoundException(
            $"Data-parallel training needs MPICH's libmpich.so.12 (tried {string.Join(", ", Candidates)}): install it with 'apt-get install mpich' " +
            "(Debian/Ubuntu) and start the ranks with 'mpiexec.mpich -n N dotnet ...', or set MLDSL_MPI_LIBRARY to an MPICH-ABI library. Open MPI's ABI does not work with MPI.NET.");
    }
}
