using MlDsl.Analysis;
using MlDsl.Data.Splits;
using MlDsl.Data.Steps;
using MlDsl.Data.Text;
using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;

namespace MlDsl.Tests.Data;

public sealed class TokenizerTests() : TemporaryFolder("mldsl-tokenizer")
{
    private sealed record Note(string? Text);

    private static readonly Note[] Train =
    {
        new("The cat sat."), new("the CAT ran, the dog sat"), new("A bird!"),
    };

    [Fact]
    public void Words_get_ids_by_training_frequency_after_padding_and_unknown()
    {
        Tokenizer tokenizer = Tokenizer.Fit(Train, note => note.Text, new TokenizerOptions { MaxTokens = 100, Length = 6 });

        // the ×3, cat ×2, sat ×2, then a, bird, dog, ran once each, ties in ordinal order.
        Assert.Equal(new[] { "the", "cat", "sat", "a", "bird", "dog", "ran" }, tokenizer.Words);
        Assert.Equal(new[] { 2, 3, 1, 8, 0, 0 }, tokenizer.Encode("The cat flew ran"));
    }

    [Fact]
    public void Long_texts_are_cut_and_the_vocabulary_is_capped_by_max_tokens()
    {
        Tokenizer tokenizer = Tokenizer.Fit(Train, note => note.Text, new TokenizerOptions { MaxTokens = 4, Length = 3 });

        Assert.Equal(new[] { "the", "cat" }, tokenizer.Words);
        Assert.Equal(new[] { 2, 3, 1 }, tokenizer.Encode("the cat sat on the mat"));
        Assert.All(tokenizer.Encode("dog bird a"), id => Assert.InRange(id, 0, 3));
    }

    [Fact]
    public void Words_below_the_minimum_count_stay_unknown()
    {
        Tokenizer tokenizer = Tokenizer.Fit(Train, note => note.Text, new TokenizerOptions { MinCount = 2, Length = 4 });

        Assert.Equal(new[] { "the", "cat", "sat" }, tokenizer.Words);
        Assert.Equal(new[] { 1, 0, 0, 0 }, tokenizer.Encode("bird"));
        Assert.Equal(new[] { 0, 0, 0, 0 }, tokenizer.Encode(null));
    }

    [Fact]
    public void A_saved_tokenizer_encodes_the_same()
    {
        Tokenizer tokenizer = Tokenizer.Fit(Train, note => note.Text, new TokenizerOptions { MaxTokens = 50, Length = 5, Lowercase = false });
        string path = Path.Combine(Root, "tokenizer.json");

        tokenizer.Save(path);
        Tokenizer loaded = Tokenizer.Load(path);

        Assert.Equal(tokenizer.Words, loaded.Words);
        Assert.Equal(tokenizer.Options, loaded.Options);
        Assert.Equal(tokenizer.Encode("The cat the CAT"), loaded.Encode("The cat the CAT"));
    }

    [Fact]
    public void A_damaged_saved_tokenizer_is_refused_with_the_file_and_the_problem()
    {
        string path = Path.Combine(Root, "tokenizer.json");
        File.WriteAllText(path, """{ "Words": ["a", "a"], "MaxTokens": 10, "Length": 4, "MinCount": 1, "Lowercase": true }""");

        var problem = Assert.Throws<InvalidDataException>(() => Tokenizer.Load(path));

        Assert.Equal($"{path}: saved Tokenizer is inconsistent: a word listed twice", problem.Message);
    }

    [Fact]
    public void A_null_text_in_the_training_rows_is_refused_naming_the_row()
    {
        var problem = Assert.Throws<DataStepException>(() => Tokenizer.Fit(new[] { new Note("ok"), new Note(null) }, note => note.Text));

        Assert.Equal("Tokenizer: Note row 1: the text is null; expected a string (\"\" for none) (Parameter 'text')", problem.Message);
    }

    [Theory]
    [InlineData(2, 10, 1, "MaxTokens")]
    [InlineData(20_000_000, 10, 1, "MaxTokens")]
    [InlineData(100, 0, 1, "Length")]
    [InlineData(100, 10, 0, "MinCount")]
    public void Options_out_of_range_are_refused_naming_the_option(int maxTokens, int length, int minCount, string option)
    {
        var problem = Assert.Throws<DataStepException>(() =>
            Tokenizer.Fit(Train, note => note.Text, new TokenizerOptions { MaxTokens = maxTokens, Length = length, MinCount = minCount }));

        Assert.Equal(option, problem.Option);
    }

    [Fact]
    public void No_training_rows_are_refused()
    {
        Assert.Throws<DataStepException>(() => Tokenizer.Fit(Array.Empty<Note>(), note => note.Text));
    }

    [Fact]
    public void An_artifact_carries_the_tokenizer_it_was_exported_with()
    {
        DataSplit<Tumour> split = BreastCancerRows.Load().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
        using var model = new TumourMlp(seed: 3);
        var report = ClassificationReport.Compute(split.Test, model.Predict(split.Test), new[] { "malignant", "benign" });
        Tokenizer tokenizer = Tokenizer.Fit(Train, note => note.Text, new TokenizerOptions { MaxTokens = 10, Length = 4 });
        string path = Path.Combine(Root, "artifact");

        ModelArtifact.Export(path, model, TumourMlp.ModelName,
            new ArtifactContents<Tumour>(split.Train, report, new[] { "malignant", "benign" }) { Tokenizer = tokenizer });
        OpenedArtifact artifact = ModelArtifact.Open(path);

        Assert.Equal(tokenizer.Words, artifact.Tokenizer!.Words);
        Assert.Equal(tokenizer.Encode("the dog ran"), artifact.Tokenizer.Encode("the dog ran"));
    }
}
