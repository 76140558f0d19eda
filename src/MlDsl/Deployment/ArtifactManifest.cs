namespace MlDsl.Deployment;

/// <summary>
/// What an exported artifact holds and promises: the model and row type it was made for, the
/// dataset schema, class names, metrics, the settings that produced it, and a SHA-256 per file.
/// </summary>
public sealed record ArtifactManifest(
    int FormatVersion,
    string ModelName,
    string RowType,
    string[] Features,
    string Label,
    string[] ClassNames,
    Dictionary<string, double> Metrics,
    Dictionary<string, string> Settings,
    Dictionary<string, string> Files,
    DateTime CreatedUtc);

/// <summary>An artifact that cannot be used; the message names the folder and what is wrong.</summary>
public sealed class ArtifactException(string directory, string problem) : Exception($"{directory}: {problem}")
{
    public string Directory { get; } = directory;
}
