namespace MlDsl.Persistence;

/// <summary>
/// A file MlDsl was asked to write (an image, a report, a plot, a saved step, a model or export file) whose path cannot hold
/// a file: a folder stands at it, or a file stands where one of its parent folders must be. Raised before anything is written,
/// by the one writer every such file goes through, instead of .NET's IOException ("Is a directory", or "access denied"),
/// which names neither the path nor the fix. An <see cref="IOException"/>, so code that catches those still does.
/// </summary>
public sealed class OutputPathException(string path, string problem) : IOException($"{path}: {problem}; expected a file name to write to")
{
    /// <summary>The path as the caller gave it.</summary>
    public string Path { get; } = path;

    /// <summary>What stands in the way, without the path: <c>"is a folder"</c>, or <c>"/data/out is a file, not a folder"</c>.</summary>
    public string Problem { get; } = problem;
}
