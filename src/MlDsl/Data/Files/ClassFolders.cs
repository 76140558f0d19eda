namespace MlDsl.Data.Files;

/// <summary>Lists <c>root/&lt;label&gt;/**/*.ext</c>: every sub-folder of the root is a class, named by the folder.</summary>
internal static class ClassFolders
{
    // Hidden files are enumerated too (.NET skips them by default): a file the caller did not ask
    // for must show up as skipped, never vanish.
    private static readonly EnumerationOptions Everything = new() { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
    private static readonly EnumerationOptions TopLevel = new() { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false };

    public static LabelledFiles List(string root, ExtensionFilter filter)
    {
        string full = Path.GetFullPath(root);
        string expected = $"expected class sub-folders {Path.Combine(full, "<label>")} holding {filter.Description} files";
        if (!Directory.Exists(full)) throw new LabelledFilesException(full, null, $"no such folder; {expected}");

        var skipped = Directory.EnumerateFiles(full, "*", TopLevel).Order(StringComparer.Ordinal)
            .Select(path => new SkippedFile(path, "directly in the root folder, not in a class folder, so it has no label"))
            .ToList();
        string[] classFolders = Directory.EnumerateDirectories(full, "*", TopLevel).Order(StringComparer.Ordinal).ToArray();
        if (classFolders.Length == 0) throw new LabelledFilesException(full, null, $"no sub-folders; {expected}");

        var files = new List<LabelledFile>();
        foreach (string folder in classFolders)
        {
            string label = Path.GetFileName(folder);
            string[] found = Directory.EnumerateFiles(folder, "*", Everything).Order(StringComparer.Ordinal).ToArray();
            string[] kept = found.Where(filter.Keeps).ToArray();
            if (kept.Length == 0)
                throw new LabelledFilesException(folder, null,
                    $"class folder '{label}' has no {filter.Description} files{DescribeOthers(found)}; expected at least one example per class");
            files.AddRange(kept.Select(path => new LabelledFile(path, label)));
            skipped.AddRange(found.Where(path => !filter.Keeps(path)).Select(path => new SkippedFile(path, filter.WhySkipped(path))));
        }
        return new LabelledFiles(files, skipped);
    }

    private static string DescribeOthers(string[] found) =>
        found.Length == 0 ? " (it is empty)" : $" (it holds {found.Length} other files: {string.Join(", ", found.Take(3).Select(Path.GetFileName))}{(found.Length > 3 ? ", ..." : "")})";
}
