namespace MlDsl.Deployment;

/// <summary>
/// What an exported artifact holds and promises: the model and row type it was made for, the
/// dataset schema, class names, metrics, the settings that produced it, and a SHA-256 (64 hex
/// digits) per file. The manifest itself is covered by the SHA-256 that the artifact's pointer file
/// holds (<c>OpenedArtifact.Digest</c>), so no entry can be removed or changed unnoticed.
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
