using MlDsl.Shapes;

namespace MlDsl.Generators.Tests;

/// <summary>Shape rules, parameter counts and factories of the 1-D and normalisation layers.</summary>
public sealed class OneDimensionalShapeTests
{
    private static LayerArgument Arg(string name, object value) => LayerArgument.Of(name, value);

    private static InferenceResult Infer(TensorShape input, int? classes, params LayerSpec[] layers) => ShapeInference.Infer(input, layers, classes);

    // PyTorch's speech-command tutorial M5 on 8000 samples with 35 classes prints "Number of parameters: 26915".
    [Fact]
    public void The_m5_raw_waveform_network_has_pytorchs_shapes_and_parameter_count()
    {
        var layers = new List<LayerSpec> { LayerSpec.Of("conv1", 0, "Conv1d", Arg("OutChannels", 32), Arg("Kernel", 80), Arg("Stride", 16)) };
        int[] widths = { 32, 32, 64, 64 };
        for (int block = 1; block <= 4; block++)
        {
            if (block > 1) layers.Add(LayerSpec.Of($"conv{block}", 0, "Conv1d", Arg("OutChannels", widths[block - 1]), Arg("Kernel", 3)));
            layers.Add(LayerSpec.Of($"conv{block}", 1, "BatchNorm1d"));
            layers.Add(LayerSpec.Of($"conv{block}", 2, "Relu"));
            layers.Add(LayerSpec.Of($"pool{block}", 0, "MaxPool1d", Arg("Kernel", 4)));
        }
        layers.Add(LayerSpec.Of("gap", 0, "GlobalAvgPool1d"));
        layers.Add(LayerSpec.Of("fc1", 0, "Linear", Arg("OutFeatures", 35)));

        InferenceResult result = Infer(TensorShape.Of(1, 8000), 35, layers.ToArray());

        Assert.True(result.Succeeded, result.Problem?.Message);
        Assert.Equal(new[] { "(32, 496)", "(32, 124)", "(32, 122)", "(32, 30)", "(64, 28)", "(64, 7)", "(64, 5)", "(64, 1)", "(64)", "(35)" },
            result.Layers.Where(layer => layer.Spec.Kind is "Conv1d" or "MaxPool1d" or "GlobalAvgPool1d" or "Linear").Select(layer => layer.Output.ToString()));
        Assert.Equal(26_915, result.Layers.Sum(layer => layer.Parameters));
        Assert.Equal("Conv1d(1, 32, kernel_size: 80, stride: 16)", result.Layers[0].Factory);
        Assert.Equal("global::MlDsl.Layers.BatchNormModule.BatchNorm1d(32)", result.Layers[1].Factory);
    }

    [Theory]
    [InlineData(100, 3, 1, 0, 1, 98)]
    [InlineData(100, 3, 1, 1, 1, 100)]
    [InlineData(100, 5, 2, 2, 1, 50)]
    [InlineData(100, 3, 1, 0, 4, 92)]
    [InlineData(13, 5, 1, 0, 3, 1)]
    public void Conv1d_follows_pytorchs_output_length_formula_with_dilation(int length, int kernel, int stride, int padding, int dilation, int expected)
    {
        InferenceResult result = Infer(TensorShape.Of(2, length), null,
            LayerSpec.Of("conv", 0, "Conv1d", Arg("OutChannels", 4), Arg("Kernel", kernel), Arg("Stride", stride), Arg("Padding", padding), Arg("Dilation", dilation)));

        Assert.Equal(TensorShape.Of(4, expected), result.Output);
        Assert.Equal(2L * 4 * kernel + 4, result.Layers[0].Parameters);
    }

    [Fact]
    public void A_declared_conv1d_in_channel_mismatch_is_reported_and_inference_goes_on()
    {
        InferenceResult result = Infer(TensorShape.Of(2, 50), null,
            LayerSpec.Of("conv", 0, "Conv1d", Arg("OutChannels", 4), Arg("InChannels", 3)),
            LayerSpec.Of("pool", 0, "MaxPool1d", Arg("Kernel", 2)));

        Assert.Equal(ShapeProblemKind.InputSizeMismatch, Assert.Single(result.Problems).Kind);
        Assert.Equal(TensorShape.Of(4, 24), result.Output);
    }

    [Fact]
    public void Batch_norm_1d_keeps_flat_rows_and_signals_and_counts_two_parameters_per_channel()
    {
        InferenceResult flat = Infer(TensorShape.Of(16), null, LayerSpec.Of("bn", 0, "BatchNorm1d"));
        InferenceResult signal = Infer(TensorShape.Of(8, 30), null, LayerSpec.Of("bn", 0, "BatchNorm1d"));

        Assert.Equal((TensorShape.Of(16), 32L), (flat.Output!, flat.Layers[0].Parameters));
        Assert.Equal((TensorShape.Of(8, 30), 16L), (signal.Output!, signal.Layers[0].Parameters));
    }

    [Theory]
    [InlineData(new[] { 16 }, 1L)]
    [InlineData(new[] { 8, 1 }, 1L)]
    [InlineData(new[] { 8, 30 }, 30L)]
    [InlineData(new[] { 4, 1, 1 }, 1L)]
    [InlineData(new[] { 4, 3, 5 }, 15L)]
    public void Batch_norm_averages_each_statistic_over_the_values_beside_the_channel(int[] shape, long values)
    {
        Assert.Equal(values, LayerCatalogue.Find("BatchNorm1d").ValuesPerStatistic(TensorShape.Of(shape)));
    }

    [Fact]
    public void Layer_norm_counts_weight_and_bias_per_normalised_element()
    {
        InferenceResult last = Infer(TensorShape.Of(8, 4, 3), null, LayerSpec.Of("norm", 0, "LayerNorm"));
        InferenceResult whole = Infer(TensorShape.Of(8, 4, 3), null, LayerSpec.Of("norm", 0, "LayerNorm", Arg("Dimensions", 3)));

        Assert.Equal(("LayerNorm(3)", 6L), (last.Layers[0].Factory, last.Layers[0].Parameters));
        Assert.Equal(("LayerNorm(new long[] { 8, 4, 3 })", 192L), (whole.Layers[0].Factory, whole.Layers[0].Parameters));
    }

    [Fact]
    public void A_declared_layer_norm_size_is_checked_against_the_last_axis_and_inference_goes_on()
    {
        InferenceResult right = Infer(TensorShape.Sequence(40, 256), null, LayerSpec.Of("norm", 0, "LayerNorm", Arg("NormalizedShape", 256)));
        InferenceResult wrong = Infer(TensorShape.Sequence(40, 256), null, LayerSpec.Of("norm", 0, "LayerNorm", Arg("NormalizedShape", 512)));

        Assert.True(right.Succeeded, right.Problem?.Message);
        Assert.Equal(("LayerNorm(256)", 512L), (right.Layers[0].Factory, right.Layers[0].Parameters));
        Assert.Equal((ShapeProblemKind.InputSizeMismatch, 256, "NormalizedShape"), (wrong.Problem!.Kind, wrong.Problem.Expected, wrong.Problem.Argument));
        Assert.Equal("(40, 256)", wrong.Output!.ToString());
    }

    [Fact]
    public void Global_and_adaptive_pooling_give_pytorchs_shapes()
    {
        InferenceResult global = Infer(TensorShape.Of(8, 5, 7), null, LayerSpec.Of("gap", 0, "GlobalAvgPool2d"));
        InferenceResult adaptive = Infer(TensorShape.Of(8, 5, 7), null, LayerSpec.Of("pool", 0, "AdaptiveAvgPool2d", Arg("OutputSize", 2), Arg("OutputWidth", 3)));

        Assert.Equal(TensorShape.Of(8), global.Output);
        Assert.Equal(TensorShape.Of(8, 2, 3), adaptive.Output);
        Assert.Equal("AdaptiveAvgPool2d(new long[] { 2, 3 })", adaptive.Layers[0].Factory);
    }
}
