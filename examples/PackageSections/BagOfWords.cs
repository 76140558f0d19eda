namespace MlDsl.Examples.PackageSections;

/// <summary>
/// A vocabulary learned from training descriptions, and the bag-of-words rows it makes: 1 for each
/// vocabulary word a description holds. Learned from the training split only ([LearnsFrom]), so
/// which words exist in validation and test descriptions never shapes the features.
/// </summary>
public sealed class BagOfWords
{
    private readonly Dictionary<string, int> index;

    private BagOfWords(IReadOnlyList<string> words)
    {
        Words = words;
        index = words.Select((word, i) => (word, i)).ToDictionary(pair => pair.word, pair => pair.i, StringComparer.Ordinal);
    }

    /// <summary>The vocabulary, most frequent first; at most <see cref="PackageDescription.VocabularySize"/> words.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>
    /// The <paramref name="size"/> words found in the most training descriptions (ties in ordinal order),
    /// among those found in at least two: a word of a single description cannot generalise.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not in [1, <see cref="PackageDescription.VocabularySize"/>].</exception>
    [LearnsFrom("training")]
    public static BagOfWords Fit(IReadOnlyList<PackageDescription> training, int size = PackageDescription.VocabularySize)
    {
        if (size is < 1 or > PackageDescription.VocabularySize)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"the vocabulary holds 1 to {PackageDescription.VocabularySize} words (the width of PackageDescription.Words).");
        var documents = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (PackageDescription row in training)
            foreach (string word in TextWords.Of(row.Text).Distinct(StringComparer.Ordinal))
                documents[word] = documents.GetValueOrDefault(word) + 1;
        string[] words = documents.Where(pair => pair.Value >= 2)
            .OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(size).Select(pair => pair.Key).ToArray();
        return new BagOfWords(words);
    }

    /// <summary>The description's bag of words, <see cref="PackageDescription.VocabularySize"/> floats (unused slots stay 0).</summary>
    public float[] Encode(string text)
    {
        var bag = new float[PackageDescription.VocabularySize];
        foreach (string word in TextWords.Of(text))
            if (index.TryGetValue(word, out int i)) bag[i] = 1;
        return bag;
    }

    /// <summary>The rows with <see cref="PackageDescription.Words"/> filled from their text.</summary>
    public List<PackageDescription> Apply(IEnumerable<PackageDescription> rows) => rows.Select(row => row with { Words = Encode(row.Text) }).ToList();
}
