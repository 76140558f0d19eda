using System.Globalization;
using System.Text;
using MlDsl.Data.Splits;
using MlDsl.Data.Steps;

namespace MlDsl.Data.Text;

/// <summary>
/// A word-level tokenizer with a vocabulary learned from training rows only, as Keras's
/// <c>TextVectorization(output_mode="int")</c>: a text is split into words (runs of letters and
/// digits), each word becomes its id (2, 3, ... by descending training frequency, ties in ordinal
/// order), an unknown word becomes <see cref="OutOfVocabularyId"/>, and the ids are cut or padded with
/// <see cref="PaddingId"/> to a fixed length. Feed the ids to an <c>int[]</c> feature with
/// <c>[Shape(Length), Vocabulary(MaxTokens)]</c> and an <c>[Embedding(MaxTokens, width, PaddingIndex = 0)]</c>.
/// Fitting on rows that later reach validation or test leaks their words (MLDSL0016).
/// </summary>
public sealed class Tokenizer
{
    internal const string StepName = nameof(Tokenizer);

    /// <summary>The id that fills a text shorter than <see cref="Length"/>.</summary>
    public const int PaddingId = 0;

    /// <summary>The id of a word outside the vocabulary.</summary>
    public const int OutOfVocabularyId = 1;

    private readonly Dictionary<string, int> ids;

    private Tokenizer(string[] words, TokenizerOptions options)
    {
        Words = words;
        Options = options;
        ids = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++) ids[words[i]] = i + 2;
    }

    /// <summary>The vocabulary in id order: <c>Words[i]</c> has id <c>i + 2</c>.</summary>
    public IReadOnlyList<string> Words { get; }

    public TokenizerOptions Options { get; }

    /// <summary>Ids per encoded text.</summary>
    public int Length => Options.Length;

    /// <summary>Fits the vocabulary on <paramref name="split"/>'s training rows.</summary>
    /// <exception cref="DataStepException">As <see cref="Fit{TRow}(IReadOnlyList{TRow}, Func{TRow, string?}, TokenizerOptions?)"/>.</exception>
    [LearnsFrom("split")]
    public static Tokenizer Fit<TRow>(DataSplit<TRow> split, Func<TRow, string?> text, TokenizerOptions? options = null)
        where TRow : IDatasetRow<TRow> => Fit(split.Train, text, options);

    /// <summary>Fits the vocabulary on <paramref name="train"/>, which must be training rows only.</summary>
    /// <param name="train">The training rows.</param>
    /// <param name="text">Reads a row's text, e.g. <c>row => row.Description</c>.</param>
    /// <param name="options">Vocabulary size, ids per text, minimum count, case; the defaults when null.</param>
    /// <exception cref="DataStepException">No rows, a null text (naming the row), options out of range, or no word to learn (no text holds one, or none is seen <see cref="TokenizerOptions.MinCount"/> times).</exception>
    [LearnsFrom("train")]
    public static Tokenizer Fit<TRow>(IReadOnlyList<TRow> train, Func<TRow, string?> text, TokenizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new TokenizerOptions();
        Check(options);
        StepInput.NotEmpty(StepName, nameof(train), train);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < train.Count; i++)
        {
            string value = text(train[i])
                ?? throw new DataStepException(StepName, nameof(text), $"{typeof(TRow).Name} row {i}: the text is null; expected a string (\"\" for none)");
            foreach (string word in Split(value, options.Lowercase))
                counts[word] = counts.GetValueOrDefault(word) + 1;
        }
        string[] words = counts.Where(pair => pair.Value >= options.MinCount)
            .OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(options.MaxTokens - 2)
            .Select(pair => pair.Key)
            .ToArray();
        // An empty vocabulary encodes every text as unknown words and padding: the model would train on nothing.
        if (words.Length == 0)
            throw counts.Count == 0
                ? new DataStepException(StepName, nameof(train), $"the {train.Count} training texts hold no word (a run of letters or digits); expected text to learn a vocabulary from")
                : new DataStepException(StepName, nameof(options.MinCount),
                    $"MinCount = {options.MinCount}, but the most frequent of the {counts.Count} training words is seen {counts.Values.Max()} times; the vocabulary would be empty");
        return new Tokenizer(words, options);
    }

    /// <summary>The text's ids: <see cref="Length"/> of them, each below <see cref="TokenizerOptions.MaxTokens"/>.</summary>
    /// <param name="text">The text; null encodes as padding only.</param>
    public int[] Encode(string? text)
    {
        int[] encoded = new int[Length];
        int position = 0;
        foreach (string word in Split(text ?? "", Options.Lowercase))
        {
            if (position == Length) break;
            encoded[position++] = ids.TryGetValue(word, out int id) ? id : OutOfVocabularyId;
        }
        return encoded;
    }

    /// <summary>Saves the vocabulary and options as JSON.</summary>
    /// <exception cref="InvalidDataException">A folder has the file's name, or a file has its folder's; the message names the path and what was expected. No temporary file is left behind.</exception>
    /// <exception cref="IOException">The file cannot be written otherwise (a full disk); no temporary file is left behind.</exception>
    public void Save(string path) => StepFile.Save(path, StepName, ToSaved());

    /// <summary>Loads a tokenizer saved by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The path is a folder, the file is not a saved tokenizer, or its parts disagree.</exception>
    public static Tokenizer Load(string path) => FromJson(StepFile.Read(path, StepName), path);

    /// <summary>A saved tokenizer from its JSON bytes; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a saved tokenizer, or its parts disagree.</exception>
    internal static Tokenizer FromJson(byte[] json, string name)
    {
        Saved state = StepFile.Parse<Saved>(json, name, StepName, saved =>
            saved.Words is null ? "words missing"
            : saved.Words.Length == 0 ? "an empty vocabulary; expected at least one word (Fit refuses training texts without words)"
            : saved.MaxTokens < 3 || saved.MaxTokens > (1 << 24) ? $"MaxTokens = {saved.MaxTokens}; expected 3 to {1 << 24}"
            : saved.Length < 1 || saved.Length > TokenizerOptions.MaxLength ? $"Length = {saved.Length}; expected 1 to {TokenizerOptions.MaxLength}"
            : saved.Words.Length > saved.MaxTokens - 2 ? $"{saved.Words.Length} words, more than MaxTokens - 2 = {saved.MaxTokens - 2}"
            : saved.Words.Any(string.IsNullOrEmpty) ? "an empty word"
            : saved.Words.Distinct(StringComparer.Ordinal).Count() != saved.Words.Length ? "a word listed twice"
            : null);
        return new Tokenizer(state.Words, new TokenizerOptions { MaxTokens = state.MaxTokens, Length = state.Length, MinCount = state.MinCount, Lowercase = state.Lowercase });
    }

    private Saved ToSaved() => new(Words.ToArray(), Options.MaxTokens, Options.Length, Options.MinCount, Options.Lowercase);

    internal sealed record Saved(string[] Words, int MaxTokens, int Length, int MinCount, bool Lowercase);

    private static void Check(TokenizerOptions options)
    {
        if (options.MaxTokens < 3 || options.MaxTokens > 1 << 24)
            throw new DataStepException(StepName, nameof(options.MaxTokens),
                $"MaxTokens = {options.MaxTokens}; expected 3 (padding, unknown and one word) to {1 << 24} (the ids a float batch buffer holds exactly)");
        if (options.Length < 1 || options.Length > TokenizerOptions.MaxLength)
            throw new DataStepException(StepName, nameof(options.Length), $"Length = {options.Length}; expected 1 to {TokenizerOptions.MaxLength} ids per text");
        if (options.MinCount < 1)
            throw new DataStepException(StepName, nameof(options.MinCount), $"MinCount = {options.MinCount}; expected at least 1");
    }

    /// <summary>The words of <paramref name="text"/>: maximal runs of letters and digits.</summary>
    private static IEnumerable<string> Split(string text, bool lowercase)
    {
        var word = new StringBuilder();
        foreach (char character in text)
        {
            if (char.IsLetterOrDigit(character))
            {
                word.Append(lowercase ? char.ToLowerInvariant(character) : character);
                continue;
            }
            if (word.Length == 0) continue;
            yield return word.ToString();
            word.Clear();
        }
        if (word.Length > 0) yield return word.ToString();
    }
}
