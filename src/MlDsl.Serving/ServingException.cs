namespace MlDsl.Serving;

/// <summary>An artifact that cannot be served: missing, damaged, modified, or given rows of the wrong width. The message names the file or input and what was expected.</summary>
public sealed class ServingException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>The file or input at fault.</summary>
    public string Path { get; } = path;

    /// <summary>What was wrong and what was expected.</summary>
    public string Problem { get; } = problem;
}
