namespace MlDsl.Examples.PackageSections;

/// <summary>
/// A Debian binary package: its description (short and long) and the archive section it is filed
/// in. The source package is the group key, so the binary packages built from one source (libfoo1,
/// libfoo-dev, foo-doc, which share most of their description) never sit in two splits.
/// </summary>
[Dataset]
public sealed partial record PackageDescription
{
    /// <summary>Words a bag-of-words row holds (the most frequent in training descriptions).</summary>
    public const int VocabularySize = 2000;

    /// <summary>
    /// The ten most frequent sections of bookworm main (amd64), most frequent first: 37,578 of its
    /// 63,440 packages. Packages of the other 48 sections (golang, javascript, java, science, ...;
    /// 1,935 packages or fewer each) are left out, so every class has about two thousand examples or more.
    /// </summary>
    public static readonly string[] Sections = { "libs", "libdevel", "python", "doc", "perl", "devel", "utils", "haskell", "net", "rust" };

    public const int SectionCount = 10;

    /// <summary>
    /// 1 for each vocabulary word the description holds, else 0. Empty until <see cref="BagOfWords.Apply"/>
    /// fills it: the vocabulary is learned from training rows, after the split.
    /// </summary>
    [Feature, Shape(VocabularySize)] public required float[] Words { get; init; }

    /// <summary>The index of the package's section in <see cref="Sections"/>.</summary>
    [Label(Classes = SectionCount)] public required int Section { get; init; }

    [GroupKey] public required string Source { get; init; }

    [Ignore] public required string Package { get; init; }

    /// <summary>The short description, a newline, then the long description (paragraphs separated by an empty line).</summary>
    [Ignore] public required string Text { get; init; }
}
