using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Tests.Layers;

/// <summary>
/// [MultiheadAttention] computes what hand-written TorchSharp's <c>nn.MultiheadAttention</c> computes with the same weights
/// (in eval, batch first through transposes): self-attention, cross-attention over another branch's output, and
/// cross-attention inside a block; its parameter count is TorchSharp's.
/// </summary>
public sealed class AttentionParityTests
{
    /// <summary>Token ids as the collated float row carries them.</summary>
    private static Tensor Ids(long vocabulary, params long[] shape) => randint(0, vocabulary, shape).to_type(ScalarType.Float32);

    [Fact]
    public void Self_attention_equals_hand_written_torchsharp_with_the_same_weights()
    {
        using var scope = NewDisposeScope();
        using var generated = new TokenSelfAttention(seed: 3);
        using var hand = new HandSelfAttention();
        Load(hand, generated, ("embed.embedding.", "embedding."), ("attend.attention.", "attend."), ("attendLayerNorm.", "norm."), ("again.attention.", "again."));
        generated.eval();
        hand.eval();
        Tensor ids = Ids(50, 4, 12);

        Assert.Equal(TokenSelfAttention.ParameterCount, hand.parameters().Sum(parameter => parameter.numel()));
        Assert.True(generated.forward(ids).allclose(hand.forward(ids), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Cross_attention_equals_hand_written_torchsharp_reading_the_question_and_the_answer()
    {
        using var scope = NewDisposeScope();
        using var generated = new QuestionOverAnswer(seed: 5);
        using var hand = new HandCrossAttention();
        Load(hand, generated, ("question.embedding.", "question."), ("answer.embedding.", "answer."), ("attend.attention.", "attend."), ("headLinear.", "head."));
        generated.eval();
        hand.eval();
        // The collated row: the question's 7 ids, then the answer's 5.
        Tensor rows = Ids(30, 3, 12);

        Assert.Equal(QuestionOverAnswer.ParameterCount, hand.parameters().Sum(parameter => parameter.numel()));
        // kdim differs from embed_dim: separate q, k and v projections, as PyTorch names them.
        Assert.Contains("attend.attention.k_proj_weight", generated.state_dict().Keys);
        Assert.True(generated.forward(rows).allclose(hand.forward(rows[.., ..7], rows[.., 7..]), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Cross_attention_inside_a_block_reads_the_blocks_input_and_its_projection()
    {
        using var scope = NewDisposeScope();
        using var generated = new TokenBlockAttention(seed: 7);
        using var hand = new HandBlockAttention();
        Load(hand, generated, ("embed.embedding.", "embedding."), ("mix.project.", "project."), ("mix.attend.attention.", "attend."), ("headLinear.", "head."));
        generated.eval();
        hand.eval();
        Tensor ids = Ids(50, 2, 12);

        Assert.Equal(TokenBlockAttention.ParameterCount, hand.parameters().Sum(parameter => parameter.numel()));
        Assert.True(generated.forward(ids).allclose(hand.forward(ids), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Mismatched_sizes_are_refused_before_libtorch_sees_them()
    {
        using var scope = NewDisposeScope();
        using var attention = new MlDsl.Layers.MultiheadAttentionModule(16, 4, keyDim: 12, valueDim: 12);

        Assert.Throws<ArgumentException>(() => attention.forward(randn(2, 7, 16), randn(2, 5, 16)));
        Assert.Throws<ArgumentException>(() => attention.forward(randn(2, 7, 12), randn(2, 5, 12)));
        Assert.Throws<ArgumentException>(() => attention.forward(randn(2, 7, 16), randn(3, 5, 12)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MlDsl.Layers.MultiheadAttentionModule(16, 5));
        Assert.Equal(new long[] { 2, 7, 16 }, attention.forward(randn(2, 7, 16), randn(2, 5, 12)).shape);
    }

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

    /// <summary>nn.MultiheadAttention reads (steps, N, width): batch-first tensors are transposed in and out.</summary>
    private static Tensor Attend(MultiheadAttention attention, Tensor query, Tensor keyValue)
    {
        Tensor keys = keyValue.transpose(0, 1);
        return attention.call(query.transpose(0, 1), keys, keys).Item1.transpose(0, 1);
    }

    private sealed class HandSelfAttention : Module<Tensor, Tensor>
    {
        private readonly Embedding embedding = Embedding(50, 16);
        private readonly MultiheadAttention attend = MultiheadAttention(16, 4, dropout: 0.1), again = MultiheadAttention(16, 2, bias: false);
        private readonly LayerNorm norm = LayerNorm(16);
        private readonly Linear head = Linear(16, 3);

        public HandSelfAttention() : base(nameof(HandSelfAttention)) => RegisterComponents();

        public override Tensor forward(Tensor ids)
        {
            Tensor x = embedding.forward(ids.to_type(ScalarType.Int64));
            x = norm.forward(Attend(attend, x, x));
            x = Attend(again, x, x);
            return head.forward(x[.., -1, ..]);
        }
    }

    private sealed class HandCrossAttention : Module<Tensor, Tensor, Tensor>
    {
        private readonly Embedding question = Embedding(30, 16), answer = Embedding(30, 12);
        private readonly MultiheadAttention attend = MultiheadAttention(16, 4, kdim: 12, vdim: 12);
        private readonly Linear head = Linear(16, 2);

        public HandCrossAttention() : base(nameof(HandCrossAttention)) => RegisterComponents();

        public override Tensor forward(Tensor questionIds, Tensor answerIds)
        {
            Tensor attended = Attend(attend, question.forward(questionIds.to_type(ScalarType.Int64)), answer.forward(answerIds.to_type(ScalarType.Int64)));
            return head.forward(attended[.., 0, ..]);
        }
    }

    private sealed class HandBlockAttention : Module<Tensor, Tensor>
    {
        private readonly Embedding embedding = Embedding(50, 16);
        private readonly Linear project = Linear(16, 8);
        private readonly MultiheadAttention attend = MultiheadAttention(16, 2, kdim: 8, vdim: 8);
        private readonly Linear head = Linear(16, 3);

        public HandBlockAttention() : base(nameof(HandBlockAttention)) => RegisterComponents();

        public override Tensor forward(Tensor ids)
        {
            Tensor x = embedding.forward(ids.to_type(ScalarType.Int64));
            Tensor projected = functional.relu(project.forward(x));
            return head.forward(Attend(attend, x, projected)[.., -1, ..]);
        }
    }
}
