namespace MlDsl.Data.Files;

/// <summary>
/// Example files and their class names, listed from class folders or from a manifest, with every
/// file that was found but left out in <see cref="Skipped"/> so nothing disappears unnoticed.
/// </summary>
public sealed class LabelledFiles
{
    private readonly string[] labels;

    internal LabelledFiles(IReadOnlyList<LabelledFile> files, IReadOnlyList<SkippedFile> skipped)
    {
        Files = files;
        Skipped = skipped;
        labels = files.Select(file => file.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The listed files: by class, then by path, when read from folders; in the manifest's order when read from a manifest.</summary>
    public IReadOnlyList<LabelledFile> Files { get; }

    /// <summary>The distinct labels, sorted ordinally, so a label's position is its class index whatever order the files come in.</summary>
    public IReadOnlyList<string> Labels => labels;

    /// <summary>
    /// Files and folders found but not listed, with the reason: other extensions, files outside any class
    /// folder, tool and OS artefacts (hidden dot files and folders, <c>.ipynb_checkpoints</c>, <c>__MACOSX</c>,
    /// <c>._*</c> resource forks, <c>.DS_Store</c>, <c>Thumbs.db</c>, <c>desktop.ini</c>, <c>@eaDir</c>, <c>~$*</c>
    /// lock files...), and folders reached a second time through a link (so a link loop ends).
    /// </summary>
    public IReadOnlyList<SkippedFile> Skipped { get; }

    /// <summary>The class index of <paramref name="label"/>: its position in <see cref="Labels"/>.</summary>
    /// <exception cref="ArgumentException">The label is not one of <see cref="Labels"/>.</exception>
    public int ClassOf(string label)
    {
        int index = Array.BinarySearch(labels, label, StringComparer.Ordinal);
        return index >= 0 ? index : throw new ArgumentException($"'{label}' is not one of the labels: {string.Join(", ", Labels)}", nameof(label));
    }

    /// <summary>
    /// Lists <c>root/&lt;label&gt;/*.ext</c>: each sub-folder of <paramref name="root"/> is a class named
    /// after the folder, and its files (also those in nested folders) with one of <paramref name="extensions"/> are its examples.
    /// Artefact folders are never classes, so they cannot shift the class indices; see <see cref="Skipped"/>.
    /// </summary>
    /// <param name="root">The folder holding one sub-folder per class.</param>
    /// <param name="extensions">The extensions to keep, e.g. <c>".wav"</c> or <c>".png", ".jpg"</c>; case is ignored. At least one.</param>
    /// <exception cref="LabelledFilesException">The root is missing, is a file (said so), or has no sub-folders, or a class folder has no matching file.</exception>
    public static LabelledFiles FromFolders(string root, params string[] extensions)
    {
        if (extensions.Length == 0)
            throw new ArgumentException("Give the extensions to list, e.g. \".png\": a folder can hold files that are not examples.", nameof(extensions));
        return ClassFolders.List(root, new ExtensionFilter(extensions));
    }

    /// <summary>
    /// Lists the files of a CSV manifest with a header line and the columns <c>path</c> and
    /// <c>label</c> (other columns are ignored); relative paths are resolved against the manifest's folder
    /// (<c>lists/train.csv</c> may name <c>../images/a.png</c>). For a manifest from a source you do not trust, use
    /// <see cref="FromManifestWithin"/>, which refuses paths that leave a data root (<c>../../etc/passwd</c>).
    /// Symbolic links are followed wherever they lead.
    /// </summary>
    /// <param name="manifest">The manifest CSV file.</param>
    /// <param name="extensions">When given, lines naming files with other extensions go to <see cref="Skipped"/>; when not, every line is kept.</param>
    /// <exception cref="LabelledFilesException">The manifest is missing, has no path/label header, a line is badly quoted, names a missing file, or has an empty label; the message names the manifest and the physical line (a quoted newline does not shift it).</exception>
    public static LabelledFiles FromManifest(string manifest, params string[] extensions) =>
        LabelManifest.Read(manifest, new ExtensionFilter(extensions));

    /// <summary>
    /// As <see cref="FromManifest"/>, with the folder the listed files must lie in given as <paramref name="root"/>
    /// (relative paths are still resolved against the manifest's folder); a path that resolves outside it is refused, and so
    /// is one that symbolic links inside the root lead out of it (a file or folder link, a chain, a <c>..</c> after a link):
    /// links are resolved component by component and the final target must lie inside the root's own real folder (the root
    /// may itself be a link). Hard links, and links made after the manifest is read, are not checked.
    /// </summary>
    /// <param name="root">The data root: every listed file must resolve inside it.</param>
    /// <param name="manifest">The manifest CSV file.</param>
    /// <param name="extensions">As for <see cref="FromManifest"/>.</param>
    /// <exception cref="LabelledFilesException">As for <see cref="FromManifest"/>, with the root in place of the manifest's folder; the root is missing or is a file (said so); or a listed path resolves outside the root, written so or through a symbolic link, or through more than 40 links (a loop) — the message names the line, the path as written and the link.</exception>
    public static LabelledFiles FromManifestWithin(string root, string manifest, params string[] extensions) =>
        LabelManifest.Read(manifest, new ExtensionFilter(extensions), root ?? throw new ArgumentNullException(nameof(root)));
}
