namespace MlDsl.Examples.PackageSections;

/// <summary>
/// Reads Debian control data (deb822: the Packages and Translation files): stanzas separated by
/// blank lines, <c>Field: value</c> lines, continuation lines starting with a space or tab.
/// </summary>
public static class ControlStanzas
{
    /// <summary>
    /// Every stanza of <paramref name="reader"/> as its fields (names compared case-insensitively, as
    /// deb822 says). A multi-line value keeps its continuation lines after a '\n', each without its
    /// leading space; a lone "." (a paragraph break) becomes an empty line.
    /// </summary>
    /// <param name="file">The file's name, used in error messages only.</param>
    /// <exception cref="DebianIndexException">A line is neither a field, a continuation nor blank; a continuation
    /// comes before any field; or a stanza repeats a field. The message names the file and line.</exception>
    public static IEnumerable<ControlStanza> Read(TextReader reader, string file)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? current = null;
        int number = 0, start = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (line.Length == 0 || line.All(char.IsWhiteSpace))
            {
                if (fields.Count > 0) yield return new ControlStanza(file, start, fields);
                fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                current = null;
                continue;
            }
            if (line[0] is ' ' or '\t')
            {
                if (current is null) throw new DebianIndexException(file, number, "a continuation line (starting with a space) must follow a 'Field: value' line.");
                string continued = line.Trim();
                fields[current] += "\n" + (continued == "." ? "" : continued);
                continue;
            }
            if (line[0] == '#') continue; // deb822 comments
            int colon = line.IndexOf(':');
            if (colon <= 0) throw new DebianIndexException(file, number, $"expected 'Field: value' but found '{Shorten(line)}'.");
            current = line[..colon];
            if (fields.Count == 0) start = number;
            if (!fields.TryAdd(current, line[(colon + 1)..].Trim()))
                throw new DebianIndexException(file, number, $"field '{current}' appears twice in one stanza (blank line missing between two stanzas?).");
        }
        if (fields.Count > 0) yield return new ControlStanza(file, start, fields);
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..60] + "...";
}
