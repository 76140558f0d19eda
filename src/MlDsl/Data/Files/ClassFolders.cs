namespace MlDsl.Data.Files;

/// <summary>Lists <c>root/&lt;label&gt;/**/*.ext</c>: every sub-folder of the root is a class, named by the folder.</summary>
internal static class ClassFolders
{
    // Hidden files are looked at too (.NET skips them by default): a file the caller did not ask
    // for must show up as skipped, never vanish. Tool and OS artefacts (.ipynb_checkpoints,
    // __MACOSX, .DS_Store...) are neither classes nor examples, and are skipped with their reason.
    public static LabelledFiles List(string root, ExtensionFilter filter)
    {
        string full = Path.GetFullPath(root);
        string expected = $"expected class sub-folders {Path.Combine(full, "<label>")} holding {filter.Description} files";
        if (MlDsl.Persistence.FolderInput.Problem(full, expected["expected ".Length..]) is { } problem) throw new LabelledFilesException(full, null, problem);

        var walk = new FolderWalk();
        walk.MarkListed(full);
        var skipped = walk.DataFiles(full)
            .Select(path => new SkippedFile(path, "directly in the root folder, not in a class folder, so it has no label"))
            .ToList();
        string[] classFolders = walk.DataFolders(full);
        skipped.InsertRange(0, walk.Skipped);
        walk.Skipped.Clear();
        if (classFolders.Length == 0)
            throw new LabelledFilesException(full, null, $"no sub-folders{DescribeSkipped(skipped)}; {expected}");

        // Every class folder is claimed before any is walked: a link in one class to another (cat/dogs -> dog) is then
        // skipped as already listed, whichever comes first, so no file is listed under a class it is not in.
        foreach (string folder in classFolders) walk.MarkListed(folder);
        var files = new List<LabelledFile>();
        foreach (string folder in classFolders)
        {
            string label = Path.GetFileName(folder);
            string[] found = walk.AllDataFiles(folder);
            string[] kept = found.Where(filter.Keeps).ToArray();
            if (kept.Length == 0)
                throw new LabelledFilesException(folder, null,
                    $"class folder '{label}' has no {filter.Description} files{DescribeOthers(found)}{DescribeSkipped(walk.Skipped)}; expected at least one example per class");
            files.AddRange(kept.Select(path => new LabelledFile(path, label)));
            skipped.AddRange(walk.Skipped);
            walk.Skipped.Clear();
            skipped.AddRange(found.Where(path => !filter.Keeps(path)).Select(path => new SkippedFile(path, filter.WhySkipped(path))));
        }
        return new LabelledFiles(files, skipped);
    }

    private static string DescribeOthers(string[] found) =>
        found.Length == 0 ? " (no other files)" : $" (it holds {found.Length} other files: {string.Join(", ", found.Take(3).Select(Path.GetFileName))}{(found.Length > 3 ? ", ..." : "")})";

    private static string DescribeSkipped(List<SkippedFile> skipped) =>
        skipped.Count == 0 ? "" : $", only {skipped.Count} skipped ({string.Join("; ", skipped.Take(3).Select(file => $"{Path.GetFileName(file.Path)}: {file.Reason}"))})";
}
