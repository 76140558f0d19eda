using MlDsl.CodeFixes;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>Rank and size mistakes of the 1-D and normalisation layers, each beside a look-alike that must stay silent.</summary>
public sealed class OneDimensionalRuleTests
{
    private const string Wave = """
        using MlDsl;

        [Dataset]
        public sealed partial record Wave
        {
            [Feature, Shape(1, 800)] public required float[] Samples { get; init; }
            [Label(Classes = 4)] public required int Word { get; init; }
        }

        """;

    // (1, 800) -> conv1 (16, 46) -> pool1 (16, 11) -> conv2 (32, 9) -> pool (32) -> head (4)
    private const string Cnn = """
        [Model(typeof(Wave))]
        public sealed partial class WaveCnn
        {
            [Conv1d(16, Kernel = 80, Stride = 16), BatchNorm1d, Relu] Layer conv1;
            [MaxPool1d(4)] Layer pool1;
            [Conv1d(32, Kernel = 3), GroupNorm(8), Relu] Layer conv2;
            [GlobalAvgPool1d] Layer pool;
            [Linear(4)] Layer head;
        }
        """;

    private static string CnnWith(string original, string replacement, string dataset = Wave)
    {
        Assert.Contains(original, Cnn);
        return dataset + Cnn.Replace(original, replacement);
    }

    private static string WaveShaped(string shape) => Wave.Replace("Shape(1, 800)", shape);

    [Fact]
    public Task The_waveform_cnn_is_silent() => AnalyzerAsync(Wave + Cnn);

    [Fact]
    public Task Flat_samples_into_conv1d_ask_for_a_channel_axis() => AnalyzerAsync(
        CnnWith("[Conv1d(16, Kernel = 80, Stride = 16)", "[{|#0:Conv1d(16, Kernel = 80, Stride = 16)|}", WaveShaped("{|#1:Shape(800)|}")),
        Diagnostic("MLDSL0002").WithLocation(0).WithLocation(1).WithMessage(
            "'conv1' (Conv1d) expects (channels, length) but receives (800), a rank-1 tensor; a waveform or series of 800 samples needs a channel axis: declare [Shape(1, 800)] or add [Unsqueeze(0)] before it"));

    [Fact]
    public Task Flat_samples_into_conv1d_are_declared_a_one_channel_signal_by_the_fix() => CodeFixAsync<ImageShapeCodeFix>(
        CnnWith("[Conv1d(16, Kernel = 80, Stride = 16)", "[{|MLDSL0002:Conv1d(16, Kernel = 80, Stride = 16)|}", WaveShaped("Shape(800)")),
        Wave + Cnn);

    [Fact]
    public Task A_square_number_of_samples_into_conv1d_is_declared_a_signal_not_an_image() => CodeFixAsync<ImageShapeCodeFix>(
        CnnWith("[Conv1d(16, Kernel = 80, Stride = 16)", "[{|MLDSL0002:Conv1d(16, Kernel = 80, Stride = 16)|}", WaveShaped("Shape(784)")),
        Wave.Replace("Shape(1, 800)", "Shape(1, 784)") + Cnn);

    [Fact]
    public Task An_image_into_conv1d_points_to_conv2d_or_squeezing_the_channel() => AnalyzerAsync(
        CnnWith("[Conv1d(16, Kernel = 80, Stride = 16)", "[{|#0:Conv1d(16, Kernel = 80, Stride = 16)|}", WaveShaped("Shape(1, 20, 40)")),
        Diagnostic("MLDSL0002").WithLocation(0).WithMessage(
            "'conv1' (Conv1d) expects (channels, length) but receives (1, 20, 40), a rank-3 tensor; use Conv2d for a (channels, height, width) map, or drop its single channel with [Squeeze(0)] to read (20, 40) as (channels, length)"));

    [Fact]
    public Task The_same_image_into_conv2d_is_silent() => AnalyzerAsync(WaveShaped("Shape(1, 20, 40)") + """
        [Model(typeof(Wave))]
        public sealed partial class WaveCnn
        {
            [Conv2d(8, Kernel = 3), BatchNorm2d, Relu] Layer conv1;
            [GlobalAvgPool2d] Layer pool;
            [Linear(4)] Layer head;
        }
        """);

    [Fact]
    public Task A_signal_into_conv2d_points_to_conv1d() => AnalyzerAsync(
        CnnWith("[Conv1d(32, Kernel = 3)", "[{|#0:Conv2d(32, Kernel = 3)|}"),
        Diagnostic("MLDSL0002").WithLocation(0).WithMessage(
            "'conv2' (Conv2d) expects (channels, height, width) but receives (16, 11), a rank-2 tensor; use Conv1d for a (channels, length) signal"));

    [Fact]
    public Task A_signal_into_max_pool_2d_points_to_max_pool_1d() => AnalyzerAsync(
        CnnWith("[MaxPool1d(4)]", "[{|#0:MaxPool2d(4)|}]"),
        Diagnostic("MLDSL0002").WithLocation(0).WithMessage(
            "'pool1' (MaxPool2d) expects (channels, height, width) but receives (16, 46), a rank-2 tensor; use MaxPool1d for a (channels, length) signal"));

    [Fact]
    public Task A_signal_into_batch_norm_2d_points_to_batch_norm_1d() => AnalyzerAsync(
        CnnWith("BatchNorm1d, Relu] Layer conv1;", "{|#0:BatchNorm2d|}, Relu] Layer conv1;"),
        Diagnostic("MLDSL0002").WithLocation(0).WithMessage(
            "'conv1' (BatchNorm2d) expects (channels, height, width) but receives (16, 46), a rank-2 tensor; use BatchNorm1d for flat (features) rows or a (channels, length) signal"));

    [Fact]
    public Task A_pooled_image_into_max_pool_1d_points_to_max_pool_2d() => AnalyzerAsync(
        WaveShaped("Shape(3, 20, 40)") + """
        [Model(typeof(Wave))]
        public sealed partial class WaveCnn
        {
            [Conv2d(8, Kernel = 3), Relu] Layer conv1;
            [{|#0:MaxPool1d(2)|}, GlobalAvgPool1d] Layer pool;
            [Linear(4)] Layer head;
        }
        """,
        Diagnostic("MLDSL0002").WithLocation(0).WithMessage(
            "'pool' (MaxPool1d) expects (channels, length) but receives (8, 18, 38), a rank-3 tensor; use MaxPool2d for a (channels, height, width) map, or [Reshape] it to (channels, length)"));

    [Fact]
    public Task A_map_into_batch_norm_1d_points_to_batch_norm_2d() => AnalyzerAsync(
        WaveShaped("Shape(1, 20, 40)") + """
        [Model(typeof(Wave))]
        public sealed partial class WaveCnn
        {
            [Conv2d(8, Kernel = 3), {|#0:BatchNorm1d|}, Relu] Layer conv1;
            [GlobalAvgPool2d] Layer pool;
            [Linear(4)] Layer head;
        }
        """,
        Diagnostic("MLDSL0002").WithLocation(0).WithMessage(
            "'conv1' (BatchNorm1d) expects flat (features) rows or a (channels, length) signal but receives (8, 18, 38), a rank-3 tensor; use BatchNorm2d for a (channels, height, width) map"));

    [Fact]
    public Task A_declared_batch_norm_width_that_is_not_the_channel_count_is_a_size_mismatch() => AnalyzerAsync(
        CnnWith("BatchNorm1d, Relu] Layer conv1;", "{|#0:BatchNorm1d(NumFeatures = 32)|}, Relu] Layer conv1;"),
        Diagnostic("MLDSL0001").WithLocation(0).WithMessage("'conv1' (BatchNorm1d) declares 32 channels but receives (16, 46), which has 16"));

    [Fact]
    public Task The_right_declared_batch_norm_width_is_silent() =>
        AnalyzerAsync(CnnWith("BatchNorm1d, Relu] Layer conv1;", "BatchNorm1d(NumFeatures = 16), Relu] Layer conv1;"));

    [Fact]
    public Task A_wrong_batch_norm_width_is_replaced_by_the_channel_count() => CodeFixAsync<InputSizeCodeFix>(
        CnnWith("BatchNorm1d, Relu] Layer conv1;", "{|MLDSL0001:BatchNorm1d(NumFeatures = 32)|}, Relu] Layer conv1;"),
        CnnWith("BatchNorm1d, Relu] Layer conv1;", "BatchNorm1d(NumFeatures = 16), Relu] Layer conv1;"));

    [Fact]
    public Task A_declared_conv1d_in_channels_that_differ_are_a_size_mismatch() => AnalyzerAsync(
        CnnWith("[Conv1d(32, Kernel = 3)", "[{|#0:Conv1d(32, Kernel = 3, InChannels = 1)|}"),
        Diagnostic("MLDSL0001").WithLocation(0).WithMessage("'conv2' (Conv1d) declares 1 in channels but receives (16, 11), which has 16"));

    [Fact]
    public Task Group_norm_groups_that_do_not_divide_the_channels_are_out_of_range() => AnalyzerAsync(
        CnnWith("GroupNorm(8)", "{|#0:GroupNorm(5)|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'conv2' (GroupNorm) splits the 32 channels of (32, 9) into 5 groups, but 5 does not divide 32; use a divisor such as 4"));

    [Fact]
    public Task Group_norm_groups_that_divide_the_channels_are_silent() =>
        AnalyzerAsync(CnnWith("GroupNorm(8)", "GroupNorm(32, NumChannels = 32)"));

    [Fact]
    public Task Group_norm_on_flat_features_points_to_layer_norm() => AnalyzerAsync(
        CnnWith("[GlobalAvgPool1d]", "[GlobalAvgPool1d, {|#0:GroupNorm(4)|}]"),
        Diagnostic("MLDSL0002").WithLocation(0).WithMessage(
            "'pool' (GroupNorm) expects (channels, length) or (channels, height, width) but receives (32), a rank-1 tensor; use LayerNorm to normalise flat features"));

    [Fact]
    public Task Layer_norm_on_flat_features_is_silent() => AnalyzerAsync(CnnWith("[GlobalAvgPool1d]", "[GlobalAvgPool1d, LayerNorm]"));

    [Fact]
    public Task A_declared_group_norm_channel_count_that_differs_is_a_size_mismatch() => AnalyzerAsync(
        CnnWith("GroupNorm(8)", "{|#0:GroupNorm(8, NumChannels = 64)|}"),
        Diagnostic("MLDSL0001").WithLocation(0).WithMessage("'conv2' (GroupNorm) declares 64 channels but receives (32, 9), which has 32"));

    [Fact]
    public Task A_conv1d_kernel_longer_than_the_sequence_collapses_it_with_the_shapes_so_far() => AnalyzerAsync(
        CnnWith("[Conv1d(32, Kernel = 3)", "[{|#0:Conv1d(32, Kernel = 5, Dilation = 3)|}"),
        Diagnostic("MLDSL0004").WithLocation(0).WithMessage(
            "'conv2' (Conv1d) with kernel 5, stride 1, padding 0, dilation 3 turns (16, 11) into (32, -1): the padded length 11 is shorter than the kernel's reach of 13; "
            + "shapes so far: (1, 800) -> conv1 (16, 46) -> conv1BatchNorm1d (16, 46) -> conv1Relu (16, 46) -> pool1 (16, 11)"));

    [Fact]
    public Task The_same_dilated_kernel_with_padding_is_silent() =>
        AnalyzerAsync(CnnWith("[Conv1d(32, Kernel = 3)", "[Conv1d(32, Kernel = 5, Dilation = 3, Padding = 1)"));

    [Fact]
    public Task A_pool_wider_than_the_sequence_collapses_it() => AnalyzerAsync(
        CnnWith("[MaxPool1d(4)]", "[{|#0:AvgPool1d(50)|}]"),
        Diagnostic("MLDSL0004").WithLocation(0).WithMessage(
            "'pool1' (AvgPool1d) with kernel 50, stride 50 turns (16, 46) into (16, 0): the padded length 46 is shorter than the kernel; "
            + "shapes so far: (1, 800) -> conv1 (16, 46) -> conv1BatchNorm1d (16, 46) -> conv1Relu (16, 46)"));

    [Fact]
    public Task A_pool_as_wide_as_the_sequence_is_silent() => AnalyzerAsync(
        CnnWith("[MaxPool1d(4)]", "[AvgPool1d(46)]").Replace("[Conv1d(32, Kernel = 3), GroupNorm(8), Relu] Layer conv2;", "[Conv1d(32, Kernel = 1), GroupNorm(8), Relu] Layer conv2;"));

    [Fact]
    public Task Layer_norm_over_more_axes_than_the_input_has_is_out_of_range() => AnalyzerAsync(
        CnnWith("[GlobalAvgPool1d]", "[GlobalAvgPool1d, {|#0:LayerNorm(Dimensions = 2)|}]"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage("'pool' (LayerNorm) normalises the last 2 axes of (32), which has 1; Dimensions must lie in [1, 1]"));

    [Fact]
    public Task Layer_norm_over_a_whole_signal_is_silent() =>
        AnalyzerAsync(CnnWith("[GlobalAvgPool1d]", "[LayerNorm(Dimensions = 2), GlobalAvgPool1d]"));

    [Fact]
    public Task Dropout2d_on_a_signal_points_to_dropout() => AnalyzerAsync(
        CnnWith("[MaxPool1d(4)]", "[MaxPool1d(4), {|#0:Dropout2d(0.2)|}]"),
        Diagnostic("MLDSL0002").WithLocation(0).WithMessage(
            "'pool1' (Dropout2d) expects (channels, height, width) but receives (16, 11), a rank-2 tensor; use Dropout for flat features or a (channels, length) signal"));

    [Fact]
    public Task Global_pooling_gives_a_flat_vector_so_linear_needs_no_flatten() =>
        AnalyzerAsync(WaveShaped("Shape(3, 20, 40)") + """
        [Model(typeof(Wave))]
        public sealed partial class WaveCnn
        {
            [Conv2d(8, Kernel = 3), GroupNorm(2), Silu, Dropout2d(0.1)] Layer conv1;
            [AdaptiveAvgPool2d(4, OutputWidth = 8), LayerNorm(Dimensions = 3), LeakyRelu(0.2)] Layer pool;
            [GlobalAvgPool2d, Elu, Softplus] Layer gap;
            [Linear(4)] Layer head;
        }
        """);

    [Fact]
    public Task Linear_after_adaptive_pooling_still_needs_flatten() => AnalyzerAsync(
        CnnWith("[GlobalAvgPool1d]", "[{|#1:AdaptiveAvgPool1d(1)|}]").Replace("[Linear(4)]", "[{|#0:Linear(4)|}]"),
        Diagnostic("MLDSL0003").WithLocation(0).WithLocation(1).WithMessage("'head' (Linear) expects a flat (features) tensor but receives (32, 1), a feature map; add [Flatten] before it (Linear applies per position only to a sequence (steps, features) made by Embedding, Lstm or Gru with ReturnSequences, TransformerEncoder, PositionalEncoding or Permute)"));
}
