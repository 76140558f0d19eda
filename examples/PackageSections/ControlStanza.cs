namespace MlDsl.Examples.PackageSections;

/// <summary>One stanza's fields, with the file and line it starts on for error messages.</summary>
public sealed record ControlStanza(string File, int Line, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The field's value, or null when the stanza has none.</summary>
    public string? this[string field] => Fields.TryGetValue(field, out string? value) ? value : null;

    /// <summary>The field's value.</summary>
    /// <exception cref="DebianIndexException">The stanza has no such field, or it is empty; names the file and the stanza's first line.</exception>
    public string Require(string field) =>
        this[field] is { Length: > 0 } value ? value : throw new DebianIndexException(File, Line, $"the stanza has no '{field}' field.");
}
