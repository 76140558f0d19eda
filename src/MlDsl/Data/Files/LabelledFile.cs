namespace MlDsl.Data.Files;

/// <summary>One example on disk and its class name.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Label">The class name: its class folder's name, or the manifest's label column.</param>
public sealed record LabelledFile(string Path, string Label);
