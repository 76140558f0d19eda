namespace MlDsl.Data.Files;

/// <summary>
/// Lists the files under a folder, recursively, leaving out tool and OS artefacts and every folder
/// reached a second time (a symbolic link back up the tree would otherwise loop forever), each with
/// its reason in <see cref="Skipped"/>.
/// </summary>
internal sealed class FolderWalk
{
    private static readonly EnumerationOptions OneLevel = new() { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false };

    // Folders already listed, by the path of what they really are (links resolved), to where they were first reached.
    private readonly Dictionary<string, string> listed = new(StringComparer.Ordinal);

    public List<SkippedFile> Skipped { get; } = new();

    /// <summary>Marks <paramref name="folder"/> as listed (the root), so a link back to it is skipped, not followed.</summary>
    public void MarkListed(string folder)
    {
        if (Identity(folder) is { } identity) listed.TryAdd(identity, folder);
    }

    /// <summary>The sub-folders of <paramref name="folder"/> that may hold data, in ordinal order; artefacts go to <see cref="Skipped"/>.</summary>
    public string[] DataFolders(string folder)
    {
        var kept = new List<string>();
        foreach (string path in Directory.EnumerateDirectories(folder, "*", OneLevel).Order(StringComparer.Ordinal))
        {
            if (FolderArtefacts.WhyFolderSkipped(Path.GetFileName(path), AttributesOf(path)) is { } why)
                Skipped.Add(new SkippedFile(path, why));
            else
                kept.Add(path);
        }
        return kept.ToArray();
    }

    /// <summary>The files directly in <paramref name="folder"/> that may be data, in ordinal order; artefacts go to <see cref="Skipped"/>.</summary>
    public string[] DataFiles(string folder)
    {
        var kept = new List<string>();
        foreach (string path in Directory.EnumerateFiles(folder, "*", OneLevel).Order(StringComparer.Ordinal))
        {
            if (FolderArtefacts.WhyFileSkipped(Path.GetFileName(path), AttributesOf(path)) is { } why)
                Skipped.Add(new SkippedFile(path, why));
            else if (MlDsl.Persistence.FileKind.OtherThanFile(path) is { } kind)
                Skipped.Add(new SkippedFile(path, $"{kind}, not a regular file (reading it would wait for a writer or never end)"));
            else
                kept.Add(path);
        }
        return kept.ToArray();
    }

    /// <summary>
    /// Every data file under <paramref name="folder"/> and its sub-folders, in ordinal order of full path. A folder marked
    /// listed for itself (<see cref="MarkListed"/>) is walked; a link inside it to another listed folder is skipped.
    /// </summary>
    public string[] AllDataFiles(string folder)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.TryPop(out string? current))
        {
            string? identity = Identity(current);
            if (identity is null)
            {
                Skipped.Add(new SkippedFile(current, "a link that cannot be resolved (its links loop or point nowhere)"));
                continue;
            }
            if (listed.TryGetValue(identity, out string? first) && !(current == folder && first == folder))
            {
                Skipped.Add(new SkippedFile(current, $"a link to a folder already listed as {first}; skipped so nothing is listed twice and a link loop ends"));
                continue;
            }
            listed[identity] = current;
            found.AddRange(DataFiles(current));
            foreach (string sub in DataFolders(current).Reverse()) pending.Push(sub);
        }
        return found.Order(StringComparer.Ordinal).ToArray();
    }

    private static FileAttributes AttributesOf(string path)
    {
        try
        {
            return File.GetAttributes(path);
        }
        catch (IOException)
        {
            return FileAttributes.Normal; // a dangling link: listed by name, and refused when read
        }
    }

    // Links followed while resolving one path, as the kernel's own limit (SYMLOOP_MAX is 40 on Linux).
    private const int MaxLinks = 40;

    /// <summary>The folder's path with every link in it resolved, or null when the links loop or dangle.</summary>
    private static string? Identity(string folder)
    {
        int links = 0;
        return Resolve(Path.GetFullPath(folder), ref links);
    }

    private static string? Resolve(string full, ref int links)
    {
        string? parent = Path.GetDirectoryName(full);
        if (parent is null) return full;
        string? resolvedParent = Resolve(parent, ref links);
        if (resolvedParent is null) return null;
        string self = Path.Combine(resolvedParent, Path.GetFileName(full));
        try
        {
            var info = new DirectoryInfo(self);
            if (info.LinkTarget is null) return self;
            if (++links > MaxLinks) return null;
            return info.ResolveLinkTarget(returnFinalTarget: false) is { } target ? Resolve(Path.GetFullPath(target.FullName), ref links) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
