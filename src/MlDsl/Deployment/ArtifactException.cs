namespace MlDsl.Deployment;

/// <summary>
/// An artifact or checkpoint folder that cannot be used: damaged, modified, interrupted, malformed or
/// made for another model. The message names the folder, the file when one is at fault, and what
/// was expected against what was found.
/// </summary>
public sealed class ArtifactException : Exception
{
    public ArtifactException(string directory, string problem) : base($"{directory}: {problem}")
    {
        Directory = directory;
    }

    /// <summary>A problem with one file of the folder; the message starts with the file's full path.</summary>
    public ArtifactException(string directory, string file, string problem) : base($"{System.IO.Path.Combine(directory, file)}: {problem}")
    {
        Directory = directory;
        File = file;
    }

    /// <summary>The folder (for a versioned folder, the version that was read).</summary>
    public string Directory { get; }

    /// <summary>The file at fault, relative to <see cref="Directory"/>; null when the folder as a whole is.</summary>
    public string? File { get; }
}
