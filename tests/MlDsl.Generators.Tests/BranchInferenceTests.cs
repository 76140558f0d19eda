using MlDsl.Shapes;

namespace MlDsl.Generators.Tests;

/// <summary>Graph inference through branches: each branch from its features, then the join (concatenate along the features, or add).</summary>
public sealed class BranchInferenceTests
{
    private static readonly FeatureSlice Spectrogram = new("Spectrogram", 0, 40 * 101, TensorShape.Of(1, 40, 101));
    private static readonly FeatureSlice Prompt = new("Prompt", 4040, 3, TensorShape.Of(3));
    private static readonly FeatureSlice Duration = new("Duration", 4043, 1, TensorShape.Of(1));

    private static GraphNode Layer(string member, int position, string kind, params (string Name, object Value)[] arguments) =>
        new LayerNode(LayerSpec.Of(member, position, kind, arguments.Select(argument => LayerArgument.Of(argument.Name, argument.Value)).ToArray()));

    private static GraphNode Input(string member, params FeatureSlice[] features) => new InputNode(member, features.ToEquatableArray());

    private static GraphNode Join(string member, JoinKind kind, params string[] sources) => new JoinNode(member, kind, sources.ToEquatableArray());

    [Fact]
    public void A_spectrogram_branch_and_a_metadata_branch_concatenate_to_the_sum_of_their_widths()
    {
        GraphInferenceResult result = GraphInference.Infer(TensorShape.Of(4044), new[]
        {
            Input("audio", Spectrogram), Layer("audio", 0, "Conv2d", ("OutChannels", 8), ("Kernel", 3)), Layer("audio", 1, "GlobalAvgPool2d"),
            Input("meta", Prompt, Duration), Layer("meta", 0, "Linear", ("OutFeatures", 5)),
            Join("join", JoinKind.Concatenate, "audio", "meta"),
            Layer("head", 0, "Linear", ("OutFeatures", 10)),
        }, classes: 10);

        Assert.True(result.Succeeded, string.Join("; ", result.Flat.Problems.Select(problem => problem.Message)));
        Assert.Equal("(4)", result.Nodes.OfType<ResolvedInput>().Last().Output.ToString());
        Assert.Equal("(13)", result.Nodes.OfType<ResolvedJoin>().Single().Output.ToString());
        Assert.Equal("Linear(4, 5)", result.Flat.Layers.Single(layer => layer.Spec.Member == "meta").Factory);
        Assert.Equal("Linear(13, 10)", result.Flat.Layers.Last().Factory);
    }

    [Fact]
    public void Maps_concatenate_along_their_channels_when_height_and_width_agree()
    {
        GraphInferenceResult result = GraphInference.Infer(TensorShape.Of(1), new[]
        {
            Input("left", Spectrogram), Layer("left", 0, "Conv2d", ("OutChannels", 8), ("Kernel", 3), ("Padding", 1)),
            Input("right", Spectrogram), Layer("right", 0, "Conv2d", ("OutChannels", 4), ("Kernel", 1)),
            Join("both", JoinKind.Concatenate, "left", "right"),
        }, classes: null);

        Assert.True(result.Succeeded);
        Assert.Equal("(12, 40, 101)", result.Nodes.OfType<ResolvedJoin>().Single().Output.ToString());
        Assert.Equal(0, result.Nodes.OfType<ResolvedJoin>().Single().Axis);
    }

    [Fact]
    public void Maps_whose_heights_differ_cannot_be_concatenated_and_the_problem_names_both()
    {
        GraphInferenceResult result = GraphInference.Infer(TensorShape.Of(1), new[]
        {
            Input("left", Spectrogram), Layer("left", 0, "Conv2d", ("OutChannels", 8), ("Kernel", 3)),
            Input("right", Spectrogram), Layer("right", 0, "Conv2d", ("OutChannels", 4), ("Kernel", 1)),
            Join("both", JoinKind.Concatenate, "left", "right"),
        }, classes: null);

        JoinProblem problem = Assert.Single(result.JoinProblems);
        Assert.Contains("'left' (8, 38, 99) and 'right' (4, 40, 101)", problem.Message);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Adding_needs_equal_shapes_and_keeps_the_shape()
    {
        GraphNode[] nodes =
        {
            Input("a", Prompt), Layer("a", 0, "Linear", ("OutFeatures", 6)),
            Input("b", Duration), Layer("b", 0, "Linear", ("OutFeatures", 6)),
            Join("sum", JoinKind.Add, "a", "b"),
        };
        GraphInferenceResult equal = GraphInference.Infer(TensorShape.Of(4044), nodes, classes: 6);
        nodes[3] = Layer("b", 0, "Linear", ("OutFeatures", 7));
        GraphInferenceResult unequal = GraphInference.Infer(TensorShape.Of(4044), nodes, classes: 6);

        Assert.True(equal.Succeeded);
        Assert.Equal("(6)", equal.Nodes.Last().Output.ToString());
        Assert.Contains("'a' (6) and 'b' (7)", Assert.Single(unequal.JoinProblems).Message);
    }

    [Fact]
    public void Sequences_concatenate_along_their_features()
    {
        GraphInferenceResult result = GraphInference.Infer(TensorShape.Tokens(12, 100), new[]
        {
            Layer("embed", 0, "Embedding", ("NumEmbeddings", 100), ("EmbeddingDim", 16)),
            Layer("lstm", 0, "Lstm", ("HiddenSize", 8), ("ReturnSequences", true)),
            Join("both", JoinKind.Concatenate, "embed", "lstm"),
        }, classes: null);

        Assert.True(result.Succeeded, string.Join("; ", result.Flat.Problems.Select(problem => problem.Message)));
        Assert.Equal("(12, 24)", result.Nodes.OfType<ResolvedJoin>().Single().Output.ToString());
        Assert.True(result.Nodes.OfType<ResolvedJoin>().Single().Output.IsSequence);
    }
}
