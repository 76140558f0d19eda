using MlDsl.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Tests.Layers;

/// <summary>
/// The runtime modules behind [Embedding], [Lstm], [Gru], [TransformerEncoder] and [PositionalEncoding]
/// compute what hand-written TorchSharp computes with the same weights: each generated model's
/// state_dict is loaded into a hand-written module and both are run on the same batch.
/// </summary>
public sealed class SequenceWrapperTests
{
    [Fact]
    public void A_generated_bidirectional_gru_equals_hand_written_torchsharp_reading_the_final_state_of_both_directions()
    {
        using var scope = NewDisposeScope();
        using var generated = new FrameGru(seed: 3);
        using var handWritten = new HandWrittenGru();
        Load(handWritten, generated, ("gru.gru.", "gru."));
        generated.eval();
        handWritten.eval();
        Tensor batch = randn(4, 10, 6);

        Assert.True(generated.forward(batch).allclose(handWritten.forward(batch), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void A_generated_embedding_lstm_equals_hand_written_torchsharp_with_the_same_weights()
    {
        using var scope = NewDisposeScope();
        using var generated = new TokenLstm(seed: 5);
        using var handWritten = new HandWrittenTokenLstm();
        Load(handWritten, generated, ("embed.embedding.", "embedding."), ("lstm.lstm.", "lstm."));
        generated.eval();
        handWritten.eval();
        Tensor ids = randint(0, 50, new long[] { 4, 12 });

        Assert.True(generated.forward(ids.to_type(ScalarType.Float32)).allclose(handWritten.forward(ids), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void A_generated_transformer_equals_hand_written_torchsharp_with_the_paper_positional_table()
    {
        using var scope = NewDisposeScope();
        using var generated = new TokenTransformer(seed: 7);
        using var handWritten = new HandWrittenTokenTransformer();
        Load(handWritten, generated, ("embed.embedding.", "embedding."), ("encoder.encoder.", "encoder."));
        generated.eval();
        handWritten.eval();
        Tensor ids = randint(0, 60, new long[] { 3, 12 });

        Assert.True(generated.forward(ids.to_type(ScalarType.Float32)).allclose(handWritten.forward(ids), rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void The_positional_table_is_not_saved_with_the_weights()
    {
        using var model = new TokenTransformer(seed: 1);

        Assert.DoesNotContain(model.state_dict().Keys, key => key.StartsWith("embedEmbedding", StringComparison.Ordinal) || key.Contains("table"));
    }

    [Fact]
    public void The_embedding_module_refuses_an_id_outside_its_table_before_libtorch_sees_it()
    {
        using var scope = NewDisposeScope();
        using var embedding = new EmbeddingModule(10, 4);

        var problem = Assert.Throws<ArgumentOutOfRangeException>(() => embedding.forward(tensor(new float[] { 1, 10 }).reshape(1, 2)));
        Assert.Contains("token id 10", problem.Message);
        Assert.Contains("[0, 9]", problem.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => embedding.forward(tensor(new float[] { -1, 3 }).reshape(1, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => embedding.forward(tensor(new float[] { 1.5f, 3 }).reshape(1, 2)));
        Assert.Equal(new long[] { 1, 2, 4 }, embedding.forward(tensor(new float[] { 0, 9 }).reshape(1, 2)).shape);
    }

    [Fact]
    public void A_recurrent_layer_on_an_empty_batch_gives_an_empty_batch()
    {
        using var scope = NewDisposeScope();
        using var lstm = new LstmModule(6, 5, bidirectional: true);

        Assert.Equal(new long[] { 0, 10 }, lstm.forward(zeros(0, 7, 6)).shape);
    }

    /// <summary>Copies the generated model's weights into the hand-written one, renaming keys by prefix.</summary>
    private static void Load(Module handWritten, Module generated, params (string From, string To)[] renames)
    {
        var weights = new Dictionary<string, Tensor>();
        foreach ((string key, Tensor value) in generated.state_dict())
        {
            string renamed = key;
            foreach ((string from, string to) in renames)
                if (key.StartsWith(from, StringComparison.Ordinal)) renamed = to + key[from.Length..];
            weights[renamed] = value;
        }
        (IList<string> missing, IList<string> unexpected) = handWritten.load_state_dict(weights, strict: true);
        Assert.Empty(missing);
        Assert.Empty(unexpected);
    }

    /// <summary>The paper's table, computed in doubles with loops: PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(...).</summary>
    private static Tensor PaperTable(int steps, int width)
    {
        float[] table = new float[steps * width];
        for (int p = 0; p < steps; p++)
            for (int i = 0; i < width; i++)
            {
                double angle = p / Math.Pow(10000, (i - i % 2) / (double)width);
                table[p * width + i] = (float)(i % 2 == 0 ? Math.Sin(angle) : Math.Cos(angle));
            }
        return tensor(table, new long[] { 1, steps, width });
    }

    private sealed class HandWrittenGru : Module<Tensor, Tensor>
    {
        private readonly GRU gru = GRU(6, 8, batchFirst: true, bidirectional: true);
        private readonly Linear head = Linear(16, 3);

        public HandWrittenGru() : base(nameof(HandWrittenGru)) => RegisterComponents();

        public override Tensor forward(Tensor input)
        {
            (Tensor output, Tensor _) = gru.forward(input);
            // Forward direction after the last step, backward direction after the first.
            Tensor forwardFinal = output[.., -1, ..8];
            Tensor backwardFinal = output[.., 0, 8..];
            return head.forward(cat(new[] { forwardFinal, backwardFinal }, 1));
        }
    }

    private sealed class HandWrittenTokenLstm : Module<Tensor, Tensor>
    {
        private readonly Embedding embedding = Embedding(50, 8, padding_idx: 0);
        private readonly LSTM lstm = LSTM(8, 16, 2, batchFirst: true, dropout: 0.2, bidirectional: true);
        private readonly Linear perStep = Linear(32, 12);
        private readonly Linear head = Linear(12, 3);

        public HandWrittenTokenLstm() : base(nameof(HandWrittenTokenLstm)) => RegisterComponents();

        public override Tensor forward(Tensor ids)
        {
            (Tensor output, _, _) = lstm.forward(embedding.forward(ids));
            Tensor first = functional.relu(perStep.forward(output))[.., 0, ..];
            return head.forward(first);
        }
    }

    private sealed class HandWrittenTokenTransformer : Module<Tensor, Tensor>
    {
        private readonly Embedding embedding = Embedding(60, 16);
        private readonly TransformerEncoder encoder = TransformerEncoder(TransformerEncoderLayer(16, 4, 32, 0.1), 2);
        private readonly Linear head = Linear(16, 3);

        public HandWrittenTokenTransformer() : base(nameof(HandWrittenTokenTransformer)) => RegisterComponents();

        public override Tensor forward(Tensor ids)
        {
            Tensor embedded = embedding.forward(ids) + PaperTable(12, 16);
            Tensor encoded = encoder.call(embedded.transpose(0, 1)).transpose(0, 1);
            return head.forward(encoded[.., -1, ..]);
        }
    }
}
