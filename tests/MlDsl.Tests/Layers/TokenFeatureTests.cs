using MlDsl.Data;
using MlDsl.Training;

namespace MlDsl.Tests.Layers;

/// <summary>An int[] feature with [Vocabulary] is collated as ids, checked where the row is known, and trains an Embedding model.</summary>
public sealed class TokenFeatureTests
{
    private static TokenSentence Sentence(int topic, params int[] tokens) => new() { Tokens = tokens, Topic = topic };

    [Fact]
    public void Token_ids_are_collated_exactly_into_the_batch()
    {
        TokenSentence[] rows = { Sentence(0, Enumerable.Range(0, 12).ToArray()), Sentence(2, Enumerable.Repeat(49, 12).ToArray()) };

        (var features, var labels) = BatchCollator.Collate(rows, 0, 2);
        using var _ = features;
        using var __ = labels;

        Assert.Equal(new long[] { 2, 12 }, features.shape);
        Assert.Equal(Enumerable.Range(0, 12).Select(id => (float)id).Concat(Enumerable.Repeat(49f, 12)), features.data<float>().ToArray());
    }

    [Fact]
    public void An_id_outside_the_vocabulary_is_refused_naming_the_row_member_and_position()
    {
        int[] tokens = new int[12];
        tokens[7] = 50;
        TokenSentence[] rows = { Sentence(0, new int[12]), Sentence(1, tokens) };

        var problem = Assert.Throws<RowDataException>(() => BatchCollator.Collate(rows, 0, 2));

        Assert.Equal("TokenSentence row 1: Tokens should be token ids in [0, 49] (its [Vocabulary]) but is 50 at position 7", problem.Message);
    }

    [Fact]
    public void A_negative_id_is_refused()
    {
        int[] tokens = new int[12];
        tokens[0] = -1;

        var problem = Assert.Throws<RowDataException>(() => BatchCollator.CollateFeatures(new[] { Sentence(0, tokens) }, 0, 1));

        Assert.Contains("-1 at position 0", problem.Message);
    }

    [Fact]
    public void A_row_of_the_wrong_length_is_refused_with_the_length_expected()
    {
        var problem = Assert.Throws<RowDataException>(() => BatchCollator.Collate(new[] { Sentence(0, 1, 2, 3) }, 0, 1));

        Assert.Equal("TokenSentence row 0: Tokens should be 12 token ids (pad or cut each row to that length) but is 3 values", problem.Message);
    }

    [Fact]
    public void An_embedding_lstm_learns_which_words_a_topic_uses()
    {
        // Topic t's sentences draw their words from ids [1 + 16t, 17 + 16t), padded with 0 at the end.
        var random = new Random(4);
        TokenSentence Make(int topic)
        {
            int length = random.Next(4, 13);
            int[] tokens = new int[12];
            for (int i = 0; i < length; i++) tokens[i] = 1 + 16 * topic + random.Next(16);
            return Sentence(topic, tokens);
        }
        TokenSentence[] train = Enumerable.Range(0, 150).Select(i => Make(i % 3)).ToArray();
        TokenSentence[] test = Enumerable.Range(0, 60).Select(i => Make(i % 3)).ToArray();
        using var model = new TokenLstm(seed: 2);

        model.Fit(train, options: new FitOptions { Epochs = 30, BatchSize = 16, Seed = 2, LearningRate = 1e-2 });
        int[] predicted = model.Predict(test);

        double accuracy = predicted.Zip(test, (p, row) => p == row.Topic ? 1.0 : 0.0).Average();
        Assert.True(accuracy >= 0.85, $"accuracy {accuracy:0.00}");
    }
}
