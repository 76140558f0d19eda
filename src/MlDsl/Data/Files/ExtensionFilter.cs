namespace MlDsl.Data.Files;

/// <summary>The file extensions a listing keeps, compared without case and with or without the leading dot.</summary>
internal sealed class ExtensionFilter
{
    private readonly HashSet<string> extensions;

    public ExtensionFilter(IEnumerable<string> extensions) =>
        this.extensions = extensions.Select(extension => extension.StartsWith('.') ? extension : "." + extension).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when no extension was given: every file is kept.</summary>
    public bool KeepsEverything => extensions.Count == 0;

    /// <summary>The extensions as written in messages, e.g. <c>.png, .jpg</c>.</summary>
    public string Description => string.Join(", ", extensions.Order(StringComparer.Ordinal));

    public bool Keeps(string path) => KeepsEverything || extensions.Contains(Path.GetExtension(path));

    public string WhySkipped(string path) =>
        Path.GetExtension(path) is { Length: > 0 } extension
            ? $"extension '{extension}' is not one of {Description}"
            : $"no extension; expected one of {Description}";
}
