using MlDsl.Shapes;

namespace MlDsl.Generators.Tests;

/// <summary>
/// <c>Bias = false</c> on Conv1d, Conv2d and Linear (parameter count, TorchSharp factory, ONNX call), and a
/// (steps, features) sequence refused by the layers that read PyTorch's (channels, length).
/// </summary>
public sealed class BiasAndSequenceShapeTests
{
    private static LayerArgument Arg(string name, object value) => LayerArgument.Of(name, value);

    private static InferenceResult Infer(TensorShape input, params LayerSpec[] layers) => ShapeInference.Infer(input, layers, null);

    [Fact]
    public void Conv2d_without_bias_counts_only_its_weights_and_emits_bias_false()
    {
        InferenceResult result = Infer(TensorShape.Of(3, 32, 32),
            LayerSpec.Of("conv", 0, "Conv2d", Arg("OutChannels", 64), Arg("Kernel", 7), Arg("Stride", 2), Arg("Padding", 3), Arg("Bias", false)));

        Assert.True(result.Succeeded, result.Problem?.Message);
        // torchvision's resnet18 conv1: 3*64*7*7 = 9,408 parameters, no bias.
        Assert.Equal(9_408, result.Layers[0].Parameters);
        Assert.Equal("Conv2d(3, 64, kernel_size: 7, stride: 2, padding: 3, bias: false)", result.Layers[0].Factory);
        Assert.EndsWith(", bias: false)", LayerCatalogue.Find("Conv2d").Onnx(result.Layers[0]));
    }

    [Fact]
    public void Conv1d_and_linear_without_bias_count_only_their_weights()
    {
        InferenceResult result = Infer(TensorShape.Of(9, 128),
            LayerSpec.Of("conv", 0, "Conv1d", Arg("OutChannels", 32), Arg("Kernel", 5), Arg("Bias", false)),
            LayerSpec.Of("pool", 0, "GlobalAvgPool1d"),
            LayerSpec.Of("fc", 0, "Linear", Arg("OutFeatures", 6), Arg("Bias", false)));

        Assert.True(result.Succeeded, result.Problem?.Message);
        Assert.Equal(9 * 32 * 5, result.Layers[0].Parameters);
        Assert.Equal("Conv1d(9, 32, kernel_size: 5, bias: false)", result.Layers[0].Factory);
        Assert.Equal(32 * 6, result.Layers[2].Parameters);
        Assert.Equal("Linear(32, 6, hasBias: false)", result.Layers[2].Factory);
        Assert.Equal("Gemm(x, fc, bias: false)", LayerCatalogue.Find("Linear").Onnx(result.Layers[2]));
    }

    [Fact]
    public void Bias_true_written_out_is_the_default()
    {
        InferenceResult written = Infer(TensorShape.Of(30), LayerSpec.Of("fc", 0, "Linear", Arg("OutFeatures", 2), Arg("Bias", true)));
        InferenceResult plain = Infer(TensorShape.Of(30), LayerSpec.Of("fc", 0, "Linear", Arg("OutFeatures", 2)));

        Assert.Equal(62, written.Layers[0].Parameters);
        Assert.Equal("Linear(30, 2)", written.Layers[0].Factory);
        Assert.Equal(plain.Layers[0].Factory, written.Layers[0].Factory);
    }

    [Theory]
    [InlineData("Conv1d")]
    [InlineData("MaxPool1d")]
    [InlineData("AvgPool1d")]
    [InlineData("AdaptiveAvgPool1d")]
    [InlineData("GlobalAvgPool1d")]
    [InlineData("BatchNorm1d")]
    public void A_sequence_into_a_layer_reading_channels_by_length_is_refused_with_the_permute(string kind)
    {
        InferenceResult result = Infer(TensorShape.Tokens(50, 5000),
            LayerSpec.Of("embedding", 0, "Embedding", Arg("NumEmbeddings", 5000), Arg("EmbeddingDim", 300)),
            LayerSpec.Of("layer", 0, kind, Arg("OutChannels", 100)));

        Assert.False(result.Succeeded);
        Assert.Equal(ShapeProblemKind.RankMismatch, result.Problem!.Kind);
        Assert.Contains("(50, 300)", result.Problem.Message);
        Assert.Contains("[Permute(1, 0)]", result.Problem.Message);
    }

    [Theory]
    [InlineData("Conv1d")]
    [InlineData("MaxPool1d")]
    [InlineData("GlobalAvgPool1d")]
    [InlineData("BatchNorm1d")]
    public void The_same_layer_after_a_permute_reads_the_features_as_channels(string kind)
    {
        InferenceResult result = Infer(TensorShape.Tokens(50, 5000),
            LayerSpec.Of("embedding", 0, "Embedding", Arg("NumEmbeddings", 5000), Arg("EmbeddingDim", 300)),
            LayerSpec.Of("embedding", 1, "Permute", Arg("Dims", new[] { 1, 0 })),
            LayerSpec.Of("layer", 0, kind, Arg("OutChannels", 100)));

        Assert.True(result.Succeeded, result.Problem?.Message);
        Assert.Equal(300, result.Layers[2].Input[0]);
    }

    [Fact]
    public void A_linear_projection_of_a_sequence_is_still_a_sequence_for_batch_norm()
    {
        InferenceResult result = Infer(TensorShape.Tokens(50, 5000),
            LayerSpec.Of("embedding", 0, "Embedding", Arg("NumEmbeddings", 5000), Arg("EmbeddingDim", 64)),
            LayerSpec.Of("proj", 0, "Linear", Arg("OutFeatures", 64)),
            LayerSpec.Of("proj", 1, "BatchNorm1d"));

        Assert.Equal(ShapeProblemKind.RankMismatch, result.Problem!.Kind);
        Assert.Contains("LayerNorm", result.Problem.Message);
        Assert.Contains("50 steps", result.Problem.Message);
    }

    [Fact]
    public void A_two_dimensional_feature_is_a_signal_not_a_sequence()
    {
        InferenceResult result = Infer(TensorShape.Of(40, 101),
            LayerSpec.Of("conv", 0, "Conv1d", Arg("OutChannels", 64), Arg("Kernel", 3)),
            LayerSpec.Of("conv", 1, "BatchNorm1d"),
            LayerSpec.Of("conv", 2, "MaxPool1d", Arg("Kernel", 2)));

        Assert.True(result.Succeeded, result.Problem?.Message);
    }
}
