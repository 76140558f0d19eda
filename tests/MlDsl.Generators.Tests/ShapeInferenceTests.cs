using MlDsl.Shapes;

namespace MlDsl.Generators.Tests;

public sealed class ShapeInferenceTests
{
    private static LayerArgument Arg(string name, object value) => LayerArgument.Of(name, value);

    private static InferenceResult Infer(TensorShape input, int? classes, params LayerSpec[] layers) =>
        ShapeInference.Infer(input, layers, classes);

    [Fact]
    public void Keras_mnist_cnn_infers_every_shape_and_keras_parameter_count()
    {
        InferenceResult result = Infer(TensorShape.Of(1, 28, 28), 10,
            LayerSpec.Of("conv1", 0, "Conv2d", Arg("OutChannels", 32), Arg("Kernel", 3)),
            LayerSpec.Of("conv1", 1, "Relu"),
            LayerSpec.Of("conv2", 0, "Conv2d", Arg("OutChannels", 64), Arg("Kernel", 3)),
            LayerSpec.Of("pool", 0, "MaxPool2d", Arg("Kernel", 2)),
            LayerSpec.Of("pool", 1, "Flatten"),
            LayerSpec.Of("fc1", 0, "Linear", Arg("OutFeatures", 128)),
            LayerSpec.Of("fc2", 0, "Linear", Arg("OutFeatures", 10)));

        Assert.True(result.Succeeded);
        Assert.Equal(new[] { "(32, 26, 26)", "(32, 26, 26)", "(64, 24, 24)", "(64, 12, 12)", "(9216)", "(128)", "(10)" },
            result.Layers.Select(layer => layer.Output.ToString()));
        Assert.Equal(1_199_882, result.Layers.Sum(layer => layer.Parameters));
        Assert.Equal("Linear(9216, 128)", result.Layers[5].Factory);
    }

    [Theory]
    [InlineData(28, 3, 1, 0, 26)]
    [InlineData(28, 3, 1, 1, 28)]
    [InlineData(28, 3, 2, 0, 13)]
    [InlineData(28, 5, 2, 2, 14)]
    [InlineData(7, 7, 1, 0, 1)]
    public void Conv2d_follows_pytorch_output_size_formula(int size, int kernel, int stride, int padding, int expected)
    {
        InferenceResult result = Infer(TensorShape.Of(3, size, size), null,
            LayerSpec.Of("conv", 0, "Conv2d", Arg("OutChannels", 4), Arg("Kernel", kernel), Arg("Stride", stride), Arg("Padding", padding)));

        Assert.Equal(TensorShape.Of(4, expected, expected), result.Output);
        Assert.Equal(3L * 4 * kernel * kernel + 4, result.Layers[0].Parameters);
    }

    [Fact]
    public void Pooling_floors_odd_sizes_like_pytorch()
    {
        InferenceResult result = Infer(TensorShape.Of(2, 7, 9), null, LayerSpec.Of("pool", 0, "MaxPool2d", Arg("Kernel", 2)));

        Assert.Equal(TensorShape.Of(2, 3, 4), result.Output);
    }

    [Fact]
    public void Batch_norm_counts_weight_and_bias_per_channel()
    {
        InferenceResult result = Infer(TensorShape.Of(16, 8, 8), null, LayerSpec.Of("bn", 0, "BatchNorm2d"));

        Assert.Equal(32, result.Layers[0].Parameters);
    }

    [Fact]
    public void Inference_stops_where_the_shape_is_no_longer_known_and_keeps_the_layers_before_it()
    {
        InferenceResult result = Infer(TensorShape.Of(1, 4, 4), null,
            LayerSpec.Of("conv", 0, "Conv2d", Arg("OutChannels", 2), Arg("Kernel", 3)),
            LayerSpec.Of("conv2", 0, "Conv2d", Arg("OutChannels", 2), Arg("Kernel", 3)),
            LayerSpec.Of("head", 0, "Linear", Arg("OutFeatures", 2)));

        Assert.Equal(ShapeProblemKind.SpatialCollapse, result.Problem!.Kind);
        Assert.Equal("conv2", result.Problem.Layer.Member);
        Assert.Single(result.Layers);
    }

    [Fact]
    public void Inference_goes_on_after_a_declared_size_mismatch_so_a_second_mistake_is_reported_too()
    {
        InferenceResult result = Infer(TensorShape.Of(1, 8, 8), 3,
            LayerSpec.Of("conv", 0, "Conv2d", Arg("OutChannels", 4), Arg("Kernel", 3), Arg("InChannels", 3)),
            LayerSpec.Of("conv", 1, "Flatten"),
            LayerSpec.Of("head", 0, "Linear", Arg("OutFeatures", 2), Arg("InFeatures", 100)));

        Assert.Equal(new[] { ShapeProblemKind.InputSizeMismatch, ShapeProblemKind.InputSizeMismatch, ShapeProblemKind.OutputClassMismatch },
            result.Problems.Select(problem => problem.Kind));
        Assert.Equal(new[] { "InChannels", "InFeatures" }, result.Problems.Take(2).Select(problem => problem.Argument));
        Assert.Equal(new int?[] { 1, 144 }, result.Problems.Take(2).Select(problem => problem.Expected));
        Assert.Equal(TensorShape.Of(2), result.Output);
    }

    [Fact]
    public void Batch_norm_checks_a_declared_channel_count()
    {
        InferenceResult result = Infer(TensorShape.Of(16, 8, 8), null, LayerSpec.Of("bn", 0, "BatchNorm2d", Arg("NumFeatures", 8)));

        Assert.Equal(ShapeProblemKind.InputSizeMismatch, result.Problem!.Kind);
        Assert.Equal("NumFeatures", result.Problem.Argument);
        Assert.Contains("declares 8 channels but receives (16, 8, 8), which has 16", result.Problem.Message);
    }

    [Fact]
    public void Mel_band_limits_outside_the_nyquist_range_are_an_invalid_argument()
    {
        InferenceResult result = Infer(TensorShape.Of(8000), null,
            LayerSpec.Of("mel", 0, "MelSpectrogram", Arg("SampleRate", 8000), Arg("MinHz", 3000.0), Arg("MaxHz", 5000.0)));

        Assert.Equal(ShapeProblemKind.InvalidArgument, result.Problem!.Kind);
        Assert.Contains("MaxHz <= SampleRate / 2 = 4000", result.Problem.Message);
    }
}
