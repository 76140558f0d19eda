namespace MlDsl.Data.Files;

/// <summary>
/// The file the operating system opens for a path: every symbolic link along it replaced by its target, one component
/// at a time, as POSIX <c>realpath</c> does. A <c>..</c> that follows a link climbs from the link's target, not from the
/// link (<c>root/link/../x</c> is <c>target's parent/x</c>), and a target whose own folders are links is resolved too;
/// <see cref="FileSystemInfo.ResolveLinkTarget"/> with <c>returnFinalTarget</c> follows a chain of links but leaves both
/// of those unresolved, so the walk reads one link at a time.
/// </summary>
internal static class RealPath
{
    // Linux's limit on the links one lookup follows (ELOOP); past it the path loops or is built to exhaust the walk.
    private const int MaxLinks = 40;

    /// <summary>A link the walk followed: where it lies (with the links above it resolved) and what it names.</summary>
    public readonly record struct Link(string Path, string Target);

    /// <summary>
    /// Resolves <paramref name="fullPath"/> (absolute). A missing component, or one in a folder that cannot be searched,
    /// is kept as written (it is no link the system could follow), so a missing file resolves to where it would be.
    /// </summary>
    /// <returns>The real path and the links followed to reach it, in the order they were followed.</returns>
    /// <exception cref="IOException">More than 40 links are followed (a loop of links); the message says so.</exception>
    public static (string Real, IReadOnlyList<Link> Links) Resolve(string fullPath)
    {
        var links = new List<Link>();
        string current = Path.GetPathRoot(fullPath) ?? throw new ArgumentException($"{fullPath}: expected an absolute path", nameof(fullPath));
        var pending = new Stack<string>(); // components still to walk, the next on top
        PushComponents(pending, fullPath[current.Length..]);
        while (pending.TryPop(out string? part))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current; // ".." of the root is the root
                continue;
            }
            string next = Path.Combine(current, part);
            // Null for a file or folder that is no link, and for a missing one (readlink fails; .NET returns null).
            string? target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }
            if (links.Count == MaxLinks)
                throw new IOException($"{fullPath}: more than {MaxLinks} symbolic links are followed to resolve it (starting with {links[0].Path}); a loop of links");
            links.Add(new Link(next, target));
            // An absolute target starts again from its root; a relative one is taken from the link's folder, where the walk stands.
            if (Path.IsPathRooted(target)) current = Path.GetPathRoot(target)!;
            PushComponents(pending, Path.IsPathRooted(target) ? target[Path.GetPathRoot(target)!.Length..] : target);
        }
        return (current, links);
    }

    private static void PushComponents(Stack<string> pending, string relative)
    {
        string[] parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);
        for (int i = parts.Length - 1; i >= 0; i--) pending.Push(parts[i]);
    }
}
