using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace MlDsl.Generators.Tests.Infrastructure;

/// <summary>
/// Compares text with a checked-in Snapshots/NAME.verified.cs. On a mismatch (or a missing file) the
/// actual text goes to NAME.received.cs beside it and the test fails; accept a change by renaming.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        string directory = Path.Combine(FindProjectDirectory(callerPath), "Snapshots");
        string verified = Path.Combine(directory, name + ".verified.cs");
        string received = Path.Combine(directory, name + ".received.cs");
        string normalized = actual.Replace("\r\n", "\n");

        if (File.Exists(verified) && File.ReadAllText(verified).Replace("\r\n", "\n") == normalized)
        {
            File.Delete(received);
            return;
        }
        Directory.CreateDirectory(directory);
        File.WriteAllText(received, normalized);
        throw new XunitException(File.Exists(verified)
            ? $"Generated source differs from {verified}; the new text is in {received}. First difference at line {FirstDifference(File.ReadAllText(verified), normalized)}."
            : $"No snapshot {verified} yet; the generated text is in {received}. Review it and rename it to accept it.");
    }

    private static string FindProjectDirectory(string callerPath)
    {
        for (string? directory = Path.GetDirectoryName(callerPath); directory is not null; directory = Path.GetDirectoryName(directory))
            if (Directory.EnumerateFiles(directory, "*.csproj").Any()) return directory;
        throw new InvalidOperationException($"No project directory above {callerPath}");
    }

    private static int FirstDifference(string expected, string actual)
    {
        string[] expectedLines = expected.Replace("\r\n", "\n").Split('\n');
        string[] actualLines = actual.Split('\n');
        int line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line]) line++;
        return line + 1;
    }
}
