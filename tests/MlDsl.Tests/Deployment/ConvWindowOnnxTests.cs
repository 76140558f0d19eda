using MlDsl.Deployment.Onnx;
using MlDsl.Tests.Layers;

namespace MlDsl.Tests.Deployment;

/// <summary>Conv2d's and Conv1d's groups, dilation, non-square windows and padding='same' reach the ONNX attributes.</summary>
public sealed class ConvWindowOnnxTests
{
    [Fact]
    public void Grouped_dilated_and_non_square_convolutions_carry_their_onnx_attributes()
    {
        var convolutions = Nodes(new WindowNet(1), "Conv");

        Assert.Equal(new long[] { 1, 3, 6, 1, 1, 1 }, convolutions.Select(node => Attribute(node, "group").I));
        Assert.Equal(new long[] { 2, 2 }, Attribute(convolutions[0], "dilations").Ints);
        Assert.Equal(new long[] { 3, 1 }, Attribute(convolutions[3], "kernel_shape").Ints);
        Assert.Equal(new long[] { 1, 2 }, Attribute(convolutions[3], "strides").Ints);
        Assert.Equal(new long[] { 1, 0, 1, 0 }, Attribute(convolutions[3], "pads").Ints);
        // padding='same' with an odd kernel: 1 on each side; with kernel 2 and dilation (1, 3): reaches 1 and 3, the odd one after.
        Assert.Equal(new long[] { 1, 1, 1, 1 }, Attribute(convolutions[4], "pads").Ints);
        Assert.Equal(new long[] { 0, 1, 1, 2 }, Attribute(convolutions[5], "pads").Ints);
        Assert.Equal(new long[] { 1, 3 }, Attribute(convolutions[5], "dilations").Ints);
    }

    [Fact]
    public void Non_square_pools_carry_their_windows()
    {
        using var model = new WindowNet(1);
        var max = Nodes(model, "MaxPool").Single();
        var average = Nodes(new WindowNet(1), "AveragePool").Single();

        Assert.Equal(new long[] { 2, 1 }, Attribute(max, "kernel_shape").Ints);
        Assert.Equal(new long[] { 2, 1 }, Attribute(max, "strides").Ints);
        Assert.Equal(new long[] { 1, 2 }, Attribute(average, "kernel_shape").Ints);
        Assert.Equal(new long[] { 1, 1 }, Attribute(average, "strides").Ints);
        Assert.Equal(new long[] { 0, 1, 0, 1 }, Attribute(average, "pads").Ints);
    }

    [Fact]
    public void A_grouped_conv1d_with_same_padding_carries_group_and_asymmetric_pads()
    {
        var convolutions = Nodes(new GroupedPulseNet(1), "Conv");

        Assert.Equal(new long[] { 1, 2, 8 }, convolutions.Select(node => Attribute(node, "group").I));
        Assert.Equal(new long[] { 2, 2 }, Attribute(convolutions[0], "pads").Ints);
        Assert.Equal(new long[] { 1, 2 }, Attribute(convolutions[2], "pads").Ints);
    }

    [Fact]
    public void Transposed_convolutions_carry_output_padding_and_dilation_and_global_max_pooling_is_reduce_max()
    {
        var transposed = Nodes(new UpsamplingNet(1), "ConvTranspose");
        var reduce = Nodes(new UpsamplingNet(1), "ReduceMax").Single();

        Assert.Equal(2, transposed.Count);
        Assert.Equal(new long[] { 2, 2 }, Attribute(transposed[0], "strides").Ints);
        Assert.Equal(new long[] { 1, 1 }, Attribute(transposed[0], "output_padding").Ints);
        Assert.Equal(new long[] { 1, 1, 1, 1 }, Attribute(transposed[0], "pads").Ints);
        Assert.Equal(new long[] { 2, 2 }, Attribute(transposed[1], "dilations").Ints);
        Assert.Equal(2, transposed[1].Input.Count); // bias-free: no B input
        Assert.Equal(new long[] { 2, 3 }, Attribute(reduce, "axes").Ints);
        Assert.Equal(0, Attribute(reduce, "keepdims").I);
    }

    [Fact]
    public void One_dimensional_and_grouped_transposed_convolutions_carry_one_axis_of_attributes_and_their_group()
    {
        var oneDimensional = Nodes(new PulseDecoderNet(1), "ConvTranspose");
        var grouped = Nodes(new GroupedUpsamplingNet(1), "ConvTranspose").Single();

        Assert.Equal(2, oneDimensional.Count);
        Assert.Equal(new long[] { 4 }, Attribute(oneDimensional[0], "kernel_shape").Ints);
        Assert.Equal(new long[] { 1, 1 }, Attribute(oneDimensional[0], "pads").Ints);
        Assert.Equal(new long[] { 1 }, Attribute(oneDimensional[1], "output_padding").Ints);
        Assert.Equal(new long[] { 2 }, Attribute(oneDimensional[1], "dilations").Ints);
        Assert.Equal(2, Attribute(oneDimensional[1], "group").I);
        Assert.Equal(2, oneDimensional[1].Input.Count); // bias-free: no B input
        Assert.Equal(3, Attribute(grouped, "group").I);
        Assert.Equal(new long[] { 2, 2 }, Attribute(grouped, "strides").Ints);
    }

    [Fact]
    public void Non_square_transposed_convolutions_carry_one_size_per_axis()
    {
        var transposed = Nodes(new AnisotropicUpsamplingNet(1), "ConvTranspose").Single();

        Assert.Equal(new long[] { 3, 1 }, Attribute(transposed, "kernel_shape").Ints);
        Assert.Equal(new long[] { 2, 1 }, Attribute(transposed, "strides").Ints);
        Assert.Equal(new long[] { 1, 0, 1, 0 }, Attribute(transposed, "pads").Ints);
        Assert.Equal(new long[] { 0, 0 }, Attribute(transposed, "output_padding").Ints);
        Assert.Equal(new long[] { 1, 1 }, Attribute(transposed, "dilations").Ints);
    }

    [Fact]
    public void Upsampling_to_a_size_resizes_to_sizes_read_with_the_batch_at_run_time()
    {
        var map = Nodes(new AnisotropicUpsamplingNet(1), "Resize");
        var signal = Nodes(new SizedUpsamplingPulseNet(1), "Resize");

        // Interpolating: Resize's inputs X, roi, scales, sizes. Sizes, not scales, so the output is exactly the declared size.
        Assert.All(map.Concat(signal), node => Assert.Equal(4, node.Input.Count));
        Assert.All(map.Concat(signal), node => Assert.Equal("", node.Input[2]));
        Assert.Equal(new[] { "linear" }, map.Select(node => Attribute(node, "mode").S.ToStringUtf8()));
        Assert.Equal(new[] { "linear" }, signal.Select(node => Attribute(node, "mode").S.ToStringUtf8()));
        Assert.Single(Nodes(new AnisotropicUpsamplingNet(1), "Shape")); // the batch and channels come from the tensor
        // Nearest: a Gather of PyTorch's own source indices per axis (two for the map, one for the signal).
        Assert.Equal(new long[] { 2, 3 }, Nodes(new AnisotropicUpsamplingNet(1), "Gather").Select(node => Attribute(node, "axis").I));
        Assert.Equal(new long[] { 2 }, Nodes(new SizedUpsamplingPulseNet(1), "Gather").Select(node => Attribute(node, "axis").I));
    }

    [Fact]
    public void Interpolating_upsampling_is_resize_with_pytorchs_coordinates()
    {
        var map = Nodes(new SmoothUpsamplingNet(1), "Resize");
        var signal = Nodes(new LinearUpsamplingPulseNet(1), "Resize");

        Assert.Equal(new[] { "linear", "cubic" }, map.Select(node => Attribute(node, "mode").S.ToStringUtf8()));
        Assert.Equal(new[] { "pytorch_half_pixel", "align_corners" }, map.Select(node => Attribute(node, "coordinate_transformation_mode").S.ToStringUtf8()));
        Assert.Equal(-0.75f, Attribute(map[1], "cubic_coeff_a").F);
        Assert.Equal(new[] { "linear", "linear" }, signal.Select(node => Attribute(node, "mode").S.ToStringUtf8()));
        Assert.Equal(new[] { "pytorch_half_pixel", "align_corners" }, signal.Select(node => Attribute(node, "coordinate_transformation_mode").S.ToStringUtf8()));
    }

    [Fact]
    public void Pooling_in_ceil_mode_carries_ceil_mode()
    {
        var pools = Nodes(new CeilPoolingNet(1), "MaxPool").Concat(Nodes(new CeilPoolingNet(1), "AveragePool"))
            .Concat(Nodes(new CeilPoolingPulseNet(1), "MaxPool")).Concat(Nodes(new CeilPoolingPulseNet(1), "AveragePool")).ToList();
        var floor = Nodes(new StackedStemNet(1), "MaxPool").Concat(Nodes(new WindowNet(1), "MaxPool")).ToList();

        Assert.Equal(4, pools.Count);
        Assert.All(pools, pool => Assert.Equal(1, Attribute(pool, "ceil_mode").I));
        Assert.Equal(2, floor.Count);
        Assert.All(floor, pool => Assert.Equal(0, Attribute(pool, "ceil_mode").I));
    }

    private static List<global::Onnx.NodeProto> Nodes(IOnnxExportable model, string op)
    {
        var stream = new MemoryStream();
        model.ExportOnnx(stream);
        ((IDisposable)model).Dispose();
        return global::Onnx.ModelProto.Parser.ParseFrom(stream.ToArray()).Graph.Node.Where(node => node.OpType == op).ToList();
    }

    private static global::Onnx.AttributeProto Attribute(global::Onnx.NodeProto node, string name) =>
        node.Attribute.SingleOrDefault(attribute => attribute.Name == name) ?? new global::Onnx.AttributeProto { Name = name, I = 1 };
}
