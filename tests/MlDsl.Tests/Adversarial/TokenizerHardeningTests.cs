using MlDsl.Data.Steps;
using MlDsl.Data.Text;

namespace MlDsl.Tests.Adversarial;

/// <summary>
/// Text ingestion that used to succeed with nothing learned, and saved-step paths that are no file. A tokenizer fitted on texts
/// without a word, or with every word below MinCount, had an empty vocabulary and encoded every text as unknown words and
/// padding without a word of warning; Load on a folder said "access denied" (UnauthorizedAccessException), on a missing file
/// "Could not find file" without naming the step.
/// </summary>
public sealed class TokenizerHardeningTests() : TemporaryFolder("mldsl-tokenizer-hardening")
{
    [Fact]
    public void Training_texts_without_a_word_are_refused_naming_the_rows()
    {
        string[] texts = ["", "  !!  ", "--- ..."];

        var problem = Assert.Throws<DataStepException>(() => Tokenizer.Fit(texts, text => text));

        Assert.Equal("train", problem.Option);
        Assert.StartsWith("Tokenizer: the 3 training texts hold no word (a run of letters or digits)", problem.Message);
    }

    [Fact]
    public void A_min_count_no_word_reaches_is_refused_naming_the_option_and_the_highest_count()
    {
        string[] texts = ["the cat", "the dog", "a bird"];

        var problem = Assert.Throws<DataStepException>(() => Tokenizer.Fit(texts, text => text, new TokenizerOptions { MinCount = 3 }));
        Tokenizer reachable = Tokenizer.Fit(texts, text => text, new TokenizerOptions { MinCount = 2 });

        Assert.Equal(nameof(TokenizerOptions.MinCount), problem.Option);
        Assert.StartsWith("Tokenizer: MinCount = 3, but the most frequent of the 5 training words is seen 2 times; the vocabulary would be empty", problem.Message);
        Assert.Equal(["the"], reachable.Words);
    }

    [Fact]
    public void Loading_a_folder_or_a_missing_file_names_the_path_and_the_step()
    {
        string missing = Path.Combine(Root, "tokenizer.json");

        var folder = Assert.Throws<InvalidDataException>(() => Tokenizer.Load(Root));
        var absent = Assert.Throws<FileNotFoundException>(() => Tokenizer.Load(missing));

        Assert.Equal($"{Root}: is a folder; expected a saved Tokenizer file", folder.Message);
        Assert.Equal($"{missing}: no such file; expected a saved Tokenizer", absent.Message);
        Assert.Equal(missing, absent.FileName);
    }
}
