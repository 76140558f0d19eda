using MlDsl.Shapes;

namespace MlDsl.Generators.Tests;

/// <summary>
/// Graph inference through parallel paths ([From]): a path's layers are inferred from the output of the member it reads
/// (a block's input, or an earlier member of a model), not from the member before it, and the join checks every path.
/// </summary>
public sealed class PathInferenceTests
{
    private static GraphNode Layer(string member, int position, string kind, params (string Name, object Value)[] arguments) =>
        new LayerNode(LayerSpec.Of(member, position, kind, arguments.Select(argument => LayerArgument.Of(argument.Name, argument.Value)).ToArray()));

    private static GraphNode From(string member, string source) => new FromNode(member, source);

    private static GraphNode Concatenate(string member, params string[] sources) => new JoinNode(member, JoinKind.Concatenate, sources.ToEquatableArray());

    private static BlockNode Block(string member, params GraphNode[] body) =>
        new(member, member, "global::Samples.InceptionBlock", "InceptionBlock", body.ToEquatableArray(), ShortcutMode.None);

    [Fact]
    public void Each_path_of_an_inception_block_reads_the_blocks_input_and_the_join_adds_their_channels()
    {
        GraphInferenceResult result = GraphInference.Infer(TensorShape.Of(1, 28, 28), new GraphNode[]
        {
            Layer("stem", 0, "Conv2d", ("OutChannels", 8), ("Kernel", 3), ("Padding", 1)),
            Block("mixed",
                Layer("mixed.p1", 0, "Conv2d", ("OutChannels", 4), ("Kernel", 1)),
                From("mixed.p2", "mixed.input"), Layer("mixed.p2", 0, "Conv2d", ("OutChannels", 2), ("Kernel", 1)),
                Layer("mixed.p2b", 0, "Conv2d", ("OutChannels", 6), ("Kernel", 3), ("Padding", 1)),
                From("mixed.p3", "mixed.input"), Layer("mixed.p3", 0, "MaxPool2d", ("Kernel", 3), ("Stride", 1), ("Padding", 1)),
                Concatenate("mixed.merge", "mixed.p1", "mixed.p2b", "mixed.p3")),
        }, classes: null);

        Assert.True(result.Succeeded, string.Join("; ", result.Flat.Problems.Select(problem => problem.Message).Concat(result.JoinProblems.Select(problem => problem.Message))));
        var layers = result.Flat.Layers.ToDictionary(layer => layer.Spec.Member);
        // p2 reads the block's input (8 channels), not p1's output (4); p2b continues p2's path (2 channels).
        Assert.Equal("(8, 28, 28)", layers["mixed.p2"].Input.ToString());
        Assert.StartsWith("Conv2d(8, 2,", layers["mixed.p2"].Factory);
        Assert.StartsWith("Conv2d(2, 6,", layers["mixed.p2b"].Factory);
        Assert.Equal("(8, 28, 28)", layers["mixed.p3"].Output.ToString());
        // 4 + 6 + 8 channels.
        Assert.Equal("(18, 28, 28)", result.Nodes.OfType<ResolvedBlock>().Single().Output.ToString());
        Assert.Equal(2, result.Nodes.OfType<ResolvedBlock>().Single().Children.OfType<ResolvedFrom>().Count());
    }

    [Fact]
    public void A_fork_in_a_model_reads_the_named_members_output()
    {
        GraphInferenceResult result = GraphInference.Infer(TensorShape.Of(6), new[]
        {
            Layer("stem", 0, "Linear", ("OutFeatures", 8)),
            Layer("deep", 0, "Linear", ("OutFeatures", 3)),
            From("wide", "stem"), Layer("wide", 0, "Linear", ("OutFeatures", 5)),
            Concatenate("both", "deep", "wide"),
            Layer("head", 0, "Linear", ("OutFeatures", 2)),
        }, classes: 2);

        Assert.True(result.Succeeded);
        Assert.Equal("Linear(8, 5)", result.Flat.Layers.Single(layer => layer.Spec.Member == "wide").Factory);
        Assert.Equal("(8)", result.Nodes.OfType<ResolvedFrom>().Single().Output.ToString());
        Assert.Equal("Linear(8, 2)", result.Flat.Layers.Last().Factory);
    }

    [Fact]
    public void Paths_whose_sizes_differ_cannot_be_concatenated_and_the_problem_names_each_path_and_shape()
    {
        GraphInferenceResult result = GraphInference.Infer(TensorShape.Of(3, 16, 16), new GraphNode[]
        {
            Block("mixed",
                Layer("mixed.p1", 0, "Conv2d", ("OutChannels", 4), ("Kernel", 1)),
                From("mixed.p2", "mixed.input"), Layer("mixed.p2", 0, "Conv2d", ("OutChannels", 4), ("Kernel", 3)),
                Concatenate("mixed.merge", "mixed.p1", "mixed.p2")),
        }, classes: null);

        JoinProblem problem = Assert.Single(result.JoinProblems);
        Assert.Contains("Concatenate 'mixed.merge' concatenates 'mixed.p1' (4, 16, 16) and 'mixed.p2' (4, 14, 14)", problem.Message);
        Assert.False(result.Succeeded);
    }
}
