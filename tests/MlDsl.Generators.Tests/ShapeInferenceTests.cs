using MlDsl.Shapes;

namespace MlDsl.Generators.Tests;

public sealed class ShapeInferenceTests
{
    private static InferenceResult Infer(TensorShape input, int? classes, params LayerSpec[] layers) =>
        ShapeInference.Infer(input, layers, classes);

    [Fact]
    public void Keras_mnist_cnn_infers_every_shape_and_keras_parameter_count()
    {
        InferenceResult result = Infer(TensorShape.Of(1, 28, 28), 10,
            new LayerSpec("conv1", 0, LayerKind.Conv2d, Size: 32, Kernel: 3),
            new LayerSpec("conv1", 1, LayerKind.Relu),
            new LayerSpec("conv2", 0, LayerKind.Conv2d, Size: 64, Kernel: 3),
            new LayerSpec("pool", 0, LayerKind.MaxPool2d, Kernel: 2),
            new LayerSpec("pool", 1, LayerKind.Flatten),
            new LayerSpec("fc1", 0, LayerKind.Linear, Size: 128),
            new LayerSpec("fc2", 0, LayerKind.Linear, Size: 10));

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
            new LayerSpec("conv", 0, LayerKind.Conv2d, Size: 4, Kernel: kernel, Stride: stride, Padding: padding));

        Assert.Equal(TensorShape.Of(4, expected, expected), result.Output);
        Assert.Equal(3L * 4 * kernel * kernel + 4, result.Layers[0].Parameters);
    }

    [Fact]
    public void Pooling_floors_odd_sizes_like_pytorch()
    {
        InferenceResult result = Infer(TensorShape.Of(2, 7, 9), null, new LayerSpec("pool", 0, LayerKind.MaxPool2d, Kernel: 2));

        Assert.Equal(TensorShape.Of(2, 3, 4), result.Output);
    }

    [Fact]
    public void Batch_norm_counts_weight_and_bias_per_channel()
    {
        InferenceResult result = Infer(TensorShape.Of(16, 8, 8), null, new LayerSpec("bn", 0, LayerKind.BatchNorm2d));

        Assert.Equal(32, result.Layers[0].Parameters);
    }

    [Fact]
    public void Inference_stops_at_the_first_problem_and_keeps_the_layers_before_it()
    {
        InferenceResult result = Infer(TensorShape.Of(1, 4, 4), null,
            new LayerSpec("conv", 0, LayerKind.Conv2d, Size: 2, Kernel: 3),
            new LayerSpec("conv2", 0, LayerKind.Conv2d, Size: 2, Kernel: 3),
            new LayerSpec("head", 0, LayerKind.Linear, Size: 2));

        Assert.Equal(ShapeProblemKind.SpatialCollapse, result.Problem!.Kind);
        Assert.Equal("conv2", result.Problem.Layer.Member);
        Assert.Single(result.Layers);
    }
}
