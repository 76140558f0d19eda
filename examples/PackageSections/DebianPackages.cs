namespace MlDsl.Examples.PackageSections;

/// <summary>
/// The packages of <see cref="PackageDescription.Sections"/> from the pinned bookworm index
/// (<see cref="DebianIndex"/>): short description from Packages, long description from
/// Translation-en (joined on <c>Description-md5</c>), source package from <c>Source</c>.
/// </summary>
public static class DebianPackages
{
    /// <summary>
    /// Every package of the kept sections in package-name order, or <paramref name="limit"/> of them spread
    /// evenly over that order. <see cref="PackageDescription.Words"/> is left empty (see <see cref="BagOfWords"/>).
    /// </summary>
    /// <exception cref="DebianIndexException">The index cannot be fetched, or a stanza lacks a field every package has.</exception>
    public static List<PackageDescription> Load(int? limit = null, string? cacheRoot = null) =>
        Read(DebianIndex.Fetch(DebianIndex.Packages, cacheRoot), DebianIndex.Fetch(DebianIndex.Descriptions, cacheRoot), limit);

    /// <summary>The same from a Packages file and a Translation-en file on disk (both plain text).</summary>
    public static List<PackageDescription> Read(string packagesFile, string translationFile, int? limit = null)
    {
        Dictionary<string, string> longDescriptions = LongDescriptions(translationFile);
        var rows = new List<PackageDescription>();
        using (var reader = new StreamReader(packagesFile))
        {
            foreach (ControlStanza stanza in ControlStanzas.Read(reader, Path.GetFileName(packagesFile)))
            {
                int section = Array.IndexOf(PackageDescription.Sections, stanza["Section"]);
                if (section < 0) continue;
                string package = stanza.Require("Package");
                string text = stanza.Require("Description");
                if (stanza["Description-md5"] is { } md5 && longDescriptions.TryGetValue(md5, out string? full))
                    text = full; // Translation-en holds the short line too, then the long description
                rows.Add(new PackageDescription
                {
                    Words = Array.Empty<float>(),
                    Section = section,
                    Source = SourceName(stanza["Source"]) ?? package,
                    Package = package,
                    Text = text,
                });
            }
        }
        rows.Sort((a, b) => string.CompareOrdinal(a.Package, b.Package));
        if (limit is { } count && count < rows.Count)
        {
            if (count <= 0) throw new ArgumentOutOfRangeException(nameof(limit), count, "at least one package must be kept.");
            rows = Enumerable.Range(0, count).Select(i => rows[(int)((long)i * rows.Count / count)]).ToList();
        }
        return rows;
    }

    /// <summary>"foo" for "foo" or "foo (1.2-3)" (a binary version that differs from the source's); null when absent.</summary>
    public static string? SourceName(string? field) =>
        field is null ? null : field.IndexOf(' ') is var space and > 0 ? field[..space] : field;

    private static Dictionary<string, string> LongDescriptions(string file)
    {
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new StreamReader(file);
        foreach (ControlStanza stanza in ControlStanzas.Read(reader, Path.GetFileName(file)))
            descriptions.TryAdd(stanza.Require("Description-md5"), stanza.Require("Description-en"));
        return descriptions;
    }
}
