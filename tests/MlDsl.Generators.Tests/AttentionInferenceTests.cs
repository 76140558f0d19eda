using MlDsl.Shapes;

namespace MlDsl.Generators.Tests;

/// <summary>
/// MultiheadAttention's shape rule and parameter count (PyTorch's nn.MultiheadAttention, batch first): self-attention over
/// the input, cross-attention over the output of the member its KeyValue names, and each width that does not fit.
/// </summary>
public sealed class AttentionInferenceTests
{
    private static GraphNode Layer(string member, int position, string kind, params (string Name, object Value)[] arguments) =>
        new LayerNode(LayerSpec.Of(member, position, kind, arguments.Select(argument => LayerArgument.Of(argument.Name, argument.Value)).ToArray()));

    private static GraphInferenceResult Infer(TensorShape input, params GraphNode[] nodes) => GraphInference.Infer(input, nodes, classes: null);

    /// <summary>A question (7 steps of 16) and an answer (its 7 steps projected to <paramref name="answerWidth"/>), then attention from one to the other.</summary>
    private static GraphInferenceResult Cross(int answerWidth, params (string Name, object Value)[] attention) => Infer(TensorShape.Sequence(7, 16),
        Layer("question", 0, "Linear", ("OutFeatures", 16)),
        Layer("answer", 0, "Linear", ("OutFeatures", answerWidth)),
        new FromNode("attend", "question"),
        Layer("attend", 0, "MultiheadAttention", new[] { ("EmbedDim", (object)16), ("Heads", 4), ("KeyValue", "answer") }.Concat(attention).ToArray()));

    private static ResolvedLayer Attention(GraphInferenceResult result) => result.Flat.Layers.Single(layer => layer.Spec.Kind == "MultiheadAttention");

    [Fact]
    public void Self_attention_keeps_the_sequence_and_counts_pytorchs_packed_projections()
    {
        GraphInferenceResult result = Infer(TensorShape.Sequence(12, 16), Layer("attend", 0, "MultiheadAttention", ("EmbedDim", 16), ("Heads", 4)));

        Assert.True(result.Succeeded, result.Flat.Problem?.Message);
        ResolvedLayer layer = Attention(result);
        Assert.True(layer.Output.IsSequence);
        Assert.Equal("(12, 16)", layer.Output.ToString());
        // in_proj_weight 3·16·16, in_proj_bias 3·16, out_proj 16·16 + 16.
        Assert.Equal(4L * 16 * 16 + 4 * 16, layer.Parameters);
        Assert.Equal("new global::MlDsl.Layers.MultiheadAttentionModule(16, 4)", layer.Factory);
    }

    [Fact]
    public void Without_biases_only_the_four_projection_matrices_count()
    {
        GraphInferenceResult result = Infer(TensorShape.Sequence(12, 16),
            Layer("attend", 0, "MultiheadAttention", ("EmbedDim", 16), ("Heads", 2), ("Bias", false), ("Dropout", 0.1)));

        Assert.Equal(4L * 16 * 16, Attention(result).Parameters);
        Assert.Equal("new global::MlDsl.Layers.MultiheadAttentionModule(16, 2, dropout: 0.1, bias: false)", Attention(result).Factory);
    }

    [Fact]
    public void Cross_attention_reads_the_named_members_keys_and_keeps_the_query_steps()
    {
        GraphInferenceResult result = Cross(12, ("KeyDim", 12), ("ValueDim", 12));

        Assert.True(result.Succeeded, result.Flat.Problem?.Message);
        ResolvedLayer layer = Attention(result);
        Assert.Equal("(7, 16)", layer.Input.ToString());
        Assert.Equal("(7, 16)", layer.Output.ToString());
        // q_proj 16·16, k_proj 16·12, v_proj 16·12, in_proj_bias 3·16, out_proj 16·16 + 16.
        Assert.Equal(16L * (16 + 12 + 12) + 16 * 16 + 4 * 16, layer.Parameters);
        Assert.Equal("new global::MlDsl.Layers.MultiheadAttentionModule(16, 4, keyDim: 12, valueDim: 12)", layer.Factory);
    }

    [Fact]
    public void Keys_of_another_width_with_kdim_left_at_the_embedding_width_are_a_branch_mismatch_naming_both()
    {
        ShapeProblem problem = Assert.Single(Cross(12).Flat.Problems);

        Assert.Equal(ShapeProblemKind.BranchMismatch, problem.Kind);
        Assert.Contains("from a sequence (7, 16) (steps, features) over keys and values from 'answer', a sequence (7, 12) (steps, features)", problem.Message);
        Assert.Contains("defaults to the embedding width 16, not 12; declare KeyDim = 12 and ValueDim = 12", problem.Message);
    }

    [Fact]
    public void A_declared_key_width_that_is_not_the_keys_is_a_size_mismatch_the_fix_can_rewrite()
    {
        ShapeProblem problem = Assert.Single(Cross(12, ("KeyDim", 8), ("ValueDim", 12)).Flat.Problems);

        Assert.Equal((ShapeProblemKind.InputSizeMismatch, 12, "KeyDim"), (problem.Kind, problem.Expected, problem.Argument));
    }

    [Fact]
    public void A_declared_key_width_without_the_value_width_is_reported_for_the_value()
    {
        ShapeProblem problem = Assert.Single(Cross(12, ("KeyDim", 12)).Flat.Problems);

        Assert.Equal(ShapeProblemKind.BranchMismatch, problem.Kind);
        Assert.Contains("value width (ValueDim, PyTorch's vdim) defaults to the embedding width 16, not 12; declare ValueDim = 12,", problem.Message);
    }

    [Fact]
    public void An_embedding_width_that_is_not_the_querys_is_a_size_mismatch_and_inference_goes_on()
    {
        GraphInferenceResult result = Infer(TensorShape.Sequence(12, 16), Layer("attend", 0, "MultiheadAttention", ("EmbedDim", 32), ("Heads", 4)),
            Layer("head", 0, "Linear", ("OutFeatures", 2)));

        ShapeProblem problem = Assert.Single(result.Flat.Problems);
        Assert.Equal((ShapeProblemKind.InputSizeMismatch, 16, "EmbedDim"), (problem.Kind, problem.Expected, problem.Argument));
        Assert.Equal("Linear(32, 2)", result.Flat.Layers.Last().Factory);
    }

    [Fact]
    public void Heads_that_do_not_divide_the_width_and_a_key_without_steps_are_refused()
    {
        ShapeProblem heads = Assert.Single(Infer(TensorShape.Sequence(12, 30), Layer("attend", 0, "MultiheadAttention", ("EmbedDim", 30), ("Heads", 4))).Flat.Problems);
        ShapeProblem flatKeys = Assert.Single(Infer(TensorShape.Sequence(7, 16),
            Layer("question", 0, "Linear", ("OutFeatures", 16)),
            Layer("answer", 0, "SelectStep", ("Step", -1)),
            new FromNode("attend", "question"),
            Layer("attend", 0, "MultiheadAttention", ("EmbedDim", 16), ("Heads", 4), ("KeyValue", "answer"))).Flat.Problems);

        Assert.Equal(ShapeProblemKind.InvalidArgument, heads.Kind);
        Assert.Contains("30 is not divisible by 4", heads.Message);
        Assert.Equal(ShapeProblemKind.RankMismatch, flatKeys.Kind);
        Assert.Contains("from 'answer', which gives (16), a rank-1 tensor", flatKeys.Message);
    }
}
