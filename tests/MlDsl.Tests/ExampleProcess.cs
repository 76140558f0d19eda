using System.Diagnostics;
using System.Text;

namespace MlDsl.Tests;

/// <summary>Runs one of the examples as a real child process, optionally told to kill itself at a named step (MLDSL_CRASH_AT).</summary>
internal static class ExampleProcess
{
    /// <summary>The exit code of a process killed with SIGKILL, as .NET reports it on Unix (128 + 9).</summary>
    public const int Killed = 137;

    public sealed record Outcome(int ExitCode, string Output, string Errors);

    public static string Dll(string example)
    {
        string examples = Path.Combine(Infrastructure.RepositoryRoot(), "examples", example, "bin");
        return Directory.GetFiles(examples, example + ".dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).First();
    }

    public static Process Start(string example, string workingDirectory, string? crashAt, StringBuilder output, StringBuilder errors, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll(example));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("MLDSL_CRASH_AT");
        if (crashAt is not null) start.Environment["MLDSL_CRASH_AT"] = crashAt;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) lock (output) output.AppendLine(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (errors) errors.AppendLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static Outcome Run(string example, string workingDirectory, string? crashAt, TimeSpan timeout, params string[] args)
    {
        StringBuilder output = new(), errors = new();
        using Process process = Start(example, workingDirectory, crashAt, output, errors, args);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{example} {string.Join(' ', args)} did not finish in {timeout}");
        }
        process.WaitForExit(); // drains the redirected output
        lock (output) lock (errors) return new Outcome(process.ExitCode, output.ToString(), errors.ToString());
    }
}
