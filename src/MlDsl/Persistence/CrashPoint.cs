using System.Diagnostics;

namespace MlDsl.Persistence;

/// <summary>
/// The named steps of the update protocol where a test can kill the process, to prove that every
/// instant leaves a readable folder. <c>MLDSL_CRASH_AT=&lt;step&gt;</c> or <c>&lt;step&gt;#&lt;n&gt;</c> kills this
/// process with SIGKILL (no finally blocks, no flushing, like <c>kill -9</c> or a power cut) the n-th
/// time the step is reached (the first when n is left out). Unset, a step costs one comparison.
/// </summary>
internal static class CrashPoint
{
    public const string Variable = "MLDSL_CRASH_AT";

    private static readonly (string Step, int Occurrence)? Target = Parse(Environment.GetEnvironmentVariable(Variable));
    private static int reached;

    public static void Reached(string step)
    {
        if (Target is not { } target || target.Step != step) return;
        if (Interlocked.Increment(ref reached) == target.Occurrence) Process.GetCurrentProcess().Kill();
    }

    private static (string, int)? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        int hash = value.IndexOf('#');
        if (hash < 0) return (value.Trim(), 1);
        return int.TryParse(value[(hash + 1)..], out int occurrence) && occurrence > 0 ? (value[..hash].Trim(), occurrence) : (value[..hash].Trim(), 1);
    }
}
