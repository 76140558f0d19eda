namespace MlDsl.Examples.PackageSections;

/// <summary>
/// Word ids for the sequence model, learned from training descriptions only ([LearnsFrom]): the
/// words found in the most training descriptions get ids from 2 on; 0 pads a short description and
/// 1 stands for a word outside the vocabulary. A description becomes its first
/// <see cref="Length"/> words in order, which the bag of words loses.
/// </summary>
public sealed class TokenVocabulary
{
    /// <summary>The id filling the steps after a description's last word.</summary>
    public const int Padding = 0;

    /// <summary>The id of a word the training descriptions did not make part of the vocabulary.</summary>
    public const int Unknown = 1;

    /// <summary>Ids in all, padding and unknown included.</summary>
    public const int Size = 8000;

    /// <summary>Words kept of each description (the median description has 52; a quarter have more than 76).</summary>
    public const int Length = 64;

    private readonly Dictionary<string, int> ids;

    private TokenVocabulary(IReadOnlyList<string> words)
    {
        Words = words;
        ids = words.Select((word, i) => (word, i)).ToDictionary(pair => pair.word, pair => pair.i + 2, StringComparer.Ordinal);
    }

    /// <summary>The words with ids 2, 3, ..., most frequent first.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>
    /// The <see cref="Size"/> − 2 words found in the most training descriptions (ties in ordinal
    /// order), among those found in at least two.
    /// </summary>
    [LearnsFrom("training")]
    public static TokenVocabulary Fit(IReadOnlyList<PackageDescription> training)
    {
        var documents = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (PackageDescription row in training)
            foreach (string word in TextWords.Of(row.Text).Distinct(StringComparer.Ordinal))
                documents[word] = documents.GetValueOrDefault(word) + 1;
        return new TokenVocabulary(documents.Where(pair => pair.Value >= 2)
            .OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(Size - 2).Select(pair => pair.Key).ToArray());
    }

    /// <summary>
    /// The ids of the description's first <see cref="Length"/> words, after as much <see cref="Padding"/>
    /// as a shorter description needs: padding goes first (Keras's <c>pad_sequences</c> default), so a
    /// recurrent layer's final state follows the last word, not a run of padding.
    /// </summary>
    public int[] Encode(string text)
    {
        int[] words = TextWords.Of(text).Take(Length).Select(word => ids.GetValueOrDefault(word, Unknown)).ToArray();
        var tokens = new int[Length]; // Padding is 0
        words.CopyTo(tokens, Length - words.Length);
        return tokens;
    }
}
