using MlDsl.Data.Csv;

namespace MlDsl.Data.Files;

/// <summary>
/// Reads a CSV manifest with a header and the columns <c>path</c> and <c>label</c>; relative paths are resolved against the
/// manifest's folder (<c>../images/a.png</c> from <c>lists/train.csv</c> is the usual layout, as torchvision and pandas
/// readers allow). Given a data root, every path must resolve inside it: a manifest from elsewhere then cannot make the
/// reader open <c>../../etc/passwd</c> or <c>/home/someone/.ssh/id_rsa</c>.
/// </summary>
/// <remarks>
/// Given a root, the check is on the file the system would open: symbolic links along the path (a file link, a folder
/// link, a chain of them, a <c>..</c> after one) are resolved, and a final target outside the root's own real folder is
/// refused naming the link. Without a root, links are followed as written. Hard links cannot be told from the file
/// itself and are not checked, and a link made between the check and the read is followed: the root is trusted to be
/// yours, the manifest is not.
/// </remarks>
internal static class LabelManifest
{
    private const string PathColumn = "path", LabelColumn = "label";

    /// <param name="manifest">The manifest CSV file.</param>
    /// <param name="filter">The extensions kept; lines naming others are skipped with their line.</param>
    /// <param name="root">The folder every listed path must resolve inside; null for no such check.</param>
    public static LabelledFiles Read(string manifest, ExtensionFilter filter, string? root = null)
    {
        string full = Path.GetFullPath(manifest);
        if (!File.Exists(full)) throw new LabelledFilesException(full, null, "no such manifest file; expected a CSV with the columns path,label");
        if (MlDsl.Persistence.FileKind.OtherThanFile(full) is { } kind)
            throw new LabelledFilesException(full, null, $"is {kind}, not a regular file; expected a CSV with the columns path,label");
        string folder = Path.GetDirectoryName(full)!;
        string? inside = root is null ? null : Path.GetFullPath(root);
        if (inside is not null && MlDsl.Persistence.FolderInput.Problem(inside, "the data root the manifest's paths lie in") is { } problem)
            throw new LabelledFilesException(inside, null, problem);
        // The root may itself be a link (a data folder linked into a project): its targets are compared with where it leads.
        string? realRoot = inside is null ? null : RealRoot(inside);

        // Strict UTF-8: a Latin-1 label or path is an error naming its line, never a silent U+FFFD that merges classes.
        using StreamReader reader = Utf8Text.Open(full);
        // Physical line numbers (a quoted newline does not shift them); quoting errors name their line.
        using var records = new CsvRecords(full, reader, ",", firstLine: 1);
        do
        {
            if (!Next(records, full)) throw new LabelledFilesException(full, 1, "the file is empty; expected a header line path,label");
        }
        while (records.IsBlank);
        string[] header = records.Fields;
        int pathAt = ColumnOf(header, PathColumn), labelAt = ColumnOf(header, LabelColumn);
        if (pathAt < 0 || labelAt < 0)
            throw new LabelledFilesException(full, records.Line, $"expected a header with the columns {PathColumn} and {LabelColumn}, found: {string.Join(", ", header)}");

        var files = new List<LabelledFile>();
        var skipped = new List<SkippedFile>();
        while (Next(records, full))
        {
            string[] fields = records.Fields;
            long line = records.Line;
            if (fields.All(field => field.Trim().Length == 0)) continue; // a blank line
            if (fields.Length <= Math.Max(pathAt, labelAt))
                throw new LabelledFilesException(full, line, $"{fields.Length} fields; expected a {PathColumn} and a {LabelColumn} in columns {pathAt + 1} and {labelAt + 1}");
            string path = fields[pathAt].Trim(), label = fields[labelAt].Trim();
            if (path.Length == 0) throw new LabelledFilesException(full, line, $"the {PathColumn} is empty; expected a file path");
            if (path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
                throw new LabelledFilesException(full, line, $"the {PathColumn} holds a character no file path can hold; expected a file path");
            string resolved = Path.GetFullPath(Path.Combine(folder, path));
            if (inside is not null && !IsInside(resolved, inside))
                throw new LabelledFilesException(full, line,
                    $"the {PathColumn} '{path}' resolves to {resolved}, outside the data root {inside}; expected a path inside it");
            if (realRoot is not null) CheckLinks(full, line, path, resolved, inside!, realRoot);
            if (!filter.Keeps(resolved))
            {
                skipped.Add(new SkippedFile(resolved, $"line {line}: {filter.WhySkipped(resolved)}"));
                continue;
            }
            if (!File.Exists(resolved))
                throw new LabelledFilesException(full, line, $"no file '{path}' (resolved to {resolved}); expected an existing file, relative paths taken from the manifest's folder");
            if (label.Length == 0) throw new LabelledFilesException(full, line, $"the {LabelColumn} of '{path}' is empty; expected a class name");
            files.Add(new LabelledFile(resolved, label));
        }
        if (files.Count == 0) throw new LabelledFilesException(full, records.Line, "the manifest lists no files to keep; expected one line per example");
        return new LabelledFiles(files, skipped);
    }

    private static bool Next(CsvRecords records, string manifest)
    {
        try
        {
            return records.Read();
        }
        catch (CsvDataException problem)
        {
            throw new LabelledFilesException(manifest, problem.Line, problem.Problem);
        }
    }

    private static string RealRoot(string root)
    {
        try
        {
            return RealPath.Resolve(root).Real;
        }
        catch (IOException error)
        {
            throw new LabelledFilesException(root, null, $"cannot be resolved ({error.Message}); expected the data root the manifest's paths lie in");
        }
    }

    // A link inside the root to /etc/passwd passes the check on the written path; the system opens its target.
    private static void CheckLinks(string manifest, long line, string path, string resolved, string root, string realRoot)
    {
        (string real, IReadOnlyList<RealPath.Link> links) resolution;
        try
        {
            resolution = RealPath.Resolve(resolved);
        }
        catch (IOException error)
        {
            throw new LabelledFilesException(manifest, line, $"the {PathColumn} '{path}' cannot be resolved: {error.Message}; expected a file inside the data root {root}");
        }
        (string real, IReadOnlyList<RealPath.Link> links) = resolution;
        // The root itself is no file; the existence check names that line as "no file".
        if (links.Count == 0 || real == realRoot || IsInside(real, realRoot)) return;
        // The link that leaves: the last one followed that lies inside the root (the root's own link, if any, lies above it).
        RealPath.Link leaving = links.LastOrDefault(link => IsInside(link.Path, realRoot), links[0]);
        throw new LabelledFilesException(manifest, line,
            $"the {PathColumn} '{path}' leads through the symbolic link {leaving.Path} (to {leaving.Target}) to {real}, outside the data root {root}; expected a file inside it");
    }

    // By relative path, not by prefix: "/data/cats2" starts with "/data/cats" yet lies outside it.
    private static bool IsInside(string path, string root)
    {
        string relative = Path.GetRelativePath(root, path);
        return relative != "." && !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static int ColumnOf(string[] header, string name) =>
        Array.FindIndex(header, text => string.Equals(text.Trim(), name, StringComparison.OrdinalIgnoreCase));
}
