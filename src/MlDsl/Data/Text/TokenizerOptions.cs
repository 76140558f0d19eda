namespace MlDsl.Data.Text;

/// <summary>How a <see cref="Tokenizer"/> is fitted and what it writes, as Keras's <c>TextVectorization</c>.</summary>
public sealed record TokenizerOptions
{
    /// <summary>
    /// Ids in all, padding (0) and out-of-vocabulary (1) included, as Keras's <c>max_tokens</c>: the
    /// <c>MaxTokens - 2</c> most frequent training words get ids 2, 3, ... Declare the token feature
    /// with <c>[Vocabulary(MaxTokens)]</c>: every id written is below it.
    /// </summary>
    public int MaxTokens { get; init; } = 20_000;

    /// <summary>
    /// Ids per text (Keras's <c>output_sequence_length</c>): longer texts are cut, shorter ones padded with 0 at the end.
    /// 1 to <see cref="MaxLength"/>.
    /// </summary>
    public int Length { get; init; } = 64;

    /// <summary>
    /// The longest <see cref="Length"/> accepted, 1,048,576 ids (4 MiB per encoded text): far beyond any real sequence
    /// model, small enough that a damaged or hostile saved tokenizer cannot make every text allocate gigabytes.
    /// </summary>
    public const int MaxLength = 1 << 20;

    /// <summary>Words seen fewer times than this in the training rows stay out of the vocabulary.</summary>
    public int MinCount { get; init; } = 1;

    /// <summary>Compare words in lower case (invariant culture).</summary>
    public bool Lowercase { get; init; } = true;
}
