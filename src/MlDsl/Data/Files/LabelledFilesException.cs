namespace MlDsl.Data.Files;

/// <summary>A class folder or manifest that cannot be listed; the message names the folder, or the manifest and its line, and what was expected.</summary>
public sealed class LabelledFilesException(string path, long? line, string problem)
    : Exception($"{path}{(line is { } number ? $", line {number}" : "")}: {problem}")
{
    /// <summary>The folder or manifest file at fault.</summary>
    public string Path { get; } = path;

    /// <summary>The manifest line at fault, or null for a folder.</summary>
    public long? Line { get; } = line;

    public string Problem { get; } = problem;
}
