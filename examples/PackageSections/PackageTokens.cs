using MlDsl.Data.Text;

namespace MlDsl.Examples.PackageSections;

/// <summary>
/// A package's description as word ids in order, for the sequence model: the first
/// <see cref="Length"/> words, ids from a <see cref="Tokenizer"/> fitted on the training split's
/// descriptions. A dataset of its own, since token ids cannot sit beside other features.
/// </summary>
[Dataset]
public sealed partial record PackageTokens
{
    /// <summary>Ids in all: padding (0), out of vocabulary (1) and the 7,998 most frequent training words.</summary>
    public const int VocabularySize = 8000;

    /// <summary>Words kept of each description (the median description has 52; a quarter have more than 76).</summary>
    public const int Length = 64;

    /// <summary>How the tokenizer is fitted: words seen at least twice in training descriptions.</summary>
    public static readonly TokenizerOptions Tokenizing = new() { MaxTokens = VocabularySize, Length = Length, MinCount = 2 };

    [Feature, Shape(Length), Vocabulary(VocabularySize)] public required int[] Tokens { get; init; }

    /// <summary>The index of the package's section in <see cref="PackageDescription.Sections"/>.</summary>
    [Label(Classes = PackageDescription.SectionCount)] public required int Section { get; init; }

    [GroupKey] public required string Source { get; init; }

    [Ignore] public required string Package { get; init; }

    /// <summary>The rows' descriptions as ids of <paramref name="tokenizer"/>.</summary>
    public static List<PackageTokens> Encode(Tokenizer tokenizer, IEnumerable<PackageDescription> rows) =>
        rows.Select(row => new PackageTokens { Tokens = tokenizer.Encode(row.Text), Section = row.Section, Source = row.Source, Package = row.Package }).ToList();
}
