using MlDsl.Data.Text;

namespace MlDsl.Examples.PackageSections;

/// <summary>
/// The sequence model: an embedding of each word id and a bidirectional LSTM over the description's
/// words. Its output is both directions' final states; the backward direction ends on the first
/// word, whatever padding follows the last.
/// </summary>
[Model(typeof(PackageTokens))]
public sealed partial class SectionLstm
{
    [Embedding(PackageTokens.VocabularySize, 64, PaddingIndex = Tokenizer.PaddingId)] Layer embedding; // (64 steps, 64)
    [Lstm(64, Bidirectional = true)] Layer lstm;                                                        // (128)
    [Dropout(0.3), Linear(PackageDescription.SectionCount)] Layer output;
}
