namespace MlDsl.Examples.PackageSections;

/// <summary>
/// A Debian index file (Packages, Translation-en) that cannot be fetched or read. The message names
/// the file, the line where there is one, and what was expected.
/// </summary>
public sealed class DebianIndexException : Exception
{
    public DebianIndexException(string file, int? line, string message)
        : base($"{file}{(line is { } number ? $", line {number}" : "")}: {message}")
    {
        File = file;
        Line = line;
    }

    /// <summary>The index file (a path, or its name in the archive).</summary>
    public string File { get; }

    /// <summary>The 1-based line, when the problem is on one.</summary>
    public int? Line { get; }
}
