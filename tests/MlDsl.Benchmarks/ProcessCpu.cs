using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MlDsl.Benchmarks;

/// <summary>
/// CPU time this process has used, in milliseconds, finely enough to time one analysis: on a machine
/// whose cores are shared, wall time says as much about the neighbours as about the code, CPU time
/// much less. Linux's getrusage counts in microseconds; elsewhere the coarser process counter is used.
/// </summary>
internal static class ProcessCpu
{
    public static double Milliseconds()
    {
        if (OperatingSystem.IsLinux() && getrusage(0 /* RUSAGE_SELF */, out RUsage usage) == 0)
            return (usage.User.Seconds + usage.System.Seconds) * 1e3 + (usage.User.Microseconds + usage.System.Microseconds) / 1e3;
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeVal
    {
        public long Seconds;
        public long Microseconds;
    }

    // struct rusage on 64-bit Linux: two timevals, then fourteen longs.
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public TimeVal User;
        public TimeVal System;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)] public long[] Counters;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out RUsage usage);
}
