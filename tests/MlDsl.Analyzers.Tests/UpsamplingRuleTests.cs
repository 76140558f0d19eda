using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// ConvTranspose2d's output padding, groups and collapse, ConvTranspose1d's rank, output padding and collapse, and global max
/// pooling's rank and Upsample's modes, each beside a silent look-alike. In the CNN conv2 receives (32, 26, 26); in the wave decoder up receives (16, 46).
/// </summary>
public sealed class UpsamplingRuleTests
{
    [Fact]
    public Task An_output_padding_as_large_as_the_stride_is_reported_with_both() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:ConvTranspose2d(64, Kernel = 3, Stride = 2, OutputPadding = 2)|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'conv2' (ConvTranspose2d) has output padding 2, but PyTorch needs it smaller than the stride (2) or the dilation (1)"));

    [Fact]
    public Task An_output_padding_below_the_stride_is_silent() =>
        AnalyzerAsync(Models.CnnWith("[Conv2d(64, Kernel = 3)", "[ConvTranspose2d(64, Kernel = 3, Stride = 2, OutputPadding = 1)"));

    [Fact]
    public Task Padding_that_trims_the_whole_output_is_a_spatial_collapse() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:ConvTranspose2d(64, Kernel = 1, Padding = 14)|}"),
        Diagnostic("MLDSL0004").WithLocation(0).WithMessage(
            "'conv2' (ConvTranspose2d) with kernel 1, stride 1, padding 14 turns (32, 26, 26) into (64, -2, -2): padding 14 trims 28 rows and columns off an output of (26, 26)"
            + "; shapes so far: (1, 28, 28) -> conv1 (32, 26, 26) -> conv1Relu (32, 26, 26)"));

    [Fact]
    public Task Declared_in_channels_of_a_transposed_convolution_are_checked() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:ConvTranspose2d(64, Kernel = 3, InChannels = 16)|}"),
        Diagnostic("MLDSL0001").WithLocation(0).WithMessage("'conv2' (ConvTranspose2d) declares 16 in channels but receives (32, 26, 26), which has 32"));

    [Fact]
    public Task Global_max_pooling_over_a_signal_fed_a_map_is_the_rank_mistake() => AnalyzerAsync(
        Models.CnnWith("[MaxPool2d(2), Dropout(0.25), Flatten]", "[{|#0:GlobalMaxPool1d|}]"),
        Diagnostic("MLDSL0002").WithLocation(0));

    [Fact]
    public Task Global_max_pooling_over_a_map_is_silent_and_needs_no_flatten() =>
        AnalyzerAsync(Models.CnnWith("[MaxPool2d(2), Dropout(0.25), Flatten]", "[GlobalMaxPool2d]"));

    private const string WaveDecoder = """
        using MlDsl;

        [Dataset]
        public sealed partial record Wave
        {
            [Feature, Shape(1, 800)] public required float[] Samples { get; init; }
            [Label(Classes = 4)] public required int Word { get; init; }
        }

        [Model(typeof(Wave))]
        public sealed partial class WaveDecoder
        {
            [Conv1d(16, Kernel = 80, Stride = 16), Relu] Layer down;
            [ConvTranspose1d(8, Kernel = 4, Stride = 2, Padding = 1), Relu] Layer up;
            [GlobalMaxPool1d, Linear(4)] Layer head;
        }
        """;

    private static string DecoderWith(string original, string replacement)
    {
        Assert.Contains(original, WaveDecoder);
        return WaveDecoder.Replace(original, replacement);
    }

    [Fact]
    public Task Groups_that_divide_neither_channel_count_of_a_transposed_convolution_are_reported() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:ConvTranspose2d(64, Kernel = 3, Groups = 3)|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'conv2' (ConvTranspose2d) splits its channels into 3 groups, but its 32 in channels (from (32, 26, 26)) and its 64 out channels are not divisible by 3; PyTorch refuses it"));

    [Fact]
    public Task Groups_that_divide_both_channel_counts_are_silent() =>
        AnalyzerAsync(Models.CnnWith("[Conv2d(64, Kernel = 3)", "[ConvTranspose2d(64, Kernel = 3, Groups = 4)"));

    [Fact]
    public Task A_one_dimensional_transposed_convolution_upsampling_a_signal_is_silent() => AnalyzerAsync(WaveDecoder);

    [Fact]
    public Task A_one_dimensional_transposed_convolution_fed_a_map_is_the_rank_mistake() => AnalyzerAsync(
        Models.CnnWith("[Conv2d(64, Kernel = 3)", "[{|#0:ConvTranspose1d(64, Kernel = 3)|}"),
        Diagnostic("MLDSL0002").WithLocation(0));

    [Fact]
    public Task A_one_dimensional_output_padding_as_large_as_the_stride_is_reported() => AnalyzerAsync(
        DecoderWith("[ConvTranspose1d(8, Kernel = 4, Stride = 2, Padding = 1)", "[{|#0:ConvTranspose1d(8, Kernel = 4, Stride = 2, Padding = 1, OutputPadding = 2)|}"),
        Diagnostic("MLDSL0006").WithLocation(0).WithMessage(
            "'up' (ConvTranspose1d) has output padding 2, but PyTorch needs it smaller than the stride (2) or the dilation (1)"));

    [Fact]
    public Task One_dimensional_padding_that_trims_the_whole_output_is_a_spatial_collapse() => AnalyzerAsync(
        DecoderWith("[ConvTranspose1d(8, Kernel = 4, Stride = 2, Padding = 1)", "[{|#0:ConvTranspose1d(8, Kernel = 1, Padding = 23)|}"),
        Diagnostic("MLDSL0004").WithLocation(0).WithMessage(
            "'up' (ConvTranspose1d) with kernel 1, stride 1, padding 23 turns (16, 46) into (8, 0): padding 23 trims 46 steps off an output of 46"
            + "; shapes so far: (1, 800) -> down (16, 46) -> downRelu (16, 46)"));

    [Fact]
    public Task Bilinear_upsampling_of_a_map_is_silent() =>
        AnalyzerAsync(Models.CnnWith("[MaxPool2d(2), Dropout(0.25), Flatten]", "[Upsample(2, Mode = \"bilinear\", AlignCorners = true), MaxPool2d(2), Dropout(0.25), Flatten]"));

    [Fact]
    public Task Linear_upsampling_of_a_map_asks_for_bilinear() => AnalyzerAsync(
        Models.CnnWith("[MaxPool2d(2), Dropout(0.25), Flatten]", "[{|#0:Upsample(2, Mode = \"linear\")|}, MaxPool2d(2), Dropout(0.25), Flatten]"),
        Diagnostic("MLDSL0006").WithLocation(0));

    [Fact]
    public Task Bicubic_upsampling_of_a_signal_asks_for_linear() => AnalyzerAsync(
        DecoderWith("[GlobalMaxPool1d, Linear(4)]", "[{|#0:Upsample(2, Mode = \"bicubic\")|}, GlobalMaxPool1d, Linear(4)]"),
        Diagnostic("MLDSL0006").WithLocation(0));

    [Fact]
    public Task Linear_upsampling_of_a_signal_is_silent() =>
        AnalyzerAsync(DecoderWith("[GlobalMaxPool1d, Linear(4)]", "[Upsample(2, Mode = \"linear\"), GlobalMaxPool1d, Linear(4)]"));

    [Fact]
    public Task Aligned_corners_with_nearest_upsampling_are_refused_as_pytorch_does() => AnalyzerAsync(
        Models.CnnWith("[MaxPool2d(2), Dropout(0.25), Flatten]", "[{|#0:Upsample(2, AlignCorners = false)|}, MaxPool2d(2), Dropout(0.25), Flatten]"),
        Diagnostic("MLDSL0006").WithLocation(0));

    [Fact]
    public Task An_unknown_upsampling_mode_is_reported() => AnalyzerAsync(
        Models.CnnWith("[MaxPool2d(2), Dropout(0.25), Flatten]", "[{|#0:Upsample(2, Mode = \"area\")|}, MaxPool2d(2), Dropout(0.25), Flatten]"),
        Diagnostic("MLDSL0006").WithLocation(0));
}
