namespace MlDsl.Data.Files;

/// <summary>A file that was found but not listed, and why, so the caller can report it rather than lose it unnoticed.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Reason">Why it was left out, e.g. its extension is not one asked for.</param>
public sealed record SkippedFile(string Path, string Reason);
